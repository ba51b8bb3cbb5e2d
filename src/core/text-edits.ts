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

/**
 * Characters compared at once while looking for where two texts differ: one comparison of
 * substrings is the engine's own loop, many times quicker than a `charCodeAt` per character
 * (a megabyte profile is compared after every keystroke).
 */
const COMPARED_AT_ONCE = 256;

/** How many characters the two texts have in common at the start. */
export function commonPrefixLength(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let length = 0;
  while (
    length + COMPARED_AT_ONCE <= shorter &&
    a.startsWith(b.slice(length, length + COMPARED_AT_ONCE), length)
  ) {
    length += COMPARED_AT_ONCE;
  }
  while (length < shorter && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
}

/** How many characters the two texts have in common at the end, counting at most `most`. */
export function commonSuffixLength(a: string, b: string, most: number): number {
  const limit = Math.min(most, a.length, b.length);
  let length = 0;
  while (
    length + COMPARED_AT_ONCE <= limit &&
    a.endsWith(b.slice(b.length - length - COMPARED_AT_ONCE, b.length - length), a.length - length)
  ) {
    length += COMPARED_AT_ONCE;
  }
  while (
    length < limit &&
    a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)
  ) {
    length += 1;
  }
  return length;
}

/**
 * The smallest single replacement turning `before` into `after` (common prefix and suffix
 * kept, never splitting a surrogate pair).
 */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = commonPrefixLength(before, after);
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  let end = commonSuffixLength(before, after, Math.min(before.length, after.length) - start);
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
