import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { readShareArrival } from './app/share-arrival.ts';
import { readAutosave, writeAutosave } from './app/autosave.ts';
import { profileStore } from './app/profile-store.ts';
import { decodeViewState } from './app/url-state.ts';
import { loadSearch } from './app/use-search.ts';
import { dockerDefaultProfileText } from './core/docker-default.ts';
import { CrashScreen, type RecoverableText } from './ui/CrashScreen.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

/** The profile as the page last held it: typing still waiting for its pause included. */
function currentText(): string | undefined {
  try {
    profileStore.flush();
  } catch {
    // The editor may be what broke: the store's own text is the next best.
  }
  try {
    return profileStore.getText();
  } catch {
    return undefined;
  }
}

/** What a crash leaves to recover: the page's text, and the autosave when it differs. */
function recoverableTexts(): RecoverableText[] {
  const current = currentText();
  const saved = readAutosave();
  const texts: RecoverableText[] = [];
  if (current !== undefined) {
    texts.push({
      title: 'Your profile as it stood when the page stopped',
      what: 'your profile',
      fileName: 'profile.json',
      text: current,
    });
  }
  if (saved !== undefined && saved !== current) {
    texts.push({
      title: 'The profile autosaved in this browser',
      what: 'the autosaved profile',
      fileName: 'autosaved-profile.json',
      text: saved,
    });
  }
  return texts;
}

/**
 * Starts the page again. The freshest text is autosaved first (the last keystrokes may not have
 * rested long enough to be), so the reloaded page offers it back; Docker's default is not kept.
 */
function reload(): void {
  const current = currentText();
  if (current !== undefined && current !== dockerDefaultProfileText()) writeAutosave(current);
  window.location.reload();
}

// A share link's profile is decoded first (its decompressor is fetched only then), and a page
// opened on a search has the search first, threats included, so that its first results are
// whole (if it can't be fetched, the page opens unsearched and says so).
const searchText =
  decodeViewState(window.location.search).q.trim() === ''
    ? undefined
    : loadSearch().catch(() => undefined);
void Promise.all([readShareArrival(window.location.hash), searchText]).then(([sharedOnOpen]) => {
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary
        fallback={(error) => (
          <CrashScreen recover={recoverableTexts} error={error} onReload={reload} />
        )}
      >
        <App sharedOnOpen={sharedOnOpen} />
      </ErrorBoundary>
    </StrictMode>,
  );
});
