/**
 * Semantic diff: for each syscall, how its outcome in a context differs between two profiles.
 * Two profiles that look different but behave the same have no differences.
 */
import type { ResolveContext } from './context.ts';
import { ruleNames } from './model.ts';
import { evaluateSyscall, isAllowed, isBlocked, verdictKey, type Verdict } from './outcome.ts';
import { resolveProfile } from './resolve.ts';
import type { ParsedProfile } from './parse.ts';
import { describeVerdict } from './verdict-words.ts';

export type ChangeKind = 'newly-allowed' | 'newly-blocked' | 'changed';

export interface SyscallChange {
  syscall: string;
  kind: ChangeKind;
  before: Verdict;
  after: Verdict;
  beforeStatus: string;
  afterStatus: string;
}

function namesIn(parsed: ParsedProfile): string[] {
  return (parsed.profile?.syscalls ?? []).flatMap((rule) =>
    rule ? ruleNames(rule).map((item) => item.value) : [],
  );
}

/**
 * Compares two profiles syscall by syscall in one context.
 *
 * @param before - the profile compared against (e.g. Docker's default)
 * @param after - the profile being reviewed
 * @param context - architecture, capabilities and kernel
 * @param syscalls - extra names to compare (e.g. every syscall Linux has), besides those the profiles name
 * @returns the syscalls whose outcome differs, sorted by name
 */
export function diffProfiles(
  before: ParsedProfile,
  after: ParsedProfile,
  context: ResolveContext,
  syscalls: Iterable<string> = [],
): SyscallChange[] {
  const names = new Set([...syscalls, ...namesIn(before), ...namesIn(after)]);
  // Resolve each profile once; evaluating a syscall against a resolved profile is cheap.
  const verdictsOf = (parsed: ParsedProfile): ((syscall: string) => Verdict) => {
    const resolved = resolveProfile(parsed.profile, context);
    return resolved.ok
      ? (syscall) => evaluateSyscall(resolved.seccomp, syscall)
      : () => ({ kind: 'invalid', error: resolved.error });
  };
  const verdictBefore = verdictsOf(before);
  const verdictAfter = verdictsOf(after);
  const changes: SyscallChange[] = [];
  for (const syscall of [...names].sort()) {
    if (syscall === '') continue;
    const was = verdictBefore(syscall);
    const now = verdictAfter(syscall);
    if (verdictKey(was) === verdictKey(now)) continue;
    const kind: ChangeKind =
      isAllowed(now) && !isAllowed(was)
        ? 'newly-allowed'
        : isBlocked(now) && !isBlocked(was)
          ? 'newly-blocked'
          : 'changed';
    changes.push({
      syscall,
      kind,
      before: was,
      after: now,
      beforeStatus: describeVerdict(was),
      afterStatus: describeVerdict(now),
    });
  }
  return changes;
}
