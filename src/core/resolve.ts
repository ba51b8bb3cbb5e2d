/**
 * Resolution: what Docker hands to the runtime. This mirrors moby's `setupSeccomp` step by
 * step: a profile with neither `defaultAction` nor rules means "no filter"; `architectures`
 * and `archMap` together are refused; the host's `archMap` entry is expanded; each rule's
 * legacy `name` is folded into `names`; `excludes` then `includes` decide whether a rule is
 * kept; kept rules go through in order with their standard fields.
 */
import { ARCH_MAP_KEY, kernelAtLeast, type ResolveContext } from './context.ts';
import type { Filter, Profile, Rule } from './model.ts';

/** An argument condition as the OCI runtime spec carries it. */
export interface OciArg {
  index: bigint;
  value: bigint;
  valueTwo: bigint;
  op: string;
}

/** A rule as the OCI runtime spec carries it, with the profile rule it came from. */
export interface OciSyscall {
  names: string[] | null;
  action: string;
  errnoRet: bigint | undefined;
  args: OciArg[] | null;
  /** The profile rule this came from (not serialised). */
  source: Rule;
}

/** The OCI `linux.seccomp` object Docker produces. */
export interface OciSeccomp {
  defaultAction: string;
  defaultErrnoRet: bigint | undefined;
  architectures: string[];
  flags: string[];
  listenerPath: string;
  listenerMetadata: string;
  syscalls: OciSyscall[];
}

export type ResolveResult =
  { ok: true; seccomp: OciSeccomp | null } | { ok: false; error: string; rule?: Rule };

/** Hosts where Go's `uint` is 32 bits wide. */
const HOSTS_WITH_32_BIT_UINT: ReadonlySet<string> = new Set([
  'x86',
  'arm',
  'mipsel',
  'mips64n32',
  'mips3l64n32',
  'ppc',
  's390',
]);

/** How Docker prefixes a decoding error. */
export const DECODE_FAILED = 'Decoding seccomp profile failed: ';

export const BOTH_ARCH_FORMS_ERROR =
  "both 'architectures' and 'archMap' are specified in the seccomp profile, use either 'architectures' or 'archMap'";
export const BOTH_NAME_FORMS_ERROR =
  "both 'name' and 'names' are specified in the seccomp profile, use either 'name' or 'names'";

/**
 * Resolves a decoded profile for one context, as Docker's loader does.
 *
 * @param profile - the decoded profile (`null`, from a JSON `null` document, means no filter)
 * @param context - host architecture, capability bounding set and kernel version
 * @returns the OCI `linux.seccomp` (`null` when Docker applies no filter) or Docker's error
 */
export function resolveProfile(profile: Profile | null, context: ResolveContext): ResolveResult {
  if (profile === null) return { ok: true, seccomp: null };
  if (profile.dockerErrorOn32BitHosts !== undefined && HOSTS_WITH_32_BIT_UINT.has(context.arch)) {
    return { ok: false, error: `${DECODE_FAILED}${profile.dockerErrorOn32BitHosts}` };
  }
  const rules = profile.syscalls ?? [];
  if (profile.defaultAction === '' && rules.length === 0) return { ok: true, seccomp: null };
  if ((profile.architectures?.length ?? 0) !== 0 && (profile.archMap?.length ?? 0) !== 0) {
    return { ok: false, error: BOTH_ARCH_FORMS_ERROR };
  }

  const architectures = (profile.architectures ?? []).map((item) => item.value);
  const archKey = ARCH_MAP_KEY[context.arch];
  if (archKey !== undefined) {
    const entry = (profile.archMap ?? []).find((candidate) => candidate.architecture === archKey);
    if (entry) {
      architectures.push(
        entry.architecture,
        ...(entry.subArchitectures ?? []).map((item) => item.value),
      );
    }
  }

  const syscalls: OciSyscall[] = [];
  for (const rule of rules) {
    if (rule === null) {
      return {
        ok: false,
        error: 'runtime error: invalid memory address or nil pointer dereference',
      };
    }
    let names = rule.names === null ? null : rule.names.map((item) => item.value);
    if (rule.name !== '') {
      if (names !== null && names.length !== 0)
        return { ok: false, error: BOTH_NAME_FORMS_ERROR, rule };
      names = [rule.name];
    }
    if (!ruleApplies(rule, context)) continue;
    syscalls.push({
      names,
      action: rule.action,
      errnoRet: rule.errnoRet,
      args:
        rule.args === null
          ? null
          : rule.args.map(({ index, value, valueTwo, op }) => ({ index, value, valueTwo, op })),
      source: rule,
    });
  }

  return {
    ok: true,
    seccomp: {
      defaultAction: profile.defaultAction,
      defaultErrnoRet: profile.defaultErrnoRet,
      architectures,
      flags: (profile.flags ?? []).map((item) => item.value),
      listenerPath: profile.listenerPath,
      listenerMetadata: profile.listenerMetadata,
      syscalls,
    },
  };
}

/** Whether Docker keeps a rule in this context: no `excludes` condition holds, every `includes` one does. */
export function ruleApplies(rule: Rule, context: ResolveContext): boolean {
  return !excluded(rule.excludes, context) && included(rule.includes, context);
}

function excluded(filter: Filter | null, context: ResolveContext): boolean {
  if (filter === null) return false;
  if (filter.arches?.some((item) => item.value === context.arch)) return true;
  if (filter.caps?.some((item) => context.caps.has(item.value))) return true;
  return filter.minKernel !== null && kernelAtLeast(context.kernel, filter.minKernel);
}

function included(filter: Filter | null, context: ResolveContext): boolean {
  if (filter === null) return true;
  if (
    (filter.arches?.length ?? 0) > 0 &&
    !filter.arches!.some((item) => item.value === context.arch)
  ) {
    return false;
  }
  if (filter.caps?.some((item) => !context.caps.has(item.value))) return false;
  return filter.minKernel === null || kernelAtLeast(context.kernel, filter.minKernel);
}
