/**
 * What would change a syscall's outcome in a context: the capabilities, kernel versions and
 * architectures its rules mention. The table's hints ("Allowed with CAP_SYS_PTRACE") need only
 * this part of an explanation (explain.ts).
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
import { verdictFor, verdictKey, type Verdict } from './outcome.ts';
import { rulesNamingSyscall } from './resolve.ts';
import { describeVerdict } from './verdict-words.ts';

export interface Alternative {
  /** The change to the context, in words: "with CAP_SYS_PTRACE", "on kernels before 4.8". */
  change: string;
  status: string;
}

/**
 * What would change the outcome of one syscall: each capability, kernel version and
 * architecture its rules mention, tried in turn (or `--privileged` when none changes it).
 *
 * @param profile - the profile
 * @param syscall - the syscall name
 * @param context - architecture, capabilities and kernel now
 * @param current - its verdict in `context` (worked out when not given)
 * @param related - the profile's rules that name it (found when not given)
 */
export function alternativesFor(
  profile: Profile | null,
  syscall: string,
  context: ResolveContext,
  current: Verdict = verdictFor(profile, context, syscall),
  related: readonly Rule[] = rulesNamingSyscall(profile, syscall),
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
