import { describe, expect, it } from 'vitest';
import { applyEdits, type TextEdit } from '../../core/edit.ts';
import { fewerEdits, MOST_EDITS_AT_ONCE } from './fewer-edits.ts';

const text = Array.from({ length: 1_000 }, (_, index) => `line ${index}`).join('\n');
const between = (start: number, end: number) => text.slice(start, end);

/** An edit replacing "line N" with "LINE N" for each of the first `count` lines. */
function editsOfLines(count: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    edits.push({ start: at, end: at + 4, newText: 'LINE' });
    at = text.indexOf('\n', at) + 1;
  }
  return edits;
}

describe('many edits at once reach the editor as fewer', () => {
  it('leaves up to the limit alone', () => {
    const edits = editsOfLines(MOST_EDITS_AT_ONCE);
    expect(fewerEdits(between, edits)).toBe(edits);
  });

  it('turns more into one replacement with the same result, from the first edit to the last', () => {
    const edits = editsOfLines(MOST_EDITS_AT_ONCE + 1).reverse();
    const fewer = fewerEdits(between, edits);
    expect(fewer).toHaveLength(1);
    expect(applyEdits(text, fewer)).toBe(applyEdits(text, edits));
    expect(fewer[0]!.start).toBe(0);
    expect(fewer[0]!.end).toBe(edits[0]!.end);
  });
});
