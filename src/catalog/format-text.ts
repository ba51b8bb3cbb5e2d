/**
 * What the profile format's words mean, in our own words: each action, comparison operator and
 * filter flag, and a few keys whose schema description says too little. The editor's completion
 * shows them beside each choice.
 */
import type { ACTIONS, FLAGS, OPERATORS } from '../core/model.ts';

/** The sorts of objects the profile format has. */
export type ProfileObjectKind = 'profile' | 'rule' | 'arg' | 'filter' | 'archMap';

/** What each action does to a call. */
export const ACTION_HELP: Readonly<Record<(typeof ACTIONS)[number], string>> = {
  SCMP_ACT_KILL: 'Kill the calling thread (the same as SCMP_ACT_KILL_THREAD).',
  SCMP_ACT_KILL_PROCESS: 'Kill the whole process.',
  SCMP_ACT_KILL_THREAD: 'Kill the calling thread.',
  SCMP_ACT_TRAP: 'Send the caller SIGSYS.',
  SCMP_ACT_ERRNO: 'Refuse the call with an error number (errnoRet; EPERM when it is not set).',
  SCMP_ACT_TRACE:
    'Hand the call to a ptrace tracer (errnoRet is passed to it); without a tracer it fails with ENOSYS.',
  SCMP_ACT_ALLOW: 'Let the call through.',
  SCMP_ACT_LOG: 'Let the call through and log it.',
  SCMP_ACT_NOTIFY: 'Ask the listener at listenerPath to decide.',
};

/** How each operator compares an argument. */
export const OPERATOR_HELP: Readonly<Record<(typeof OPERATORS)[number], string>> = {
  SCMP_CMP_NE: 'argument ≠ value',
  SCMP_CMP_LT: 'argument < value',
  SCMP_CMP_LE: 'argument ≤ value',
  SCMP_CMP_EQ: 'argument = value',
  SCMP_CMP_GE: 'argument ≥ value',
  SCMP_CMP_GT: 'argument > value',
  SCMP_CMP_MASKED_EQ: '(argument & value) = valueTwo',
};

/** What each filter flag changes. */
export const FLAG_HELP: Readonly<Record<(typeof FLAGS)[number], string>> = {
  SECCOMP_FILTER_FLAG_TSYNC: 'Install the filter on every thread of the process at once.',
  SECCOMP_FILTER_FLAG_LOG: 'Log every action the filter takes except SCMP_ACT_ALLOW.',
  SECCOMP_FILTER_FLAG_SPEC_ALLOW: 'Leave the Speculative Store Bypass mitigation off.',
  SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV:
    'Make a notified call wait killably once the listener has received it (runc refuses this flag; crun knows it).',
};

/** Words for keys where the OCI schema's own description says too little. */
export const KEY_HELP: Partial<Record<ProfileObjectKind, Readonly<Record<string, string>>>> = {
  arg: { op: 'How the argument is compared with value.' },
  archMap: { architecture: 'The host architecture this entry is for (SCMP_ARCH_*).' },
  rule: { comment: 'A note for people; Docker ignores it.' },
};
