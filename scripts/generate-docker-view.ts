/**
 * Writes src/catalog/generated/docker-view.ts: Docker's view of every syscall, computed from
 * the built-in default profile.
 *
 *   npx tsx scripts/generate-docker-view.ts [--check]
 *
 * With --check nothing is written: exit 1 when the committed file differs from a fresh render.
 * Run it after changing src/core/docker-default.ts, the engine or the syscall table.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDockerViewTable } from '../src/catalog/render-docker-view.ts';

const OUTPUT = 'src/catalog/generated/docker-view.ts';
const outputPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', OUTPUT);
const check = process.argv.includes('--check');
const rendered = renderDockerViewTable();

if (check) {
  const committed = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '';
  if (committed !== rendered) {
    console.error(`${OUTPUT} is out of date. Run: npx tsx scripts/generate-docker-view.ts`);
    process.exitCode = 1;
  } else {
    console.log(`${OUTPUT} is up to date.`);
  }
} else {
  writeFileSync(outputPath, rendered);
  console.log(`wrote ${OUTPUT}`);
}
