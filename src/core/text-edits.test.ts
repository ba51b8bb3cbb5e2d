import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, minimalEdit } from './text-edits.ts';

/** The same, a character at a time: what the quicker comparison must agree with. */
function slowMinimalEdit(before: string, after: string) {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start += 1;
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1]!)) start -= 1;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end += 1;
  if (end > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - end]!)) end -= 1;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

describe('the smallest replacement between two texts', () => {
  it('agrees with a comparison a character at a time, across the pieces it compares at once', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '\u{1F600}', '\n'), maxLength: 2500 }),
        fc.nat(),
        fc.nat({ max: 700 }),
        fc.string({ unit: fc.constantFrom('a', 'c', '\u{1F601}'), maxLength: 600 }),
        (before, at, removed, inserted) => {
          const start = at % (before.length + 1);
          const after = before.slice(0, start) + inserted + before.slice(start + removed);
          const edit = minimalEdit(before, after);
          expect(edit).toEqual(slowMinimalEdit(before, after));
          expect(applyEdits(before, [edit])).toBe(after);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a difference at every place within and between the pieces it compares at once', () => {
    const before = 'ab'.repeat(20_000);
    // Every place in the first 1,400 characters, and around each multiple of the piece lengths.
    const places = new Set(Array.from({ length: 1400 }, (_, i) => i));
    for (const piece of [64, 1024, 16384])
      for (let at = piece; at < before.length; at += piece)
        for (let near = at - 2; near <= at + 2; near++) places.add(near);
    for (const at of places) {
      const after = `${before.slice(0, at)}X${before.slice(at + 1)}`;
      expect(minimalEdit(before, after)).toEqual({ start: at, end: at + 1, newText: 'X' });
    }
  });

  it('keeps the common prefix and suffix', () => {
    expect(minimalEdit('abcdef', 'abXYef')).toEqual({ start: 2, end: 4, newText: 'XY' });
    expect(minimalEdit('aaa', 'aaaa')).toEqual({ start: 3, end: 3, newText: 'a' });
    expect(minimalEdit('same', 'same')).toEqual({ start: 4, end: 4, newText: '' });
    expect(minimalEdit('', 'new')).toEqual({ start: 0, end: 0, newText: 'new' });
  });

  it('never splits a surrogate pair', () => {
    const before = 'x\u{1F600}y';
    const after = 'x\u{1F601}y';
    const edit = minimalEdit(before, after);
    expect(edit).toEqual({ start: 1, end: 3, newText: '\u{1F601}' });
    expect(applyEdits(before, [edit])).toBe(after);
  });
});
