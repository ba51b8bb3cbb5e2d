import { useCallback, useEffect, useState } from 'react';
import { catalogEntries } from '../catalog/catalog.ts';
import type { syscallNotes } from '../catalog/syscall-notes.ts';
import { useLazyPart } from '../ui/lazy-part.ts';
import { whenIdle } from '../ui/when-idle.ts';
import { notesPart } from './lazy-parts.ts';
import { createSearchIndex, searchDocumentsFor, withFuzzy, type SearchIndex } from './search.ts';

/** The fuzzy index is built when the page is first idle, and this long after load at the latest. */
const INDEX_AFTER_MS = 500;

type Notes = { syscallNotes: typeof syscallNotes };

let plain: { index: SearchIndex; withNotes: boolean } | undefined;

/**
 * The catalog's search index without typo matching, built on first use (~10 ms on a phone).
 * Without the notes (only when they could not be fetched) Docker's reasons are searched without
 * the threat behind each; once the notes are there the index is built again with it.
 */
function plainSearchIndex(notes: Notes | undefined): SearchIndex {
  if (plain === undefined || (notes !== undefined && !plain.withNotes)) {
    const threatOf = (name: string) => notes?.syscallNotes(name)?.threat?.threat;
    plain = {
      index: createSearchIndex(searchDocumentsFor(catalogEntries(), threatOf)),
      withNotes: notes !== undefined,
    };
  }
  return plain.index;
}

/**
 * Fetches the catalog's notes the search reads besides the table's text. main.tsx awaits it
 * before the first render of a page opened on a search, so that its first results are whole.
 */
export function loadSearchText(): Promise<void> {
  return notesPart.load().then(() => undefined);
}

/**
 * The search index: built when first searched or once the page is first idle, so it never
 * delays the table; then it gains typo matching once Fuse.js has arrived. It searches the
 * threats behind Docker's reasons too, which arrive with the catalog's notes after the table:
 * undefined until they are there (the table waits rather than show part of the matches), and
 * while there is neither a query nor an index yet.
 */
export function useSearchIndex(query: string): SearchIndex | undefined {
  const searching = query.trim() !== '';
  const [index, setIndex] = useState<SearchIndex | undefined>(undefined);
  const [notesFailed, setNotesFailed] = useState(false);
  // A search typed before the idle moment fetches the notes at once.
  const notes = useLazyPart(
    notesPart,
    searching,
    useCallback(() => setNotesFailed(true), []),
  );
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      void Promise.all([import('./fuzzy-search.ts'), notesPart.load().catch(() => undefined)]).then(
        ([{ createFuzzyMatcher }, arrived]) => {
          if (!live) return;
          const base = plainSearchIndex(arrived);
          setIndex(withFuzzy(base, createFuzzyMatcher(base.documents)));
        },
      );
    }, INDEX_AFTER_MS);
    return () => {
      live = false;
      cancel();
    };
  }, []);
  if (index !== undefined || !searching) return index;
  return notes !== undefined || notesFailed ? plainSearchIndex(notes) : undefined;
}
