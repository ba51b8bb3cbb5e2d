/**
 * A verdict as the table says it: one word for filters and colours, a short status for the
 * cell, and the capability or kernel that would allow the syscall when it isn't allowed.
 */
import { isDecodableArg } from '../catalog/decodable-args.ts';
import type { Explanation } from '../core/explain.ts';
import { describeEffect, describeVerdict } from '../core/verdict-words.ts';
import { isAllowed, isBlockingAction, type Verdict } from '../core/outcome.ts';
import type { StatusKind } from '../ui/view-model.ts';

/** The kind of a verdict: what the status filter and the colour follow. */
export function statusKindOf(verdict: Verdict): StatusKind {
  switch (verdict.kind) {
    case 'unconfined':
      return 'allowed';
    case 'invalid':
      return 'invalid';
    case 'conditional':
      return 'conditional';
    case 'decided': {
      const { action } = verdict.effect;
      if (action === 'SCMP_ACT_ALLOW') return 'allowed';
      if (action === 'SCMP_ACT_LOG') return 'logged';
      if (action === 'SCMP_ACT_NOTIFY') return 'notify';
      if (action === 'SCMP_ACT_KILL_THREAD' || action === 'SCMP_ACT_KILL_PROCESS') return 'killed';
      return isBlockingAction(action) ? 'blocked' : 'invalid';
    }
  }
}

const NAMESPACE_MASK = 0x7e020000n | 0x80n;

/** Whether every condition only lets calls through that set none of the CLONE_NEW* flags. */
function onlyWithoutNamespaces(verdict: Extract<Verdict, { kind: 'conditional' }>): boolean {
  return verdict.branches.every((branch) =>
    branch.conditions.some(
      (arg) =>
        arg.op === 'SCMP_CMP_MASKED_EQ' &&
        arg.valueTwo === 0n &&
        (arg.value & 0x7e020000n) === 0x7e020000n &&
        (arg.value & ~NAMESPACE_MASK) === 0n,
    ),
  );
}

/** What part of the calls a conditional verdict lets through, for the syscalls we can decode. */
function conditionalSubject(
  syscall: string,
  verdict: Extract<Verdict, { kind: 'conditional' }>,
): string | undefined {
  const decodable = verdict.branches.every((branch) =>
    branch.conditions.every((arg) => isDecodableArg(syscall, Number(arg.index), arg.op)),
  );
  if (!decodable) return undefined;
  switch (syscall) {
    case 'socket':
    case 'socketpair':
      return 'only some address families';
    case 'personality':
      return 'only some personas';
    case 'clone':
    case 'unshare':
      return onlyWithoutNamespaces(verdict) ? 'no new namespaces' : 'only some flags';
    case 'setns':
      return 'only some namespace types';
    default:
      return undefined;
  }
}

/**
 * The status for the table's cell: the engine's words, made short where we can decode what a
 * conditional verdict lets through ("Conditional: only some address families").
 */
export function statusLabel(syscall: string, verdict: Verdict): string {
  switch (verdict.kind) {
    case 'unconfined':
      return 'Allowed (no filter)';
    case 'invalid':
      return 'Profile refused';
    case 'decided':
      return verdict.effect.action === 'SCMP_ACT_TRACE' ? 'Traced' : describeEffect(verdict.effect);
    case 'conditional': {
      const allowing =
        verdict.branches.every((branch) => branch.effect.action === 'SCMP_ACT_ALLOW') &&
        isBlockingAction(verdict.otherwise.action);
      const subject = allowing ? conditionalSubject(syscall, verdict) : undefined;
      return subject === undefined ? describeVerdict(verdict) : `Conditional: ${subject}`;
    }
  }
}

/**
 * How the syscall could be allowed by changing the container rather than the profile, from the
 * explanation's alternatives: "Allowed with CAP_SYS_ADMIN or CAP_BPF", "Allowed on kernel ≥ 4.8".
 * Undefined when it is allowed already or nothing in the context would allow it.
 */
export function allowHint(
  explanation: Pick<Explanation, 'verdict' | 'alternatives'>,
): string | undefined {
  if (isAllowed(explanation.verdict) || explanation.verdict.kind === 'invalid') return undefined;
  const caps: string[] = [];
  const others: string[] = [];
  for (const { change, status } of explanation.alternatives) {
    if (status !== 'Allowed') continue;
    const cap = /^with (CAP_[A-Z_]+)$/.exec(change);
    if (cap) caps.push(cap[1]!);
    else if (change.startsWith('with --privileged')) others.push('with --privileged');
    else if (change.startsWith('on kernel')) others.push(change);
  }
  const ways = [...(caps.length > 0 ? [`with ${caps.join(' or ')}`] : []), ...others];
  return ways.length === 0 ? undefined : `Allowed ${ways.join(' or ')}`;
}
