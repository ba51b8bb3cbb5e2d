import { applyEdits, type TextEdit } from '../../core/edit.ts';

/**
 * Above this many edits at once, the editor takes them as one replacement. Monaco shifts its
 * per-line tables once per edit, so many edits cost edits × lines: removing a name from 2,000
 * rules of an 80,000-rule profile (940,000 lines) took longer as 2,000 edits than as one
 * replacement re-reading every line, while 123 edits on a 5,000-rule profile cost a third of
 * the one replacement.
 */
export const MOST_EDITS_AT_ONCE = 400;

/**
 * The same change as `edits`, as at most {@link MOST_EDITS_AT_ONCE} edits: beyond that, one
 * replacement from the first edit's start to the last one's end.
 *
 * @param textBetween - the text from `start` to `end` as it stands (read only when needed)
 * @param edits - non-overlapping edits of the text
 */
export function fewerEdits(
  textBetween: (start: number, end: number) => string,
  edits: readonly TextEdit[],
): readonly TextEdit[] {
  if (edits.length <= MOST_EDITS_AT_ONCE) return edits;
  // A loop, not Math.min(...): a spread of 100,000 arguments overflows the stack.
  let start = Infinity;
  let end = -Infinity;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  const shifted = edits.map((edit) => ({
    ...edit,
    start: edit.start - start,
    end: edit.end - start,
  }));
  return [{ start, end, newText: applyEdits(textBetween(start, end), shifted) }];
}
