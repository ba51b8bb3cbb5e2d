/**
 * Docker's view of each syscall, computed by the engine from the built-in default profile and
 * never typed by hand, so the catalog and the profile can't disagree.
 */
import {
  ALL_CAPABILITIES,
  DOCKER_ARCHES,
  NEWEST_KERNEL,
  defaultContext,
  formatKernel,
  kernelJustBefore,
  type DockerArch,
  type ResolveContext,
} from '../core/context.ts';
import { DOCKER_ARCH_TO_ABIS, syscallNumber } from './abis.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { describeVerdict } from '../core/verdict-words.ts';
import type { KernelVersion } from '../core/model.ts';
import { ruleNames } from '../core/model.ts';
import { evaluateSyscall, isAllowed, type Verdict } from '../core/outcome.ts';
import { resolveProfile, type OciSeccomp } from '../core/resolve.ts';

export interface DockerView {
  /** The status under Docker's default in the default context (amd64, default caps, newest kernel). */
  status: string;
  /** Allowed for every argument value in the default context. */
  allowed: boolean;
  /**
   * The capabilities that gate it: any one of them, with Docker's default set, allows the
   * syscall, and without it the default doesn't (`bpf`: CAP_SYS_ADMIN or CAP_BPF; `chroot`:
   * CAP_SYS_CHROOT, which the default set has). Empty when no capability changes it.
   */
  capabilities: readonly string[];
  /** The kernel version from which the default allows it (`ptrace`: 4.8), when one matters. */
  minKernel?: string;
  /**
   * Docker architectures where the syscall exists and the default treats it differently from
   * amd64, with the status there.
   */
  arches: { arch: DockerArch; status: string }[];
}

const resolvedByContext = new Map<string, OciSeccomp | null>();

/** The default resolved in a context, computed once per context (the catalog asks thousands of times). */
const keys = new WeakMap<ResolveContext, string>();

function contextKey(context: ResolveContext): string {
  let key = keys.get(context);
  if (key === undefined) {
    key = `${context.arch}|${[...context.caps].sort().join(',')}|${formatKernel(context.kernel)}`;
    keys.set(context, key);
  }
  return key;
}

function verdictUnderDefault(context: ResolveContext, name: string): Verdict {
  const key = contextKey(context);
  let seccomp = resolvedByContext.get(key);
  if (seccomp === undefined) {
    const resolved = resolveProfile(dockerDefaultProfile().profile, context);
    if (!resolved.ok)
      throw new Error(`Docker's default profile does not resolve: ${resolved.error}`);
    seccomp = resolved.seccomp;
    resolvedByContext.set(key, seccomp);
  }
  return evaluateSyscall(seccomp, name);
}

function withoutCapability(context: ResolveContext, cap: string): ResolveContext {
  return { ...context, caps: new Set([...context.caps].filter((held) => held !== cap)) };
}

function withCapability(context: ResolveContext, cap: string): ResolveContext {
  return { ...context, caps: new Set([...context.caps, cap]) };
}

/** The default's rules that name a syscall. */
function rulesNaming(name: string) {
  return (dockerDefaultProfile().profile?.syscalls ?? []).filter(
    (rule) => rule !== null && ruleNames(rule).some((item) => item.value === name),
  );
}

function kernelThresholds(name: string): KernelVersion[] {
  return rulesNaming(name).flatMap((rule) =>
    rule?.includes?.minKernel ? [rule.includes.minKernel] : [],
  );
}

/**
 * Only a capability a rule for the syscall mentions can change its outcome, so only those are
 * tried (in the kernel's order), not all 41 for each of 508 syscalls.
 */
function candidateCapabilities(name: string): string[] {
  const mentioned = new Set(
    rulesNaming(name).flatMap((rule) =>
      [...(rule?.includes?.caps ?? []), ...(rule?.excludes?.caps ?? [])].map((cap) => cap.value),
    ),
  );
  return ALL_CAPABILITIES.filter((cap) => mentioned.has(cap));
}

const byArch = new Map<DockerArch, ResolveContext>();

/** The default context on another architecture (one object per arch, so its key is computed once). */
function archContext(arch: DockerArch): ResolveContext {
  let context = byArch.get(arch);
  if (!context) {
    context = defaultContext({ arch });
    byArch.set(arch, context);
  }
  return context;
}

/**
 * Docker's default's view of one syscall.
 *
 * @param name - the syscall
 */
export function dockerView(name: string): DockerView {
  const context = archContext('amd64');
  const verdict = verdictUnderDefault(context, name);
  const allowed = isAllowed(verdict);
  // Where the default allows it only from some kernel on, the capabilities that allow it on
  // older kernels count too (ptrace: kernel ≥ 4.8, or CAP_SYS_PTRACE on any kernel).
  const thresholds = kernelThresholds(name);
  const contexts = [
    context,
    ...thresholds.map((kernel) => ({ ...context, kernel: kernelJustBefore(kernel) })),
  ];
  const capabilities = candidateCapabilities(name).filter((cap) =>
    contexts.some(
      (where) =>
        !isAllowed(verdictUnderDefault(withoutCapability(where, cap), name)) &&
        isAllowed(verdictUnderDefault(withCapability(where, cap), name)),
    ),
  );

  const status = describeVerdict(verdict);
  const minimum = thresholds.find(
    (threshold) =>
      isAllowed(verdictUnderDefault({ ...context, kernel: threshold }, name)) &&
      !isAllowed(verdictUnderDefault({ ...context, kernel: { major: 3, minor: 0 } }, name)),
  );
  const arches = DOCKER_ARCHES.filter(
    (arch) => arch !== 'amd64' && syscallNumber(name, DOCKER_ARCH_TO_ABIS[arch]) !== undefined,
  ).flatMap((arch) => {
    const there = describeVerdict(verdictUnderDefault(archContext(arch), name));
    return there === status ? [] : [{ arch, status: there }];
  });
  return {
    status,
    allowed,
    capabilities,
    ...(minimum ? { minKernel: formatKernel(minimum) } : {}),
    arches,
  };
}

/** The newest kernel the catalog assumes, for display. */
export const CATALOG_KERNEL = formatKernel(NEWEST_KERNEL);
