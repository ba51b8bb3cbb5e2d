/**
 * The first `lines` lines of `text` (without the line break ending the last one), or the whole
 * text when it has no more lines than that. Scans only as far as it returns.
 */
export function textPreview(text: string, lines: number): string {
  let end = -1;
  for (let line = 0; line < lines; line++) {
    end = text.indexOf('\n', end + 1);
    if (end === -1) return text;
  }
  return text.slice(0, end);
}
