/**
 * Code the page needs only once someone acts (the details panel, a dialog, the search's full
 * text), kept out of its first JavaScript in a chunk of its own and fetched when the page is
 * first idle, so that it is there by the time it is wanted.
 *
 * Not React.lazy: a lazy component suspends on its first render even when its chunk has long
 * arrived, and React holds back what a boundary reveals after a fallback for 300 ms, so the
 * details panel took a third of a second to open the first time. A part that has arrived
 * renders in the same frame as the click.
 */
import { useEffect, useState } from 'react';

export interface LazyPart<T> {
  /** Fetches the chunk (once; again after a failure); resolves with its module. */
  load(): Promise<T>;
  /** The module, once it has arrived. */
  loaded(): T | undefined;
}

/** A part fetched by `fetch` (a dynamic `import()`). */
export function lazyPart<T>(fetch: () => Promise<T>): LazyPart<T> {
  let module: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load() {
      pending ??= fetch().then(
        (arrived) => {
          module = arrived;
          return arrived;
        },
        (error: unknown) => {
          // The next use tries again (the connection may be back).
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    loaded: () => module,
  };
}

/**
 * The part's module while it is wanted: at once when it has arrived, else fetched then (the
 * component renders again when it is there). Undefined while it is not wanted or not there yet;
 * when it can't be fetched, `onFailure` is told (once per attempt).
 */
export function useLazyPart<T>(
  part: LazyPart<T>,
  wanted: boolean,
  onFailure?: () => void,
): T | undefined {
  const module = part.loaded();
  const [, arrived] = useState(0);
  useEffect(() => {
    if (!wanted || module !== undefined) return;
    let live = true;
    part.load().then(
      () => {
        if (live) arrived((count) => count + 1);
      },
      () => {
        if (live) onFailure?.();
      },
    );
    return () => {
      live = false;
    };
  }, [part, wanted, module, onFailure]);
  return wanted ? module : undefined;
}
