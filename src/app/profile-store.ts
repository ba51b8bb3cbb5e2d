/**
 * The profile's JSON text: the single source of truth of the page. Everything the table shows
 * is derived by parsing it; every edit (a toggle today, the JSON editor next) sets a new text.
 */
import { useSyncExternalStore } from 'react';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { parseProfile, type ParsedProfile } from '../core/parse.ts';

export interface ProfileStore {
  getText(): string;
  setText(text: string): void;
  subscribe(listener: () => void): () => void;
}

/** A store holding one text, telling its subscribers when it changes. */
export function createProfileStore(initial: string): ProfileStore {
  let text = initial;
  const listeners = new Set<() => void>();
  return {
    getText: () => text,
    setText(next) {
      if (next === text) return;
      text = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's profile, starting as Docker's default. */
export const profileStore = createProfileStore(dockerDefaultProfileText());

/** The current profile text, kept in step with the store. */
export function useProfileText(store: ProfileStore = profileStore): string {
  return useSyncExternalStore(store.subscribe, store.getText, store.getText);
}

const PARSE_CACHE_SIZE = 4;
const parseCache = new Map<string, ParsedProfile>();

/** The text parsed, memoised by text (the last few texts are kept, so undo is instant). */
export function parsedProfileOf(text: string): ParsedProfile {
  let parsed = parseCache.get(text);
  if (parsed === undefined) {
    parsed = parseProfile(text);
    parseCache.set(text, parsed);
    if (parseCache.size > PARSE_CACHE_SIZE) parseCache.delete(parseCache.keys().next().value!);
  }
  return parsed;
}
