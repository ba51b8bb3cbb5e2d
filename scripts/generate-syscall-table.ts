/**
 * Writes src/catalog/generated/syscall-numbers.ts from libseccomp's syscall tables.
 *
 *   npx tsx scripts/generate-syscall-table.ts [REFERENCE_DIR] [--check]
 *
 * REFERENCE_DIR holds libseccomp-syscalls.csv and libseccomp-syscalls.s390.csv; it defaults to
 * ../shared/reference next to the repository. With --check nothing is written: the file is
 * rendered in memory and compared with the committed one (exit 1 when they differ, exit 0 with a
 * "skipped" message when the reference data is not there, e.g. on a machine without shared/).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { renderSyscallTable } from '../src/catalog/render-syscall-table.ts';

export { renderSyscallTable };

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_REFERENCE = '../shared/reference';
const OUTPUT = 'src/catalog/generated/syscall-numbers.ts';
const MAIN_CSV = 'libseccomp-syscalls.csv';
const S390_CSV = 'libseccomp-syscalls.s390.csv';

interface Options {
  readonly referenceDir: string;
  readonly referenceLabel: string;
  readonly check: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let check = false;
  let given: string | undefined;
  for (const arg of argv) {
    if (arg === '--check') check = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: tsx scripts/generate-syscall-table.ts [REFERENCE_DIR] [--check]');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (given === undefined) given = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  return {
    referenceDir: given === undefined ? resolve(REPO_ROOT, DEFAULT_REFERENCE) : resolve(given),
    referenceLabel: given ?? DEFAULT_REFERENCE,
    check,
  };
}

/** First differing line, shown so a failing --check says what changed. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return [
        `  first difference at line ${i + 1}:`,
        `    committed: ${b[i] ?? '(end of file)'}`,
        `    expected:  ${a[i] ?? '(end of file)'}`,
      ].join('\n');
    }
  }
  return '';
}

export function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const mainCsv = resolve(options.referenceDir, MAIN_CSV);
  const s390Csv = resolve(options.referenceDir, S390_CSV);
  const outputPath = resolve(REPO_ROOT, OUTPUT);

  if (!existsSync(mainCsv) || !existsSync(s390Csv)) {
    if (options.check) {
      console.log(`skipped: ${options.referenceLabel} not found`);
      return 0;
    }
    console.error(
      `error: ${options.referenceLabel} not found (need ${MAIN_CSV} and ${S390_CSV} there)`,
    );
    return 1;
  }

  const rendered = renderSyscallTable(readFileSync(mainCsv, 'utf8'), readFileSync(s390Csv, 'utf8'));

  if (options.check) {
    const committed = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : undefined;
    if (committed === undefined) {
      console.error(`${OUTPUT} is missing. Run: npx tsx scripts/generate-syscall-table.ts`);
      return 1;
    }
    if (committed !== rendered) {
      console.error(
        `${OUTPUT} is out of date with ${relative(REPO_ROOT, options.referenceDir) || '.'}.\n` +
          `${firstDifference(rendered, committed)}\n` +
          'Run: npx tsx scripts/generate-syscall-table.ts',
      );
      return 1;
    }
    console.log(`${OUTPUT} is up to date.`);
    return 0;
  }

  writeFileSync(outputPath, rendered);
  console.log(`wrote ${OUTPUT}`);
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
