/**
 * Keeping the profile store and the JSON editor's model in step without fighting: the model is
 * the text; typing reaches the store right after each keystroke (keystrokes that arrive
 * together are taken together), undo/redo and the page's own edits reach it at once, and the
 * page's edits go into the model as single undo steps. Only when taking a keystroke in has
 * become slow (a profile of many megabytes) does typing wait for a pause, so that typing stays
 * fluid. Written against the few model methods it needs, so it is tested without Monaco.
 */
import type { TextEdit } from '../core/text-edits.ts';
import { minimalEdit, type ProfileStore } from './profile-store.ts';

/** How long typing must pause before the table follows it, once commits are slow. */
export const TYPING_PAUSE_MS = 150;
/**
 * Commits (parsing the text) slower than this make typing wait for a pause: the middle one of
 * the last three, so that one garbage-collection pause doesn't make the next keystroke wait
 * 150 ms, nor one quick commit (a text parsed before, as after Backspace) end the waiting.
 */
export const SLOW_COMMIT_MS = 50;
const COMMITS_WEIGHED = 3;

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
  onDidChangeContent(listener: (change: ContentChange) => void): { dispose(): void };
  /** Applies edits as one undo step, keeping selections and scroll where they are. */
  pushEdits(edits: readonly TextEdit[]): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /** Milliseconds from some fixed point. */
  now(): number;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
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

  const cancel = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  const commit = () => {
    cancel();
    const started = timers.now();
    store.commitFromEditor(model.getValue());
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
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        commit();
      },
      middle(recentCommitsMs) > SLOW_COMMIT_MS ? delayMs : 0,
    );
  });

  const sync: ModelSync = {
    flush() {
      if (timer !== undefined) commit();
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
