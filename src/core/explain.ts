/**
 * Explain: what happens to one syscall in a context, which rule decides it, and what would
 * change the outcome (a capability, a kernel version, another architecture).
 */
import {
  ALL_CAPABILITIES,
  formatKernel,
  kernelAtLeast,
  kernelJustBefore,
  type DockerArch,
  type ResolveContext,
} from './context.ts';
import type { KernelVersion, Profile, Rule } from './model.ts';
import { formatPath } from './model.ts';
import { verdictFor, verdictKey, type Effect, type Verdict } from './outcome.ts';
import { rulesNamingSyscall, type OciArg } from './resolve.ts';
import type { ParsedProfile } from './parse.ts';

/** errno names by number (the generic Linux numbering used by x86, arm and most others). */
const ERRNO_NAMES: Readonly<Record<number, string>> = {
  1: 'EPERM',
  2: 'ENOENT',
  3: 'ESRCH',
  4: 'EINTR',
  5: 'EIO',
  9: 'EBADF',
  11: 'EAGAIN',
  12: 'ENOMEM',
  13: 'EACCES',
  14: 'EFAULT',
  16: 'EBUSY',
  17: 'EEXIST',
  19: 'ENODEV',
  22: 'EINVAL',
  25: 'ENOTTY',
  28: 'ENOSPC',
  30: 'EROFS',
  38: 'ENOSYS',
  95: 'EOPNOTSUPP',
};

/** `EPERM`, `ENOSYS`, or `errno 55` when the number has no well-known name here. */
export function errnoName(errno: number): string {
  return ERRNO_NAMES[errno] ?? `errno ${errno}`;
}

/** A short status in words: "Allowed", "Blocked (EPERM)", "Killed (process)", … */
export function describeEffect(effect: Effect): string {
  switch (effect.action) {
    case 'SCMP_ACT_ALLOW':
      return 'Allowed';
    case 'SCMP_ACT_ERRNO':
      return `Blocked (${errnoName(effect.errno ?? 1)})`;
    case 'SCMP_ACT_KILL_THREAD':
      return 'Killed (thread)';
    case 'SCMP_ACT_KILL_PROCESS':
      return 'Killed (process)';
    case 'SCMP_ACT_TRAP':
      return 'Trapped (SIGSYS)';
    case 'SCMP_ACT_TRACE':
      return `Traced (a ptrace tracer decides; ${errnoName(effect.errno ?? 1)} without one)`;
    case 'SCMP_ACT_LOG':
      return 'Logged (and allowed)';
    case 'SCMP_ACT_NOTIFY':
      return 'Sent to the notify listener';
    default:
      return `Invalid action ${effect.action}`;
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

const OP_SYMBOLS: Readonly<Record<string, string>> = {
  SCMP_CMP_NE: '≠',
  SCMP_CMP_LT: '<',
  SCMP_CMP_LE: '≤',
  SCMP_CMP_EQ: '=',
  SCMP_CMP_GE: '≥',
  SCMP_CMP_GT: '>',
};

/** Renders an argument condition: `arg0 < 38`, `arg0 & 0x7e020000 = 0`. */
export function describeCondition(arg: OciArg): string {
  if (arg.op === 'SCMP_CMP_MASKED_EQ')
    return `arg${arg.index} & 0x${arg.value.toString(16)} = ${arg.valueTwo}`;
  return `arg${arg.index} ${OP_SYMBOLS[arg.op] ?? arg.op} ${arg.value}`;
}

/** The status of a verdict in words, as the table and the CLI show it. */
export function describeVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'unconfined':
      return 'Allowed (no seccomp filter at all)';
    case 'invalid':
      return `Profile refused: ${verdict.error}`;
    case 'decided':
      return describeEffect(verdict.effect);
    case 'conditional': {
      const effects = new Set(verdict.branches.map((branch) => describeEffect(branch.effect)));
      const when = verdict.branches
        .map((branch) => branch.conditions.map(describeCondition).join(' and '))
        .join(' or ');
      const what = effects.size === 1 ? lowerFirst([...effects][0]!) : 'depends on the arguments';
      return `Conditional: ${what} only when ${when}; otherwise ${lowerFirst(describeEffect(verdict.otherwise))}`;
    }
  }
}

