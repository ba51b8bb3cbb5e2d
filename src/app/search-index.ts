/**
 * The search's index over the catalog, the threat behind each of Docker's reasons included (of
 * the catalog's notes, the only part the search reads), and the search itself. Its own chunk,
 * fetched when the page is first idle (see lazy-parts.ts): nothing in the first paint searches.
 */
import { catalogEntries } from '../catalog/catalog.ts';
import { dockerThreat } from '../catalog/docker-threats.ts';
import { createSearchIndex, searchDocumentsFor, type SearchIndex } from './search.ts';

export { searchSyscalls, withFuzzy } from './search.ts';

let plain: SearchIndex | undefined;

/** The catalog's search index without typo matching, built on first use (~10 ms on a phone). */
export function plainSearchIndex(): SearchIndex {
  plain ??= createSearchIndex(
    searchDocumentsFor(catalogEntries(), (name) => dockerThreat(name)?.threat),
  );
  return plain;
}
