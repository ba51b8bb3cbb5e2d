/**
 * The production build the bench serves, and what is in it: `vite build` into a temporary
 * directory (exactly as `npm run build` would, only elsewhere), then a second build with hidden
 * source maps whose mappings attribute every byte of each JavaScript chunk to the module it
 * came from, so the report can name the heavy modules.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Runs `npx vite build` with extra arguments; resolves with its output. */
export function viteBuild(cwd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`vite build exited with ${code}:\n${output}`));
    });
  });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one segment's Base64 VLQ fields. */
export function decodeSegment(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** The package or project path a source-map source belongs to. */
export function moduleGroup(source) {
  const path = source.replace(/\\/g, '/').replace(/^\0/, '');
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const src = path.indexOf('src/');
  if (src >= 0) return path.slice(src);
  return path.replace(/^(\.\.\/)+/, '');
}

/**
 * Attributes each byte of a generated chunk to the source module of the mapping segment that
 * covers it (bytes before a line's first segment, or from segments without a source, count as
 * "(bundler glue)").
 *
 * @returns {Map<string, string>} module → the generated code attributed to it
 */
export function attribute(code, map) {
  const perSource = new Map();
  const add = (source, text) => {
    if (text === '') return;
    const list = perSource.get(source);
    if (list) list.push(text);
    else perSource.set(source, [text]);
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let sourceIndex = 0;
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo];
    const segments = [];
    let column = 0;
    for (const raw of (mappingLines[lineNo] ?? '').split(',')) {
      if (raw === '') continue;
      const fields = decodeSegment(raw);
      column += fields[0];
      let source;
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        // fields[2], fields[3] (line, column) and fields[4] (name) are not needed here
        source = map.sources[sourceIndex];
      }
      segments.push([column, source]);
    }
    if (segments.length === 0) {
      add('(bundler glue)', line + '\n');
      continue;
    }
    add('(bundler glue)', line.slice(0, segments[0][0]));
    for (let i = 0; i < segments.length; i++) {
      const end = i + 1 < segments.length ? segments[i + 1][0] : line.length;
      const text = line.slice(segments[i][0], end) + (i + 1 === segments.length ? '\n' : '');
      add(segments[i][1] === undefined ? '(bundler glue)' : moduleGroup(segments[i][1]), text);
    }
  }
  return new Map([...perSource].map(([source, parts]) => [source, parts.join('')]));
}

const gzipSize = (text) => gzipSync(Buffer.from(text)).length;

/**
 * Builds the app into `outDir` with hidden source maps (the served files are byte-identical to
 * a plain `vite build`: only `.map` files are added, and nothing references them) and analyses
 * the chunks through those maps.
 *
 * @returns the build's own output and, per JS chunk, sizes and the heaviest modules
 */
export async function buildAndAnalyse(cwd, outDir) {
  const analysisDir = outDir;
  const buildOutput = await viteBuild(cwd, [
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--sourcemap',
    'hidden',
  ]);

  const assets = [];
  for (const name of (await readdir(join(outDir, 'assets'))).sort()) {
    if (name.endsWith('.map')) continue;
    const bytes = await readFile(join(outDir, 'assets', name));
    assets.push({ file: `assets/${name}`, bytes: bytes.length, gzip: gzipSync(bytes).length });
  }

  const chunks = [];
  const totals = new Map();
  for (const name of (await readdir(join(analysisDir, 'assets'))).sort()) {
    if (!name.endsWith('.js')) continue;
    const code = await readFile(join(analysisDir, 'assets', name), 'utf8');
    let map;
    try {
      map = JSON.parse(await readFile(join(analysisDir, 'assets', `${name}.map`), 'utf8'));
    } catch {
      continue;
    }
    const modules = [...attribute(code, map)].map(([module, text]) => ({
      module,
      bytes: Buffer.byteLength(text),
      gzipAlone: gzipSize(text),
    }));
    modules.sort((a, b) => b.bytes - a.bytes);
    for (const entry of modules) {
      const total = totals.get(entry.module) ?? { module: entry.module, bytes: 0, gzipAlone: 0 };
      total.bytes += entry.bytes;
      total.gzipAlone += entry.gzipAlone;
      totals.set(entry.module, total);
    }
    chunks.push({
      file: `assets/${name}`,
      bytes: Buffer.byteLength(code),
      gzip: gzipSize(code),
      modules,
    });
  }

  /** Project files grouped by package (node_modules) or by folder (src/…). */
  const byGroup = new Map();
  for (const entry of totals.values()) {
    const group = entry.module.startsWith('src/')
      ? entry.module
          .split('/')
          .slice(0, entry.module.includes('/generated/') ? 3 : 2)
          .join('/')
      : entry.module;
    const total = byGroup.get(group) ?? { group, bytes: 0, gzipAlone: 0, modules: 0 };
    total.bytes += entry.bytes;
    total.gzipAlone += entry.gzipAlone;
    total.modules += 1;
    byGroup.set(group, total);
  }

  // The JavaScript the page cannot start without: index.html's module scripts and
  // modulepreloads (Vite lists the entry's static imports there); lazy chunks are not in it.
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const entryFiles = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g),
  ].map((match) => match[1]);
  const entryJs = {
    files: entryFiles,
    gzip: assets
      .filter((asset) => entryFiles.includes(asset.file))
      .reduce((total, asset) => total + asset.gzip, 0),
  };

  const sizeLines = buildOutput
    .split('\n')
    .filter((line) => /│ gzip:|\| gzip:/.test(line))
    .map((line) => line.replace(/^.*?(assets\/|index\.html)/, '$1').trim());

  return {
    viteOutput: sizeLines,
    entryJs,
    assets,
    chunks,
    modules: [...totals.values()].sort((a, b) => b.bytes - a.bytes),
    groups: [...byGroup.values()].sort((a, b) => b.bytes - a.bytes),
  };
}
