import { useEffect, useState } from 'react';
import { catalogEntries } from '../catalog/catalog.ts';
import { createSearchIndex, searchDocumentsFor, withFuzzy, type SearchIndex } from './search.ts';
import { whenIdle } from '../ui/when-idle.ts';

/** The fuzzy index is built when the page is first idle, and this long after load at the latest. */
const INDEX_AFTER_MS = 500;

let plain: SearchIndex | undefined;

/** The catalog's search index without typo matching, built on first use (~10 ms on a phone). */
function plainSearchIndex(): SearchIndex {
  plain ??= createSearchIndex(searchDocumentsFor(catalogEntries()));
  return plain;
}

/**
 * The search index: built when first searched or once the page is first idle, so it
 * never delays the table; then it gains typo matching once Fuse.js has arrived. Undefined
 * while there is neither a query nor an index yet.
 */
export function useSearchIndex(query: string): SearchIndex | undefined {
  const [index, setIndex] = useState<SearchIndex | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      void import('./fuzzy-search.ts').then(({ createFuzzyMatcher }) => {
        if (!live) return;
        const base = plainSearchIndex();
        setIndex(withFuzzy(base, createFuzzyMatcher(base.documents)));
      });
    }, INDEX_AFTER_MS);
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return index ?? (query.trim() === '' ? undefined : plainSearchIndex());
}
