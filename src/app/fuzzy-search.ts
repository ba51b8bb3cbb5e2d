/**
 * Typo-tolerant matching for the search (`ptrce` finds ptrace), by Fuse.js over names and
 * capabilities. Descriptions and reasons are matched word by word in search.ts instead: fuzzy
 * matching over prose cost 3-10 ms a keystroke and mostly added noise. Its own chunk: the
 * table works without it, and it arrives just after the table is up.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { FuzzyMatcher, SearchDocument } from './search.ts';

const OPTIONS: IFuseOptions<SearchDocument> = {
  keys: [
    { name: 'name', weight: 4 },
    { name: 'capabilities', weight: 2 },
  ],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.2,
  minMatchCharLength: 2,
};

/** A matcher over these documents (building it indexes them once). */
export function createFuzzyMatcher(documents: readonly SearchDocument[]): FuzzyMatcher {
  const fuse = new Fuse(documents, OPTIONS);
  return (query) =>
    fuse.search(query).map((result) => ({ name: result.item.name, score: result.score ?? 1 }));
}
