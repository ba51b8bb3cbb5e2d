/**
 * The baseline for the cold-load figure: a plain static HTML page with the same table as the
 * app (every catalog syscall with its status, Docker's reason, gating capability and
 * description), a search box and an "Allow …" switch per row, no JavaScript at all. Generated
 * from the catalog (src/catalog/catalog.ts, run under tsx) and served like the app.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const escapeHtml = (text) =>
  String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * Writes `index.html` for the baseline into `dir`.
 *
 * @returns {Promise<{ rows: number, bytes: number }>}
 */
export async function writeBaseline(dir) {
  const { catalogEntries } = await import('../src/catalog/catalog.ts');
  const entries = catalogEntries();
  const rows = entries.map((entry) => {
    const allowed = entry.docker.status === 'Allowed';
    return [
      '<tr>',
      `<td><input type="checkbox" role="switch" aria-label="Allow ${escapeHtml(entry.name)}"${allowed ? ' checked' : ''}></td>`,
      `<td class="name">${escapeHtml(entry.name)}</td>`,
      `<td>${escapeHtml(entry.docker.status)}</td>`,
      `<td>${escapeHtml(entry.reason?.reason ?? '')}</td>`,
      `<td class="mono">${escapeHtml(entry.docker.capabilities.join(' or '))}</td>`,
      `<td>${escapeHtml(entry.description)}</td>`,
      '</tr>',
    ].join('');
  });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>seccomp-editor baseline</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; padding: 0.6rem 1rem; }
input[type=search] { width: 24rem; padding: 0.3rem 0.5rem; margin-bottom: 0.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.name, td.mono { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<h1>seccomp-editor</h1>
<input type="search" aria-label="Search syscalls" placeholder="Search name, description, reason, capability…">
<table>
<caption>Syscalls and their status under Docker's default profile</caption>
<thead><tr><th>Allow</th><th>Syscall</th><th>Status</th><th>Reason</th><th>Capability</th><th>Description</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html);
  return { rows: entries.length, bytes: Buffer.byteLength(html) };
}
