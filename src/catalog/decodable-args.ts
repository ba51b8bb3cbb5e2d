/**
 * Which rule conditions arg-values.ts puts in words: the argument it decodes for each syscall,
 * and the comparisons it reads. Kept apart from the decoders, whose tables of flags, address
 * families and personas only the details panel needs: the table only asks whether a conditional
 * verdict's conditions can be put in words ("Conditional: only some address families").
 */
import { OPERATORS } from '../core/model.ts';
import type { Abi } from './generated/syscall-numbers.ts';

/** Every comparison seccomp has: a condition under any of them can be decoded. */
const KNOWN_OPERATORS: ReadonlySet<string> = new Set(OPERATORS);

/** The argument index holding clone()'s flags: 1 on s390/s390x (stack comes first), else 0. */
export function cloneFlagsArgIndex(abi: Abi): 0 | 1 {
  return abi === 's390' || abi === 's390x' ? 1 : 0;
}

/**
 * Whether arg-values.ts's describeArgValue puts a condition on this argument in words (it
 * returns undefined exactly when this is false).
 *
 * @param syscall - the syscall the rule names
 * @param argIndex - the argument the condition compares
 * @param op - the condition's operator (`SCMP_CMP_EQ`, …)
 * @param abi - the ABI the rule applies to, when known (clone's flags move on s390)
 */
export function isDecodableArg(syscall: string, argIndex: number, op: string, abi?: Abi): boolean {
  if (!KNOWN_OPERATORS.has(op)) return false;
  switch (syscall) {
    case 'socket':
    case 'socketpair':
    case 'unshare':
    case 'personality':
      return argIndex === 0;
    case 'clone':
      return abi === undefined
        ? argIndex === 0 || argIndex === 1
        : argIndex === cloneFlagsArgIndex(abi);
    case 'setns':
      return argIndex === 1;
    default:
      return false;
  }
}
