/**
 * What happens to one syscall under a resolved profile, as runc and libseccomp build the
 * filter from it:
 * - runc skips a rule whose action (with its errno) equals the default action;
 * - runc splits a rule with several conditions on one argument into one rule per condition,
 *   so those conditions are ORed, while conditions on different arguments are ANDed;
 * - libseccomp keeps the first unconditional rule for a syscall and ignores later rules for
 *   it; an unconditional rule added after conditional ones replaces them.
 */
import type { ResolveContext } from './context.ts';
import { ERRNO_ACTIONS } from './model.ts';
import {
  addToNameIndex,
  resolvedRulesNaming,
  resolveProfileFor,
  scopedSyscall,
  type OciArg,
  type OciSeccomp,
  type OciSyscall,
} from './resolve.ts';
import type { Profile } from './model.ts';

export const EPERM = 1;

/** An action as the kernel applies it. */
export interface Effect {
  action: string;
  /** For SCMP_ACT_ERRNO and SCMP_ACT_TRACE: the errno returned (EPERM when not given). */
  errno?: number;
}

/** One argument-filtered branch: when all `conditions` hold, `effect` applies. */
export interface Branch {
  conditions: OciArg[];
  effect: Effect;
  rule: OciSyscall;
}

export type Verdict =
  /** No filter at all: Docker runs the container unconfined. */
  | { kind: 'unconfined' }
  /** Docker or runc refuses the profile, so the container doesn't start. */
  | { kind: 'invalid'; error: string }
  | { kind: 'decided'; effect: Effect; rule: OciSyscall | undefined }
  | { kind: 'conditional'; branches: Branch[]; otherwise: Effect };

/** Normalises an action the way runc turns it into a libseccomp action. */
export function effectOf(action: string, errnoRet: bigint | undefined): Effect {
  const normalized = action === 'SCMP_ACT_KILL' ? 'SCMP_ACT_KILL_THREAD' : action;
  if (!ERRNO_ACTIONS.has(normalized)) return { action: normalized };
  // runc passes the errno to libseccomp as an int16.
  const errno = errnoRet === undefined ? EPERM : Number(BigInt.asIntN(16, errnoRet));
  return { action: normalized, errno };
}

export function sameEffect(a: Effect, b: Effect): boolean {
  return a.action === b.action && a.errno === b.errno;
}

/**
 * The rules naming each syscall, in order, indexed once per resolved profile: the table asks
 * about every syscall, and scanning thousands of rules for each would cost O(names × rules).
 * Resolutions made by resolve.ts read its index of the profile instead; this one is for the
 * rest (a resolution built by hand).
 */
const rulesByName = new WeakMap<OciSeccomp, Map<string, OciSyscall[]>>();

function rulesNaming(seccomp: OciSeccomp, syscall: string): readonly OciSyscall[] {
  // A resolution narrowed to this syscall holds its rules already: indexing them again for
  // each of the dozen contexts an explanation tries cost more than the resolution itself.
  if (scopedSyscall(seccomp) === syscall) return seccomp.syscalls;
  const resolved = resolvedRulesNaming(seccomp, syscall);
  if (resolved !== undefined) return resolved;
  let index = rulesByName.get(seccomp);
  if (!index) {
    index = new Map();
    for (const call of seccomp.syscalls) addToNameIndex(index, call);
    rulesByName.set(seccomp, index);
  }
  return index.get(syscall) ?? [];
}

/** The rules that really reach the filter for one syscall, in order. */
export function effectiveRulesFor(seccomp: OciSeccomp, syscall: string): OciSyscall[] {
  const fallback = effectOf(seccomp.defaultAction, seccomp.defaultErrnoRet);
  return rulesNaming(seccomp, syscall).filter(
    (call) => !sameEffect(effectOf(call.action, call.errnoRet), fallback),
  );
}

/**
 * Evaluates one syscall under a resolved profile.
 *
 * @param seccomp - the OCI object from {@link resolveProfile} (`null`: no filter)
 * @param syscall - the syscall name
 */
export function evaluateSyscall(seccomp: OciSeccomp | null, syscall: string): Verdict {
  if (seccomp === null) return { kind: 'unconfined' };
  const otherwise = effectOf(seccomp.defaultAction, seccomp.defaultErrnoRet);
  let unconditional: OciSyscall | undefined;
  const branches: Branch[] = [];
  for (const call of effectiveRulesFor(seccomp, syscall)) {
    if (unconditional) break;
    const effect = effectOf(call.action, call.errnoRet);
    const args = call.args ?? [];
    if (args.length === 0) {
      unconditional = call;
      branches.length = 0;
      continue;
    }
    const indexes = args.map((arg) => arg.index);
    const repeatsIndex = new Set(indexes).size !== indexes.length;
    if (repeatsIndex) {
      for (const arg of args) branches.push({ conditions: [arg], effect, rule: call });
    } else {
      branches.push({ conditions: args, effect, rule: call });
    }
  }
  if (unconditional) {
    return {
      kind: 'decided',
      effect: effectOf(unconditional.action, unconditional.errnoRet),
      rule: unconditional,
    };
  }
  if (branches.length > 0) return { kind: 'conditional', branches, otherwise };
  return { kind: 'decided', effect: otherwise, rule: undefined };
}

/** Resolves and evaluates in one step. */
export function verdictFor(
  profile: Profile | null,
  context: ResolveContext,
  syscall: string,
): Verdict {
  // Only the rules naming the syscall matter: see resolveProfileFor.
  const resolved = resolveProfileFor(profile, context, syscall);
  if (!resolved.ok) return { kind: 'invalid', error: resolved.error };
  return evaluateSyscall(resolved.seccomp, syscall);
}

/** Whether a verdict lets the syscall run for every argument value. */
export function isAllowed(verdict: Verdict): boolean {
  return (
    verdict.kind === 'unconfined' ||
    (verdict.kind === 'decided' && verdict.effect.action === 'SCMP_ACT_ALLOW')
  );
}

const BLOCKING_ACTIONS = new Set([
  'SCMP_ACT_ERRNO',
  'SCMP_ACT_KILL_THREAD',
  'SCMP_ACT_KILL_PROCESS',
  'SCMP_ACT_TRAP',
  'SCMP_ACT_TRACE',
]);

/** Whether an action stops the syscall from running (a tracer may still run it under TRACE). */
export function isBlockingAction(action: string): boolean {
  return BLOCKING_ACTIONS.has(action === 'SCMP_ACT_KILL' ? 'SCMP_ACT_KILL_THREAD' : action);
}

/** Whether a verdict stops the syscall for every argument value. */
export function isBlocked(verdict: Verdict): boolean {
  return verdict.kind === 'decided' && isBlockingAction(verdict.effect.action);
}

/** A stable text for comparing verdicts (the same text means the same behaviour). */
export function verdictKey(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'unconfined':
      return 'unconfined';
    case 'invalid':
      return `invalid:${verdict.error}`;
    case 'decided':
      return effectKey(verdict.effect);
    case 'conditional':
      return `conditional[${verdict.branches
        .map(
          (b) =>
            `${b.conditions.map((c) => `${c.index}:${c.op}:${c.value}:${c.valueTwo}`).join('&')}=>${effectKey(b.effect)}`,
        )
        .join('|')}]else:${effectKey(verdict.otherwise)}`;
  }
}

function effectKey(effect: Effect): string {
  return effect.errno === undefined ? effect.action : `${effect.action}(${effect.errno})`;
}
