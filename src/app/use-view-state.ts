/**
 * The view state, kept in the URL: committed changes push a history entry (a search being
 * typed replaces its own entry, so one search is one step back), and the back button restores
 * the previous view.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, type ViewState } from './url-state.ts';

export interface ViewStateControls {
  view: ViewState;
  /** Commits a change of filters or context: a new history entry. */
  update: (patch: Partial<ViewState>) => void;
  /** Commits search text; successive calls while typing share one history entry. */
  setQuery: (q: string) => void;
  /** Ends a search: the next search text starts a new history entry. */
  settleQuery: () => void;
}

function writeUrl(view: ViewState, mode: 'push' | 'replace'): void {
  const search = encodeViewState(view);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/**
 * @param onRestore - called with the view the back or forward button brought back
 */
export function useViewState(onRestore: (view: ViewState) => void): ViewStateControls {
  const [view, setView] = useState(() => decodeViewState(window.location.search));
  const current = useRef<ViewState | undefined>(undefined);
  const typing = useRef(false);
  const restore = useRef(onRestore);

  useEffect(() => {
    restore.current = onRestore;
  }, [onRestore]);

  useEffect(() => {
    const onPopState = () => {
      const next = decodeViewState(window.location.search);
      current.current = next;
      typing.current = false;
      setView(next);
      restore.current(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const commit = useCallback((patch: Partial<ViewState>, mode: 'push' | 'replace') => {
    const base = current.current ?? decodeViewState(window.location.search);
    const next = { ...base, ...patch };
    current.current = next;
    writeUrl(next, mode);
    setView(next);
  }, []);

  const update = useCallback(
    (patch: Partial<ViewState>) => {
      typing.current = false;
      commit(patch, 'push');
    },
    [commit],
  );

  const setQuery = useCallback(
    (q: string) => {
      const mode = typing.current ? 'replace' : 'push';
      typing.current = true;
      commit({ q }, mode);
    },
    [commit],
  );

  const settleQuery = useCallback(() => {
    typing.current = false;
  }, []);

  return { view, update, setQuery, settleQuery };
}
