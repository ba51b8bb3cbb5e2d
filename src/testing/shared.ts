/**
 * Access to the shared reference material (`../shared` beside the repository) for tests. A
 * user's clone doesn't have it, so tests that need it skip with this message.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

export const SHARED_MISSING =
  'skipped: ../shared (the reference material beside the repository) is not present in this checkout';

export function sharedPath(relative: string): string {
  return `${SHARED}${relative}`;
}

export function hasShared(relative = ''): boolean {
  return existsSync(sharedPath(relative));
}

export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

/** The corpus's profile.json files (name → text); empty when ../shared is absent. */
export function corpusProfiles(): [string, string][] {
  if (!hasShared('corpus')) return [];
  return readdirSync(sharedPath('corpus'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, readShared(`corpus/${name}`)]);
}
