/**
 * Keeping the profile store and the JSON editor's model in step without fighting: the model is
 * the text; typing reaches the store right after each keystroke (keystrokes that arrive
 * together are taken together), undo/redo and the page's own edits reach it at once, and the
 * page's edits go into the model as single undo steps. Only when taking a keystroke in has
 * become slow (a profile of many megabytes) do the keystrokes that follow another wait for a
 * pause, so that typing stays fluid. Written against the few model methods it needs, so it is tested without Monaco.
 */
import { minimalEdit, type TextEdit } from '../core/text-edits.ts';
import type { ProfileStore } from './profile-store.ts';

/** How long typing must pause before the table follows it, once commits are slow. */
export const TYPING_PAUSE_MS = 150;
/**
 * Commits (parsing the text) slower than this make typing wait for a pause: the middle one of
 * the last three, so that one garbage-collection pause doesn't make the next keystroke wait
 * 150 ms, nor one quick commit (a text parsed before, as after Backspace) end the waiting.
 */
export const SLOW_COMMIT_MS = 50;
/**
 * Commits quicker than this (Docker's default takes well under a millisecond) are made right
 * after the keystroke's task, so the table changes in the same frame as the editor. Slower ones
 * wait for a timer: keystrokes queued meanwhile are then taken together. The quickest of the
 * last three decides, and the first commit after binding isn't weighed: it runs code the page
 * hasn't run before (40 ms for Docker's default on a fresh page, then 2-5 ms), and one slow
 * commit must not put the table a frame behind the editor for the keystrokes after it.
 */
export const QUICK_COMMIT_MS = 8;
/**
 * Only texts up to this size are committed in the keystroke's task (Docker's default is 13 KB; a
 * megabyte takes tens of milliseconds): a keystroke into a large profile must not hold the
 * editor's echo back while the whole text is read.
 */
export const QUICK_TEXT_CHARS = 128 * 1024;
const COMMITS_WEIGHED = 3;
/**
 * Slow commits still follow a keystroke at once when typing had rested before it (for the
 * typing pause): an edit on its own shows in the table without waiting, and only the
 * keystrokes that follow it within the pause wait. Not when commits take longer than this:
 * the first keystroke of a burst would hold the next one's echo back that long.
 */
export const LEADING_COMMIT_MAX_MS = 100;

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1] ?? 0;
}

/** What a content change says about itself (Monaco's `IModelContentChangedEvent`). */
export interface ContentChange {
  isUndoing: boolean;
  isRedoing: boolean;
  isFlush: boolean;
}

/** The part of a text model the sync needs. */
export interface SyncedModel {
  getValue(): string;
  getValueLength(): number;
  onDidChangeContent(listener: (change: ContentChange) => void): { dispose(): void };
  /** Applies edits as one undo step, keeping selections and scroll where they are. */
  pushEdits(edits: readonly TextEdit[]): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  /** Runs the callback once the current task's own work is done, before the next frame. */
  queueMicrotask(callback: () => void): void;
  clearTimeout(id: unknown): void;
  /** Milliseconds from some fixed point. */
  now(): number;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  queueMicrotask: (callback) => globalThis.queueMicrotask(callback),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export interface ModelSync {
  /** Hands typing that is still waiting for its pause to the store now. */
  flush(): void;
  dispose(): void;
}

/**
 * Binds a model to the store: from now on the model is the text.
 *
 * @param store - the profile store
 * @param model - the editor's model (holding the store's text, or given it here)
 * @param options - the typing pause, and timers (fake ones in tests)
 */
export function syncModelWithStore(
  store: ProfileStore,
  model: SyncedModel,
  { delayMs = TYPING_PAUSE_MS, timers = browserTimers }: { delayMs?: number; timers?: Timers } = {},
): ModelSync {
  let timer: unknown;
  let applying = false;
  const recentCommitsMs: number[] = [];
  let commits = 0;
  let lastTypedAt = -Infinity;

  /** The commit queued as a microtask, while it hasn't run or been cancelled. */
  let queued: object | undefined;
  const cancel = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    queued = undefined;
  };
  const commit = () => {
    cancel();
    const started = timers.now();
    store.commitFromEditor(model.getValue());
    commits += 1;
    recentCommitsMs.push(timers.now() - started);
    if (recentCommitsMs.length > COMMITS_WEIGHED) recentCommitsMs.shift();
  };
  const push = (edits: readonly TextEdit[]) => {
    applying = true;
    try {
      model.pushEdits(edits);
    } finally {
      applying = false;
    }
    commit();
  };

  if (model.getValue() !== store.getText()) push([minimalEdit(model.getValue(), store.getText())]);

  const subscription = model.onDidChangeContent((change) => {
    // The page's own edits, undo and redo, and a whole new value are single steps: at once.
    if (applying || change.isUndoing || change.isRedoing || change.isFlush) {
      commit();
      return;
    }
    cancel();
    const typedAt = timers.now();
    const afterRest = typedAt - lastTypedAt >= delayMs;
    lastTypedAt = typedAt;
    const typical = middle(recentCommitsMs);
    // Both: a large text's commits can look quick when its parse was at hand (a file just
    // opened was read before the editor got it), and the next keystroke's won't be.
    const quick =
      model.getValueLength() <= QUICK_TEXT_CHARS &&
      (commits <= 1 || Math.min(...recentCommitsMs) < QUICK_COMMIT_MS);
    if (quick) {
      const token = {};
      queued = token;
      timers.queueMicrotask(() => {
        if (queued === token) commit();
      });
      return;
    }
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        commit();
      },
      typical > SLOW_COMMIT_MS && !(afterRest && typical < LEADING_COMMIT_MAX_MS) ? delayMs : 0,
    );
  });

  const sync: ModelSync = {
    flush() {
      if (timer !== undefined || queued !== undefined) commit();
    },
    dispose() {
      cancel();
      subscription.dispose();
      unbind();
    },
  };
  const unbind = store.bindEditor({ applyEdits: push, flush: sync.flush });
  return sync;
}
