/**
 * The `syscalls` command and the catalog lines of `explain`: the syscall catalog with Docker's
 * view of each syscall, computed by the engine from the built-in default profile.
 */
import type { ResolveContext } from '../core/context.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { explainSyscall } from '../core/explain.ts';
import { catalogEntries, catalogEntry } from '../catalog/catalog.ts';
import { syscallNotes } from '../catalog/syscall-notes.ts';
import type { Io } from './main.ts';

/** Lines about a syscall from the catalog, for `explain`. */
export function explainCatalogLines(syscall: string): string[] {
  const entry = catalogEntry(syscall);
  const notes = syscallNotes(syscall);
  if (!entry || !notes) return [];
  const lines = [`What it does: ${entry.description}`];
  if (entry.reason) {
    lines.push(`Why Docker's default doesn't simply allow it: ${entry.reason.reason}`);
    lines.push(`Risk: ${entry.reason.risk}: ${notes.threat?.threat ?? ''}`);
    if (notes.threat?.docsNote) lines.push(`Docker's documentation: ${notes.threat.docsNote}`);
  }
  if (entry.docker.capabilities.length > 0) {
    lines.push(`Gated by: ${entry.docker.capabilities.join(' or ')}`);
  }
  if (notes.manPage) lines.push(`Manual: ${notes.manPage}`);
  return lines;
}

/** Lists the catalog with each syscall's outcome under Docker's default in the context. */
export function syscallsCommand(context: ResolveContext, json: boolean, io: Io): number {
  const profile = dockerDefaultProfile();
  const rows = catalogEntries().map((entry) => {
    const explanation = explainSyscall(profile, entry.name, context);
    const notes = syscallNotes(entry.name);
    const threat = notes?.threat;
    return {
      name: entry.name,
      description: entry.description,
      category: entry.category,
      ...(notes?.manPage ? { manPage: notes.manPage } : {}),
      numbers: entry.numbers,
      capabilities: entry.docker.capabilities,
      docker: explanation.status,
      ...(notes?.docker.minKernel ? { minKernel: notes.docker.minKernel } : {}),
      changes: explanation.alternatives,
      ...(entry.reason
        ? {
            reason: entry.reason.reason,
            risk: entry.reason.risk,
            threat: threat?.threat ?? '',
            ...(threat?.docsNote ? { docsNote: threat.docsNote } : {}),
          }
        : {}),
    };
  });
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
  } else {
    const width = Math.max(...rows.map((row) => row.name.length));
    for (const row of rows) {
      const gate = row.capabilities.length ? ` [${row.capabilities.join(' or ')}]` : '';
      io.out(`${row.name.padEnd(width)}  ${row.docker}${gate}  — ${row.description}`);
    }
  }
  return 0;
}
