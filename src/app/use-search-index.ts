import { useEffect, useState } from 'react';
import { withFuzzy, type SearchIndex } from './search.ts';

/**
 * The search index, gaining typo matching once Fuse.js has arrived: it is fetched after the
 * first render, so it never delays the table, and searches made before then work without it.
 */
export function useSearchIndex(plain: SearchIndex): SearchIndex {
  const [index, setIndex] = useState(plain);
  useEffect(() => {
    let live = true;
    void import('./fuzzy-search.ts').then(({ createFuzzyMatcher }) => {
      if (live) setIndex(withFuzzy(plain, createFuzzyMatcher(plain.documents)));
    });
    return () => {
      live = false;
    };
  }, [plain]);
  return index;
}
