/**
 * The working text kept in local storage, so a reload or a crash loses nothing. Local storage
 * may be missing (private modes, blocked by policy) or full: every call says so instead of
 * throwing.
 */
export const AUTOSAVE_KEY = 'seccomp-editor:working-text';
/** How long the text must rest before it is saved. */
export const AUTOSAVE_DELAY_MS = 300;
/**
 * How long a large text must rest: saving blocks the page (30-50 ms for a 0.8 MB profile on
 * a slow machine), and after every pause of a third of a second it was in the way of the
 * next keystroke. Leaving or hiding the page saves at once, whatever the size.
 */
export const LARGE_AUTOSAVE_DELAY_MS = 1500;
/** Texts longer than this (Docker's default is 13 KB) are large. */
export const LARGE_AUTOSAVE_CHARS = 128 * 1024;

/** What {@link scheduleAutosave} needs of the page: timers, and word that it is being left. */
export interface AutosaveHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /** Calls back when the page is hidden or left; returns the unsubscription. */
  onLeave(callback: () => void): () => void;
}

const browserHost: AutosaveHost = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
  onLeave(callback) {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') callback();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', callback);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', callback);
    };
  },
};

/**
 * Saves a text once it has rested (longer for a large one), or at once when the page is
 * hidden or left before then; once only.
 *
 * @param length - the text's length, which decides how long it must rest
 * @param save - writes it
 * @returns the cancellation (when the text changes again before it was saved)
 */
export function scheduleAutosave(
  length: number,
  save: () => void,
  host: AutosaveHost = browserHost,
): () => void {
  let done = false;
  const saveOnce = () => {
    if (done) return;
    done = true;
    stop();
    save();
  };
  const timer = host.setTimeout(
    saveOnce,
    length > LARGE_AUTOSAVE_CHARS ? LARGE_AUTOSAVE_DELAY_MS : AUTOSAVE_DELAY_MS,
  );
  const unsubscribe = host.onLeave(saveOnce);
  function stop() {
    host.clearTimeout(timer);
    unsubscribe();
  }
  return () => {
    done = true;
    stop();
  };
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The text saved by an earlier visit, if any (undefined also when storage is unavailable). */
export function readAutosave(): string | undefined {
  try {
    return storage()?.getItem(AUTOSAVE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves the text, or forgets it (`undefined`). Returns why it failed, if it did. */
export function writeAutosave(text: string | undefined): string | undefined {
  const store = storage();
  if (!store) return 'Your work is not saved in this browser: local storage is unavailable.';
  try {
    if (text === undefined) store.removeItem(AUTOSAVE_KEY);
    else store.setItem(AUTOSAVE_KEY, text);
    return undefined;
  } catch (error) {
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    return full
      ? 'Your work is not saved in this browser: local storage is full. Download the profile to keep it.'
      : 'Your work is not saved in this browser: local storage refused it. Download the profile to keep it.';
  }
}
