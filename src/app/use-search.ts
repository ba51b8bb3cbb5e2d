import { useEffect, useMemo, useState } from 'react';
import { useLazyPart } from '../ui/lazy-part.ts';
import { whenIdle } from '../ui/when-idle.ts';
import { searchPart } from './lazy-parts.ts';
import type { SearchIndex } from './search.ts';

/** The fuzzy index is built when the page is first idle, and this long after load at the latest. */
const INDEX_AFTER_MS = 500;

/** The names matching a query, best first (search.ts's searchSyscalls on the page's index). */
export type Search = (query: string) => string[];

/**
 * Fetches the search and the threats it reads besides the table's text. main.tsx awaits
 * it before the first render of a page opened on a search, so that its first results are whole.
 */
export function loadSearch(): Promise<void> {
  return searchPart.load().then(() => undefined);
}

/**
 * The search: its index is built when first searched or once the page is first idle, so it
 * never delays the table; then it gains typo matching once Fuse.js has arrived. The search and
 * the threats it reads arrive after the table (see search-index.ts): undefined until they are
 * there (the table waits rather than show part of the matches), and while there is neither a
 * query nor an index yet. When they can't be fetched, `onFailure` is told.
 */
export function useSearch(query: string, onFailure: () => void): Search | undefined {
  const searching = query.trim() !== '';
  const [fuzzy, setFuzzy] = useState<SearchIndex | undefined>(undefined);
  // A search typed before the idle moment fetches it at once.
  const searchModule = useLazyPart(searchPart, searching, onFailure);
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      Promise.all([import('./fuzzy-search.ts'), searchPart.load()]).then(
        ([{ createFuzzyMatcher }, { plainSearchIndex, withFuzzy }]) => {
          if (!live) return;
          const base = plainSearchIndex();
          setFuzzy(withFuzzy(base, createFuzzyMatcher(base.documents)));
        },
        // A search typed later fetches the search again, and says so if it fails then.
        () => undefined,
      );
    }, INDEX_AFTER_MS);
    return () => {
      live = false;
      cancel();
    };
  }, []);
  const index = fuzzy ?? (searching ? searchModule?.plainSearchIndex() : undefined);
  const searchSyscalls = searchModule?.searchSyscalls ?? searchPart.loaded()?.searchSyscalls;
  return useMemo(
    () => (index && searchSyscalls ? (query: string) => searchSyscalls(index, query) : undefined),
    [index, searchSyscalls],
  );
}
