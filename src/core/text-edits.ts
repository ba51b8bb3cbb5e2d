/**
 * Edits of a text as replacements of ranges: what the minimal edits of edit.ts are made of, and
 * how the page applies them before the JSON editor has loaded. On their own so that applying
 * one doesn't bring the edit engine along.
 */

/** Replace `text.slice(start, end)` with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies non-overlapping edits to a text.
 *
 * @param text - the text
 * @param edits - ranges of `text` and what replaces each
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 1) {
    const [edit] = edits as [TextEdit];
    return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  }
  // One pass over the text: splicing edit by edit copied a multi-megabyte text once per edit.
  // Edits at the same place come out as when applied last to first: the later one first.
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || b.order - a.order)
    .map(({ edit }) => edit);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.start), edit.newText);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
