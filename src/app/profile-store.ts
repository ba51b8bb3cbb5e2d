/**
 * The profile's JSON text: the single source of truth of the page. Everything the table shows
 * is derived by parsing it; every edit (a toggle, the JSON editor) sets a new text.
 *
 * One direction of truth: once the JSON editor has loaded, its model IS the text. The store
 * mirrors it (typing reaches the store when it pauses; edits the page makes reach it at once),
 * and every change the page makes (a toggle, a reset, an undo from a notice) is applied to the
 * model as one undo step, whose change then comes back here. Before the editor loads, and if
 * it never does, the store holds the text alone.
 *
 * Besides the text the store keeps the last text that parsed as JSON: while the text doesn't
 * parse, the table keeps showing that one.
 */
import { useSyncExternalStore } from 'react';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { applyEdits as applyTextEdits, minimalEdit, type TextEdit } from '../core/text-edits.ts';
import { parseProfile, type ParsedProfile } from '../core/parse.ts';

/** What the store holds: the text, its parse, and the last text that parsed as JSON. */
export interface ProfileSnapshot {
  readonly text: string;
  readonly parsed: ParsedProfile;
  /** The last text without a JSON syntax error (the text itself when it has none). */
  readonly lastValid: ParsedProfile;
}

/** The JSON editor's side of the store, registered once its model exists. */
export interface EditorBinding {
  /**
   * Applies edits to the model as ONE undo step, keeping the editor's selections and scroll;
   * the model's new text reaches the store before this returns.
   */
  applyEdits(edits: readonly TextEdit[]): void;
  /** Hands typing that is still waiting for its pause to the store now. */
  flush(): void;
}

export interface ProfileStore {
  getSnapshot(): ProfileSnapshot;
  getText(): string;
  /** Replaces the text: through the editor (one undo step) when it is bound, else directly. */
  setText(text: string): void;
  /** Applies the engine's minimal edits to the text as it stands (see {@link setText}). */
  applyEdits(edits: readonly TextEdit[]): void;
  /** For the editor: its model's text as it now stands. */
  commitFromEditor(text: string): void;
  /** For the editor: from now on changes go through its model. Returns the unbinding. */
  bindEditor(binding: EditorBinding): () => void;
  /**
   * The text before the page's first edit made while no editor was bound (a switch flipped
   * before the editor loaded, or on a phone with the JSON pane closed), until an editor binds:
   * the editor's model starts from it, so that those edits are one step its undo can take back.
   */
  textBeforeEditsWithoutEditor(): string | undefined;
  /** Brings typing still waiting for its pause into the store (before reading it for an edit). */
  flush(): void;
  subscribe(listener: () => void): () => void;
}

function snapshotOf(text: string, previous: ProfileSnapshot | undefined): ProfileSnapshot {
  // parseProfile keeps the last few texts parsed, so undo is instant.
  const parsed = parseProfile(text);
  const lastValid = parsed.syntaxError === undefined ? parsed : (previous?.lastValid ?? parsed);
  return { text, parsed, lastValid };
}

/** A store holding one text, telling its subscribers when it changes. */
export function createProfileStore(initial: string): ProfileStore {
  let snapshot = snapshotOf(initial, undefined);
  let editor: EditorBinding | undefined;
  let beforeEditsWithoutEditor: string | undefined;
  const listeners = new Set<() => void>();

  const commit = (text: string) => {
    if (text === snapshot.text) return;
    snapshot = snapshotOf(text, snapshot);
    for (const listener of [...listeners]) listener();
  };

  const store: ProfileStore = {
    getSnapshot: () => snapshot,
    getText: () => snapshot.text,
    setText(text) {
      store.flush();
      if (text === snapshot.text) return;
      // Through the model when there is one: its change comes back through commitFromEditor.
      if (editor) editor.applyEdits([minimalEdit(snapshot.text, text)]);
      else commit(text);
    },
    applyEdits(edits) {
      store.flush();
      if (edits.length === 0) return;
      if (editor) {
        editor.applyEdits(edits);
        return;
      }
      beforeEditsWithoutEditor ??= snapshot.text;
      commit(applyTextEdits(snapshot.text, edits));
    },
    commitFromEditor: commit,
    bindEditor(binding) {
      editor = binding;
      beforeEditsWithoutEditor = undefined;
      return () => {
        if (editor === binding) editor = undefined;
      };
    },
    textBeforeEditsWithoutEditor: () => beforeEditsWithoutEditor,
    flush() {
      editor?.flush();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

/** The page's profile, starting as Docker's default. */
export const profileStore = createProfileStore(dockerDefaultProfileText());

/** The store's snapshot, kept in step with it. */
export function useProfileSnapshot(store: ProfileStore = profileStore): ProfileSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** The current profile text, kept in step with the store. */
export function useProfileText(store: ProfileStore = profileStore): string {
  return useProfileSnapshot(store).text;
}
