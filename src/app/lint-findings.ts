/**
 * The engine's lint findings for a profile text, memoised. Its own chunk (with the linter and
 * its syscall-name suggestions): see lint-store.ts.
 */
import { syscallKnowledge } from '../catalog/knowledge.ts';
import { lintProfile, type Finding } from '../core/lint.ts';

const LINT_CACHE_SIZE = 4;

const lintCache = new Map<string, Finding[]>();

/** The engine's lint findings for a text, memoised (the problems list and the markers share them). */
export function lintFindingsOf(text: string): Finding[] {
  let findings = lintCache.get(text);
  if (findings === undefined) {
    findings = lintProfile(text, { syscalls: syscallKnowledge });
    lintCache.set(text, findings);
    if (lintCache.size > LINT_CACHE_SIZE) lintCache.delete(lintCache.keys().next().value!);
  }
  return findings;
}
