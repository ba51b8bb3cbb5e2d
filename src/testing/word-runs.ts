/**
 * Runs of consecutive words, for checking that the project's sentences are its own: a run of
 * eight words in common with a reference text means a copied sentence.
 */
const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];

/** Every run of `n` consecutive words of a text. */
export function wordRuns(text: string, n: number): Set<string> {
  const all = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= all.length; i++) out.add(all.slice(i, i + n).join(' '));
  return out;
}