export interface Alternative {
  /** The change to the context, in words: "with CAP_SYS_PTRACE", "on kernels before 4.8". */
  change: string;
  status: string;
}

export interface Explanation {
  syscall: string;
  verdict: Verdict;
  status: string;
  /** The rule that decides, or undefined when the default action applies. */
  rule?: { index: number; path: string; line: number; column: number; comment: string };
  /** Plain-words reasons, first the deciding one. */
  reasons: string[];
  /** What would change the outcome. */
  alternatives: Alternative[];
  /** Rules for this syscall that don't apply in this context, and why. */
  inactive: string[];
}

function describeContextRule(rule: Rule): string {
  const conditions: string[] = [];
  const inc = rule.includes;
  const exc = rule.excludes;
  if (inc?.caps?.length) conditions.push(`with ${inc.caps.map((c) => c.value).join(' and ')}`);
  if (inc?.arches?.length) conditions.push(`on ${inc.arches.map((a) => a.value).join(', ')}`);
  if (inc?.minKernel) conditions.push(`on kernel ≥ ${formatKernel(inc.minKernel)}`);
  if (exc?.caps?.length) conditions.push(`without ${exc.caps.map((c) => c.value).join(' or ')}`);
  if (exc?.arches?.length) conditions.push(`not on ${exc.arches.map((a) => a.value).join(', ')}`);
  if (exc?.minKernel) conditions.push(`on kernels before ${formatKernel(exc.minKernel)}`);
  return conditions.join(', ');
}

/**
 * Explains one syscall under a profile in a context.
 *
 * @param parsed - the parsed profile
 * @param syscall - the syscall name
 * @param context - architecture, capabilities and kernel
 */
export function explainSyscall(
  parsed: ParsedProfile,
  syscall: string,
  context: ResolveContext,
): Explanation {
  const profile = parsed.profile;
  const verdict = verdictFor(profile, context, syscall);
  const status = describeVerdict(verdict);
  const reasons: string[] = [];
  let ruleInfo: Explanation['rule'];

  if (verdict.kind === 'unconfined') {
    reasons.push('The profile has neither a defaultAction nor rules, so Docker applies no filter.');
  } else if (verdict.kind === 'invalid') {
    reasons.push(`Docker or the runtime refuses this profile: ${verdict.error}`);
  } else if (verdict.kind === 'decided' && verdict.rule) {
    const rule = verdict.rule.source;
    const at = parsed.lines.position(rule.node.start);
    ruleInfo = {
      index: rule.index,
      path: formatPath(rule.path),
      line: at.line,
      column: at.column,
      comment: rule.comment,
    };
    const when = describeContextRule(rule);
    reasons.push(
      `Rule ${rule.index + 1} (${formatPath(rule.path)}, line ${at.line}) ${rule.action === 'SCMP_ACT_ALLOW' ? 'allows' : 'matches'} it${when ? `: it applies ${when}` : ''}.`,
    );
  } else if (verdict.kind === 'decided') {
    reasons.push(
      `No rule in force here names ${syscall}, so the default action (${profile?.defaultAction}) applies.`,
    );
  } else {
    for (const branch of verdict.branches) {
      const rule = branch.rule.source;
      const at = parsed.lines.position(rule.node.start);
      reasons.push(
        `Rule ${rule.index + 1} (${formatPath(rule.path)}, line ${at.line}): ${lowerFirst(describeEffect(branch.effect))} when ${branch.conditions.map(describeCondition).join(' and ')}.`,
      );
    }
    reasons.push(
      `Any other call gets the default action: ${lowerFirst(describeEffect(verdict.otherwise))}.`,
    );
  }

  const related = rulesNamingSyscall(profile, syscall);
  return {
    syscall,
    verdict,
    status,
    ...(ruleInfo ? { rule: ruleInfo } : {}),
    reasons,
    alternatives: alternativesFor(profile, syscall, context, related, verdict),
    inactive: inactiveRules(related, context),
  };
}

