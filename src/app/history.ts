/**
 * Undo and redo over the JSON editor's model (one history for toggles and hand edits), for
 * buttons and shortcuts outside the editor. The editor session registers the model when it
 * exists; before that there is nothing to undo.
 */
import { useSyncExternalStore } from 'react';

export interface History {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

let history: History | undefined;
let state = { canUndo: false, canRedo: false };
const listeners = new Set<() => void>();

function refresh(): void {
  const next = { canUndo: history?.canUndo() ?? false, canRedo: history?.canRedo() ?? false };
  if (next.canUndo === state.canUndo && next.canRedo === state.canRedo) return;
  state = next;
  for (const listener of [...listeners]) listener();
}

/** For the editor session: the model's history, and a call whenever it may have changed. */
export function registerHistory(next: History): () => void {
  history = next;
  refresh();
  return refresh;
}

export function undo(): void {
  history?.undo();
  refresh();
}

export function redo(): void {
  history?.redo();
  refresh();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether undo and redo can act now. */
export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  return useSyncExternalStore(subscribe, () => state);
}
