/**
 * Writes what the page reads precomputed from Docker's default profile:
 * - src/core/generated/docker-default-text.ts: the profile's text, rendered from the listing in
 *   src/core/docker-default-listing.ts;
 * - src/catalog/generated/docker-view.ts: Docker's view of every syscall, computed from it;
 * - src/catalog/generated/docker-gates.ts: the capabilities that gate each one, from the same view.
 *
 *   npx tsx scripts/generate-docker-view.ts [--check]
 *
 * With --check nothing is written: exit 1 when a committed file differs from a fresh render.
 * Run it after changing the listing, the engine or the syscall table. The view is computed from
 * the text as this process loaded it: when the text changes, the script says to run it again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  renderDockerGatesTable,
  renderDockerViewTable,
} from '../src/catalog/render-docker-view.ts';
import { renderDockerDefaultTextModule } from '../src/core/render-docker-default.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outputs: [string, () => string][] = [
  // The text first: the view is computed from the profile the page reads.
  ['src/core/generated/docker-default-text.ts', renderDockerDefaultTextModule],
  ['src/catalog/generated/docker-view.ts', renderDockerViewTable],
  ['src/catalog/generated/docker-gates.ts', renderDockerGatesTable],
];

for (const [file, render] of outputs) {
  const path = resolve(root, file);
  const rendered = render();
  if (check) {
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (committed !== rendered) {
      console.error(`${file} is out of date. Run: npx tsx scripts/generate-docker-view.ts`);
      process.exitCode = 1;
    } else {
      console.log(`${file} is up to date.`);
    }
  } else {
    const changed = !existsSync(path) || readFileSync(path, 'utf8') !== rendered;
    writeFileSync(path, rendered);
    console.log(`wrote ${file}`);
    if (changed && file.includes('docker-default-text')) {
      console.log('The default profile text changed: run this again to compute the view from it.');
      break;
    }
  }
}