function alternativesFor(
  profile: Profile | null,
  syscall: string,
  context: ResolveContext,
  related: Rule[],
  current: Verdict,
): Alternative[] {
  const key = verdictKey(current);
  const found = new Map<string, Alternative>();
  const consider = (change: string, variant: ResolveContext): void => {
    const verdict = verdictFor(profile, variant, syscall);
    if (verdictKey(verdict) !== key && !found.has(change))
      found.set(change, { change, status: describeVerdict(verdict) });
  };
  const caps = new Set<string>();
  // Each kernel version once: a large profile repeats a few versions over hundreds of the rules
  // naming a syscall, and each variant resolves those rules again (80,000 rules: a second).
  const kernels = new Map<string, KernelVersion>();
  const arches = new Set<string>();
  for (const rule of related) {
    for (const filter of [rule.includes, rule.excludes]) {
      filter?.caps?.forEach((cap) => caps.add(cap.value));
      filter?.arches?.forEach((arch) => arches.add(arch.value));
      if (filter?.minKernel) kernels.set(formatKernel(filter.minKernel), filter.minKernel);
    }
  }
  for (const cap of caps) {
    const variant = new Set(context.caps);
    if (variant.has(cap)) variant.delete(cap);
    else variant.add(cap);
    consider(`${context.caps.has(cap) ? 'without' : 'with'} ${cap}`, { ...context, caps: variant });
  }
  for (const minimum of kernels.values()) {
    if (kernelAtLeast(context.kernel, minimum)) {
      consider(`on kernels before ${formatKernel(minimum)}`, {
        ...context,
        kernel: kernelJustBefore(minimum),
      });
    } else {
      consider(`on kernel ≥ ${formatKernel(minimum)}`, { ...context, kernel: minimum });
    }
  }
  for (const arch of arches) {
    if (arch !== context.arch) consider(`on ${arch}`, { ...context, arch: arch as DockerArch });
  }
  if (found.size === 0)
    consider('with --privileged (every capability)', {
      ...context,
      caps: new Set(ALL_CAPABILITIES),
    });
  return [...found.values()];
}

function inactiveRules(related: Rule[], context: ResolveContext): string[] {
  const notes: string[] = [];
  for (const rule of related) {
    const inc = rule.includes;
    const exc = rule.excludes;
    const why: string[] = [];
    if (inc?.arches?.length && !inc.arches.some((a) => a.value === context.arch)) {
      why.push(
        `on ${context.arch} this rule never applies (only on ${inc.arches.map((a) => a.value).join(', ')})`,
      );
    }
    if (exc?.arches?.some((a) => a.value === context.arch))
      why.push(`it is excluded on ${context.arch}`);
    const missing =
      inc?.caps?.filter((cap) => !context.caps.has(cap.value)).map((cap) => cap.value) ?? [];
    if (missing.length) why.push(`it needs ${missing.join(' and ')}`);
    const present =
      exc?.caps?.filter((cap) => context.caps.has(cap.value)).map((cap) => cap.value) ?? [];
    if (present.length)
      why.push(`it is dropped because the container has ${present.join(' and ')}`);
    if (inc?.minKernel && !kernelAtLeast(context.kernel, inc.minKernel))
      why.push(`it needs kernel ≥ ${formatKernel(inc.minKernel)}`);
    if (exc?.minKernel && kernelAtLeast(context.kernel, exc.minKernel))
      why.push(`it only applies before kernel ${formatKernel(exc.minKernel)}`);
    if (why.length)
      notes.push(`Rule ${rule.index + 1} (${rule.action}) is not in force: ${why.join('; ')}.`);
  }
  return notes;
}
