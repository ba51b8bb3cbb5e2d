import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { decodeSyscallTable } from './syscall-table-codec.ts';
import { describe, expect, it } from 'vitest';

import {
  ABIS,
  LIBSECCOMP_VERSION,
  S390_TABLE_VERSION,
  SYSCALL_NUMBERS,
} from './generated/syscall-numbers.ts';
import {
  mergeS390,
  parseS390Csv,
  parseSyscallCsv,
  renderSyscallTable,
} from './render-syscall-table.ts';

const REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
const MAIN_CSV = `${REFERENCE_DIR}libseccomp-syscalls.csv`;
const S390_CSV = `${REFERENCE_DIR}libseccomp-syscalls.s390.csv`;
const GENERATED = fileURLToPath(new URL('./generated/syscall-numbers.ts', import.meta.url));
const haveReference = existsSync(MAIN_CSV) && existsSync(S390_CSV);

describe('committed syscall table', () => {
  it('has the 508 names of libseccomp v7.1.0-rc4 and the 18 ABIs', () => {
    expect(LIBSECCOMP_VERSION).toBe('v7.1.0-rc4');
    expect(S390_TABLE_VERSION).toBe('v6.18.0');
    expect(SYSCALL_NUMBERS.names).toHaveLength(508);
    expect(ABIS).toEqual([
      'x86',
      'x86_64',
      'x32',
      'arm',
      'aarch64',
      'loongarch64',
      'm68k',
      'mips',
      'mips64',
      'mips64n32',
      'parisc',
      'parisc64',
      'ppc',
      'ppc64',
      'riscv64',
      's390',
      's390x',
      'sh',
    ]);
  });

  it('is sorted by name in code-unit order', () => {
    const names = [...SYSCALL_NUMBERS.names];
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('has known numbers', () => {
    expect(SYSCALL_NUMBERS.number('ptrace', 'x86_64')).toBe(101);
    expect(SYSCALL_NUMBERS.number('ptrace', 'aarch64')).toBe(117);
    expect(SYSCALL_NUMBERS.number('ptrace', 'x86')).toBe(26);
    expect(SYSCALL_NUMBERS.number('read', 'x86_64')).toBe(0);
    expect(SYSCALL_NUMBERS.number('clone', 's390')).toBe(120);
    expect(SYSCALL_NUMBERS.number('clone3', 'x86_64')).toBe(435);
    expect(SYSCALL_NUMBERS.number('socket', 'x86')).toBe(359);
    expect(SYSCALL_NUMBERS.number('cacheflush', 'arm')).toBe(0x0f0002);
  });

  it('leaves out ABIs where a syscall does not exist', () => {
    expect(SYSCALL_NUMBERS.number('mkdir', 'aarch64')).toBeUndefined();
    expect(SYSCALL_NUMBERS.number('open', 'riscv64')).toBeUndefined();
    expect(SYSCALL_NUMBERS.number('open', 'x86_64')).toBe(2);
    expect(ABIS.filter((abi) => SYSCALL_NUMBERS.number('arch_prctl', abi) !== undefined)).toEqual([
      'x86',
      'x86_64',
      'x32',
    ]);
    expect(SYSCALL_NUMBERS.number('listns', 's390')).toBeUndefined();
  });

  it('does not resolve Object.prototype names', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      expect(SYSCALL_NUMBERS.has(name)).toBe(false);
      expect(SYSCALL_NUMBERS.number(name, 'x86_64')).toBeUndefined();
    }
  });
});

describe('renderSyscallTable on small inputs', () => {
  const header =
    '#syscall (v9.9.9 2030-01-01),x86,x86_kver,s390,s390_kver\n' +
    'zeta,1,SCMP_KV_UNDEF,PNR,SCMP_KV_UNDEF\n' +
    'alpha,PNR,SCMP_KV_UNDEF,7,SCMP_KV_UNDEF\n';

  it('sorts, omits PNR and fills s390 gaps from the frozen table', () => {
    const s390 = '# syscall (v6.18.0 2026-06-18),s390\nalpha,7\nzeta,3\nonly_s390,9\n';
    const out = renderSyscallTable(header, s390);
    expect(out).toContain("export const LIBSECCOMP_VERSION = 'v9.9.9';");
    expect(out).toContain("export const ABIS = ['x86', 's390'] as const;");
    const names = /^const NAMES = '([^']*)';$/m.exec(out)?.[1] ?? '';
    const columns = [...out.matchAll(/^ {2}'([^']*)', \/\/ (\w+)$/gm)];
    expect(columns.map((match) => match[2])).toEqual(['x86', 's390']);
    const table = decodeSyscallTable(
      names,
      ['x86', 's390'],
      columns.map((match) => match[1]!),
    );
    expect(table.names).toEqual(['alpha', 'only_s390', 'zeta']);
    const rows = table.names.map((name) => [
      name,
      table.number(name, 'x86'),
      table.number(name, 's390'),
    ]);
    expect(rows).toEqual([
      ['alpha', undefined, 7],
      ['only_s390', undefined, 9],
      ['zeta', 1, 3],
    ]);
  });

  it('refuses when the two s390 tables disagree', () => {
    const s390 = '# syscall (v6.18.0 2026-06-18),s390\nalpha,8\n';
    expect(() => renderSyscallTable(header, s390)).toThrow(/alpha: syscalls.csv says 7/);
  });

  it('rejects malformed input', () => {
    expect(() => parseSyscallCsv('name,x86\n')).toThrow(/header/);
    expect(() => parseSyscallCsv(`${header}bad,x,SCMP_KV_UNDEF,PNR,SCMP_KV_UNDEF\n`)).toThrow(
      /syscall number or PNR/,
    );
    expect(() => parseSyscallCsv(`${header}zeta,1,SCMP_KV_UNDEF,PNR,SCMP_KV_UNDEF\n`)).toThrow(
      /duplicate/,
    );
    expect(() => parseS390Csv('# syscall (v1.0),x86\n')).toThrow(/s390/);
  });
});

describe.skipIf(!haveReference)(
  'generated table matches ../shared/reference (skipped: ../shared/reference not found)',
  () => {
    it('the committed file equals a fresh render of the reference CSVs', () => {
      const rendered = renderSyscallTable(
        readFileSync(MAIN_CSV, 'utf8'),
        readFileSync(S390_CSV, 'utf8'),
      );
      const committed = readFileSync(GENERATED, 'utf8');
      // A mismatch means: run `npx tsx scripts/generate-syscall-table.ts` and commit the result.
      expect(committed).toBe(rendered);
    });

    it('the two s390 tables agree entry for entry', () => {
      const main = parseSyscallCsv(readFileSync(MAIN_CSV, 'utf8'));
      const s390 = parseS390Csv(readFileSync(S390_CSV, 'utf8'));
      const fromMain = [...main.numbers].flatMap(([name, row]) =>
        row.has('s390') ? [[name, row.get('s390')] as const] : [],
      );
      expect(new Map(fromMain)).toEqual(s390.numbers);
      expect(() => mergeS390(main, s390)).not.toThrow();
    });
  },
);
