import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSyscallTable, encodeAbiColumn } from './syscall-table-codec.ts';

describe('the compact syscall table', () => {
  it('decodes what it encodes, for any table', () => {
    const table = fc
      .uniqueArray(fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/), { minLength: 1, maxLength: 60 })
      .chain((names) =>
        fc.tuple(
          fc.constant([...names].sort()),
          fc.array(
            fc.uniqueArray(fc.tuple(fc.nat(names.length - 1), fc.nat(1_000_000)), {
              selector: ([index]) => index,
            }),
            { minLength: 1, maxLength: 4 },
          ),
        ),
      )
      .filter(([, columns]) =>
        columns.every((column) => new Set(column.map(([, n]) => n)).size === column.length),
      );
    fc.assert(
      fc.property(table, ([names, columns]) => {
        const abis = columns.map((_, i) => `abi${i}`);
        const decoded = decodeSyscallTable(
          names.join(' '),
          abis,
          columns.map((column) => encodeAbiColumn(new Map(column))),
        );
        expect(decoded.names).toEqual(names);
        columns.forEach((column, i) => {
          for (const [index, number] of column)
            expect(decoded.number(names[index]!, `abi${i}`)).toBe(number);
          const present = names.filter((name) => decoded.number(name, `abi${i}`) !== undefined);
          expect(present).toHaveLength(column.length);
        });
      }),
    );
  });

  it('writes numbers as gaps and name indices in base 36, and refuses shared numbers', () => {
    expect(
      encodeAbiColumn(
        new Map([
          [1, 0],
          [0, 1],
          [37, 40],
        ]),
      ),
    ).toBe('1,0,12:11');
    expect(() =>
      encodeAbiColumn(
        new Map([
          [0, 5],
          [1, 5],
        ]),
      ),
    ).toThrow(/share number 5/);
    const decoded = decodeSyscallTable('read write', ['x'], ['1,0']);
    expect(decoded.number('read', 'x')).toBe(1);
    expect(decoded.number('write', 'x')).toBe(0);
    expect(decoded.has('toString')).toBe(false);
    expect(decoded.number('toString', 'x')).toBeUndefined();
    expect(() => decodeSyscallTable('read', ['x'], ['1,0']).number('read', 'x')).toThrow(
      /no name for token "1"/,
    );
  });
});
