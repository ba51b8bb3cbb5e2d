/**
 * The working text kept in local storage, so a reload or a crash loses nothing. Local storage
 * may be missing (private modes, blocked by policy) or full: every call says so instead of
 * throwing.
 */
export const AUTOSAVE_KEY = 'seccomp-editor:working-text';
/** How long the text must rest before it is saved. */
export const AUTOSAVE_DELAY_MS = 300;

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
