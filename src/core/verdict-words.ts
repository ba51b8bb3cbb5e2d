/**
 * Verdicts in words: the short status the table shows ("Blocked (EPERM)"), an argument condition
 * (`arg0 < 38`) and an errno's name. What explain.ts builds its explanations from, on its own so
 * that the table's statuses don't bring the explanations along.
 */
import type { Effect, Verdict } from './outcome.ts';
import type { OciArg } from './resolve.ts';

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
