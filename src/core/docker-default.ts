/**
 * Docker's default seccomp profile as the page and the CLI use it: its text (rendered at build
 * time from the listing in docker-default-listing.ts, see scripts/generate-docker-view.ts) and
 * its parse. Reading a generated string instead of rendering the listing spares every page
 * load a parse and a format of the whole profile.
 */
import { DOCKER_DEFAULT_TEXT } from './generated/docker-default-text.ts';
import { parseProfile, type ParsedProfile } from './parse.ts';

/** Where the profile this listing reproduces comes from. */
export const DOCKER_DEFAULT_SOURCE = {
  repository: 'moby/profiles',
  path: 'seccomp/default.json',
  /** The newest snapshot of the repository that was compared. */
  commit: 'cd3bed8061c7b7378b61fc6827c7885779417a75',
  /** The commit in which `seccomp/default.json` last changed. */
  lastChanged: '3c28324314729dbade8287e868eef6338c42807a',
} as const;

let cachedProfile: ParsedProfile | undefined;

/**
 * Docker's default profile in Docker's canonical style (tab-indented, no trailing newline), as
 * `default.json` at {@link DOCKER_DEFAULT_SOURCE} has it.
 */
export function dockerDefaultProfileText(): string {
  return DOCKER_DEFAULT_TEXT;
}

/**
 * Docker's default profile, parsed. Computed once and shared: treat it as read-only.
 */
export function dockerDefaultProfile(): ParsedProfile {
  cachedProfile ??= parseProfile(dockerDefaultProfileText());
  return cachedProfile;
}
