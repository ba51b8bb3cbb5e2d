/**
 * Docker's default profile, parsed and resolved by the core at runtime, then summarised for the
 * first page. Nothing about the profile is hard-coded here.
 */
import {
  defaultContext,
  DOCKER_DEFAULT_CAPABILITIES,
  type ResolveContext,
} from '../core/context.ts';
import { parseProfile } from '../core/parse.ts';
import { resolveProfile } from '../core/resolve.ts';
import { describeContext, summarizeProfile, type ProfileSummary } from '../ui/profile-summary.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';

export type DefaultProfileSummary =
  | { ok: true; summary: ProfileSummary; context: ResolveContext; contextText: string }
  | { ok: false; error: string };

/** Parses and resolves a profile's text for Docker's default context, then summarises it. */
export function summarizeProfileText(
  text: string,
  context: ResolveContext = defaultContext(),
): DefaultProfileSummary {
  const parsed = parseProfile(text);
  if (parsed.dockerError !== undefined) return { ok: false, error: parsed.dockerError };
  const resolved = resolveProfile(parsed.profile, context);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  if (resolved.seccomp === null || parsed.profile === null) {
    return { ok: false, error: 'The profile applies no seccomp filter at all.' };
  }
  return {
    ok: true,
    summary: summarizeProfile(parsed.profile.syscalls ?? [], resolved.seccomp),
    context,
    contextText: describeContext(context, new Set(DOCKER_DEFAULT_CAPABILITIES)),
  };
}

/** Docker's default profile, summarised for Docker's default context. */
export function summarizeDockerDefault(): DefaultProfileSummary {
  try {
    return summarizeProfileText(dockerDefaultProfileText());
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
