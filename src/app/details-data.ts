/**
 * What the details panel shows about one syscall beyond its row: the engine's explanation,
 * argument conditions decoded with the catalog's decoders, and its number on every ABI.
 */
import { ABIS, DOCKER_ARCH_TO_ABIS } from '../catalog/abis.ts';
import { describeArgValue } from '../catalog/arg-values.ts';
import type { DockerArch } from '../core/context.ts';
import { explainSyscall, type Explanation } from '../core/explain.ts';
import { describeCondition, describeEffect } from '../core/verdict-words.ts';
import { formatPath } from '../core/model.ts';
import type { Verdict } from '../core/outcome.ts';
import type { ParsedProfile } from '../core/parse.ts';
import type { BranchDetail } from '../ui/SyscallDetails.tsx';
import type { SyscallModel } from './syscall-model.ts';

/**
 * The engine's explanation of one syscall under the table's model, or why there is none to give
 * when Docker can't use the profile.
 *
 * @param model - the table's model (its text, parse and context)
 * @param syscall - the syscall
 */
export function explanationFor(model: SyscallModel, syscall: string): Explanation {
  if (model.problem === undefined) return explainSyscall(model.parsed, syscall, model.context);
  return {
    syscall,
    verdict: { kind: 'invalid', error: model.problem },
    status: `Profile refused: ${model.problem}`,
    reasons: [`Docker cannot use this profile: ${model.problem}`],
    alternatives: [],
    inactive: [],
  };
}

/** A conditional verdict's branches, each condition decoded where the catalog knows the argument. */
export function branchDetails(
  parsed: ParsedProfile,
  syscall: string,
  verdict: Verdict,
  arch: DockerArch,
): { branches: BranchDetail[]; otherwise: string | undefined } {
  if (verdict.kind !== 'conditional') return { branches: [], otherwise: undefined };
  const abi = DOCKER_ARCH_TO_ABIS[arch];
  const branches = verdict.branches.map((branch) => {
    const rule = branch.rule.source;
    const { line } = parsed.lines.position(parsed.offsets.start(rule.node));
    return {
      rule: `rule ${rule.index + 1} (${formatPath(rule.path)}, line ${line})`,
      effect: describeEffect(branch.effect),
      conditions: branch.conditions.map((arg) => ({
        decoded:
          describeArgValue(syscall, Number(arg.index), arg.value, arg.op, arg.valueTwo, { abi }) ??
          describeCondition(arg),
        raw: describeCondition(arg),
      })),
    };
  });
  return { branches, otherwise: describeEffect(verdict.otherwise) };
}

/** The syscall's number on every ABI of libseccomp's table, the selected one marked. */
export function abiNumbers(
  numbers: Partial<Record<string, number>>,
  arch: DockerArch,
): { abi: string; number: number | undefined; current: boolean }[] {
  const selected = DOCKER_ARCH_TO_ABIS[arch];
  return ABIS.map((abi) => ({ abi, number: numbers[abi], current: abi === selected }));
}
