/**
 * Pure renderer for `src/catalog/generated/syscall-numbers.ts`.
 *
 * Input: the text of libseccomp's `src/syscalls.csv` and of its companion `src/syscalls.s390.csv`.
 * Output: the TypeScript source of the generated module. Used by
 * `scripts/generate-syscall-table.ts` (which does the file I/O) and by the test that checks the
 * committed file is up to date. No Node built-ins here: this module stays usable anywhere.
 *
 * How s390 (31-bit) numbers are chosen
 * ------------------------------------
 * Linux removed 31-bit s390 compat support in v6.19, so libseccomp froze that ABI's table in
 * `syscalls.s390.csv` (Linux v6.18). The main `syscalls.csv` still has an `s390` column, and in
 * v7.1.0-rc4 the two agree exactly: 440 syscalls, the same names and the same numbers. The main
 * CSV is the source of the s390 numbers, like every other ABI: it is the table the whole release
 * is built from, and it is the newer snapshot. The frozen file is used as a cross-check: a name
 * present in both with different numbers makes rendering fail (a human should look), and an
 * entry only in the frozen file (none today) is taken from it so no s390 number gets lost.
 */

import { encodeAbiColumn } from './syscall-table-codec.ts';

/** One parsed `syscalls.csv`. */
export interface SyscallCsv {
  /** Version tag from the header, e.g. `v7.1.0-rc4`. */
  readonly version: string;
  /** ABI column names in file order. */
  readonly abis: readonly string[];
  /** name → (abi → number); ABIs marked `PNR` are left out. */
  readonly numbers: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** One parsed `syscalls.s390.csv`. */
export interface S390Csv {
  /** Version tag from the header, e.g. `v6.18.0`. */
  readonly version: string;
  readonly numbers: ReadonlyMap<string, number>;
}

const HEADER_RE = /^#\s*syscall\s*\((v[^\s)]+)[^)]*\)$/;
const NAME_RE = /^[a-z_][a-z0-9_]*$/;
const NUMBER_RE = /^(0|[1-9][0-9]*)$/;

function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

function parseHeaderVersion(cell: string, file: string): string {
  const match = HEADER_RE.exec(cell.trim());
  if (!match?.[1]) {
    throw new Error(`${file}: header does not start with "#syscall (v<version> <date>)": ${cell}`);
  }
  return match[1];
}

function parseNumber(cell: string, where: string): number | undefined {
  if (cell === 'PNR') return undefined;
  if (!NUMBER_RE.test(cell))
    throw new Error(`${where}: expected a syscall number or PNR, got "${cell}"`);
  const n = Number(cell);
  if (!Number.isSafeInteger(n)) throw new Error(`${where}: number out of range: ${cell}`);
  return n;
}

/** Parses libseccomp's `syscalls.csv` (name, then `<abi>,<abi>_kver` pairs). */
export function parseSyscallCsv(text: string): SyscallCsv {
  const [header, ...rows] = lines(text);
  if (header === undefined) throw new Error('syscalls.csv: empty input');
  const headerCells = header.split(',');
  const version = parseHeaderVersion(headerCells[0] ?? '', 'syscalls.csv');
  const columnCells = headerCells.slice(1);
  if (columnCells.length === 0 || columnCells.length % 2 !== 0) {
    throw new Error('syscalls.csv: expected pairs of <abi>,<abi>_kver columns after the name');
  }
  const abis: string[] = [];
  for (let i = 0; i < columnCells.length; i += 2) {
    const abi = (columnCells[i] ?? '').trim();
    const kver = (columnCells[i + 1] ?? '').trim();
    if (!NAME_RE.test(abi) || kver !== `${abi}_kver`) {
      throw new Error(`syscalls.csv: bad column pair "${abi}","${kver}"`);
    }
    abis.push(abi);
  }
  const numbers = new Map<string, Map<string, number>>();
  rows.forEach((row, index) => {
    const cells = row.split(',').map((cell) => cell.trim());
    const where = `syscalls.csv line ${index + 2}`;
    const name = cells[0] ?? '';
    if (!NAME_RE.test(name)) throw new Error(`${where}: bad syscall name "${name}"`);
    if (cells.length !== 1 + abis.length * 2) {
      throw new Error(`${where}: expected ${1 + abis.length * 2} columns, got ${cells.length}`);
    }
    if (numbers.has(name)) throw new Error(`${where}: duplicate syscall "${name}"`);
    const perAbi = new Map<string, number>();
    abis.forEach((abi, i) => {
      const n = parseNumber(cells[1 + i * 2] ?? '', `${where} (${name}, ${abi})`);
      if (n !== undefined) perAbi.set(abi, n);
    });
    numbers.set(name, perAbi);
  });
  return { version, abis, numbers };
}

/** Parses libseccomp's `syscalls.s390.csv` (`syscall,s390`). */
export function parseS390Csv(text: string): S390Csv {
  const [header, ...rows] = lines(text);
  if (header === undefined) throw new Error('syscalls.s390.csv: empty input');
  const headerCells = header.split(',');
  const version = parseHeaderVersion(headerCells[0] ?? '', 'syscalls.s390.csv');
  if (headerCells.length !== 2 || headerCells[1]?.trim() !== 's390') {
    throw new Error('syscalls.s390.csv: expected the header "#syscall (...),s390"');
  }
  const numbers = new Map<string, number>();
  rows.forEach((row, index) => {
    const cells = row.split(',').map((cell) => cell.trim());
    const where = `syscalls.s390.csv line ${index + 2}`;
    const name = cells[0] ?? '';
    if (!NAME_RE.test(name) || cells.length !== 2) throw new Error(`${where}: bad row "${row}"`);
    if (numbers.has(name)) throw new Error(`${where}: duplicate syscall "${name}"`);
    const n = parseNumber(cells[1] ?? '', `${where} (${name})`);
    if (n !== undefined) numbers.set(name, n);
  });
  return { version, numbers };
}

/**
 * Folds the frozen s390 table into the main one (see the file comment for the policy).
 * Throws when the two disagree on a number.
 */
export function mergeS390(main: SyscallCsv, s390: S390Csv): SyscallCsv {
  if (!main.abis.includes('s390')) throw new Error('syscalls.csv has no s390 column');
  const numbers = new Map<string, ReadonlyMap<string, number>>(main.numbers);
  const conflicts: string[] = [];
  for (const [name, n] of s390.numbers) {
    const row = numbers.get(name);
    const existing = row?.get('s390');
    if (existing === undefined) {
      numbers.set(name, new Map([...(row ?? new Map<string, number>()), ['s390', n]]));
    } else if (existing !== n) {
      conflicts.push(`${name}: syscalls.csv says ${existing}, syscalls.s390.csv says ${n}`);
    }
  }
  if (conflicts.length > 0) {
    throw new Error(`s390 numbers disagree between the two CSVs:\n  ${conflicts.join('\n  ')}`);
  }
  return { ...main, numbers };
}

/** Code-unit order, independent of locale (libseccomp's own file order is locale-sorted). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renders the generated module from the text of the two CSV files. Deterministic. */
export function renderSyscallTable(csvText: string, s390CsvText: string): string {
  const main = parseSyscallCsv(csvText);
  const s390 = parseS390Csv(s390CsvText);
  const merged = mergeS390(main, s390);
  const names = [...merged.numbers.keys()].sort(compareNames);
  const out: string[] = [];
  out.push(
    `// Generated by scripts/generate-syscall-table.ts from libseccomp's syscalls.csv (${main.version}). Do not edit.`,
    '//',
    "// Numbers are as libseccomp's table stores them: for mips, mips64 and mips64n32 the kernel adds a",
    '// base of 4000, 5000 and 6000, and x32 syscalls carry the 0x40000000 bit (see ABI_NR_BASE in',
    '// ../abis.ts). An ABI is left out of a row when the syscall does not exist there (PNR).',
    '//',
    `// s390 (31-bit): numbers come from the s390 column of syscalls.csv. syscalls.s390.csv, frozen at`,
    `// Linux ${s390.version} because the kernel dropped 31-bit s390 compat in v6.19, is checked against it`,
    '// (any disagreement stops the generator) and only fills entries the main table lacks.',
    '//',
    '// The table is stored compactly (see ../syscall-table-codec.ts); to read it, use the CLI:',
    '// `npm run --silent cli -- syscalls`, or SYSCALL_NUMBERS below.',
    '',
    "import { decodeSyscallTable, type SyscallNumberTable } from '../syscall-table-codec.ts';",
    '',
    `export const LIBSECCOMP_VERSION = '${main.version}';`,
    '',
    '/** Kernel version the frozen 31-bit s390 table (syscalls.s390.csv) was taken from. */',
    `export const S390_TABLE_VERSION = '${s390.version}';`,
    '',
    "/** The ABI columns of libseccomp's table, in its order. mipsel* and ppc64le share mips* and ppc64. */",
    `export const ABIS = [${merged.abis.map((abi) => `'${abi}'`).join(', ')}] as const;`,
    '',
    'export type Abi = (typeof ABIS)[number];',
    '',
    '/** Every syscall name in the table, sorted. */',
    `const NAMES = '${names.join(' ')}';`,
    '',
    '/** Per ABI, in the order of ABIS: the names that exist there in number order (see ../syscall-table-codec.ts). */',
    'const COLUMNS = [',
    ...merged.abis.map((abi) => {
      const column = new Map<number, number>();
      names.forEach((name, index) => {
        const number = merged.numbers.get(name)?.get(abi);
        if (number !== undefined) column.set(index, number);
      });
      return `  '${encodeAbiColumn(column)}', // ${abi}`;
    }),
    '];',
    '',
    '/** Syscall name → number on each ABI where it exists (each ABI decoded when first asked). */',
    'export const SYSCALL_NUMBERS: SyscallNumberTable<Abi> = decodeSyscallTable(NAMES, ABIS, COLUMNS);',
    '',
  );
  return out.join('\n');
}
