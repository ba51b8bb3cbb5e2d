/**
 * Resolution: what Docker hands to the runtime. This mirrors moby's `setupSeccomp` step by
 * step: a profile with neither `defaultAction` nor rules means "no filter"; `architectures`
 * and `archMap` together are refused; the host's `archMap` entry is expanded; each rule's
 * legacy `name` is folded into `names`; `excludes` then `includes` decide whether a rule is
 * kept; kept rules go through in order with their standard fields.
 */
import { ARCH_MAP_KEY, kernelAtLeast, type ResolveContext } from './context.ts';
import { ruleNames, type Filter, type Profile, type Rule } from './model.ts';

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

/** Resolutions of each decoded profile, per context (a profile is never changed once decoded). */
const resolutions = new WeakMap<Profile, Map<string, ResolveResult>>();
/** Contexts kept per profile: the table's, plus the variants an explanation tries. */
const RESOLUTIONS_PER_PROFILE = 64;

function resolutionKey(context: ResolveContext): string {
  const { major, minor } = context.kernel;
  return `${context.arch}|${major}.${minor}|${[...context.caps].sort().join(',')}`;
}

/**
 * Resolves a decoded profile for one context, as Docker's loader does. Memoised per profile
 * object and context, since the table, explanations and edits ask for the same resolutions
 * over and over, and a large profile takes milliseconds each time. The result is shared:
 * callers must not change it.
 *
 * @param profile - the decoded profile (`null`, from a JSON `null` document, means no filter)
 * @param context - host architecture, capability bounding set and kernel version
 * @returns the OCI `linux.seccomp` (`null` when Docker applies no filter) or Docker's error
 */
export function resolveProfile(profile: Profile | null, context: ResolveContext): ResolveResult {
  if (profile === null) return { ok: true, seccomp: null };
  let byContext = resolutions.get(profile);
  if (byContext === undefined) {
    byContext = new Map();
    resolutions.set(profile, byContext);
  }
  const key = resolutionKey(context);
  let result = byContext.get(key);
  if (result === undefined) {
    result = resolveUncached(profile, context);
    byContext.set(key, result);
    if (byContext.size > RESOLUTIONS_PER_PROFILE) byContext.delete(byContext.keys().next().value!);
  }
  return result;
}

function resolveUncached(profile: Profile, context: ResolveContext): ResolveResult {
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
    const call = ociRuleOf(rule);
    if (call === undefined) return { ok: false, error: BOTH_NAME_FORMS_ERROR, rule };
    if (ruleApplies(rule, context)) syscalls.push(call);
  }

  const seccomp: OciSeccomp = {
    defaultAction: profile.defaultAction,
    defaultErrnoRet: profile.defaultErrnoRet,
    architectures,
    flags: (profile.flags ?? []).map((item) => item.value),
    listenerPath: profile.listenerPath,
    listenerMetadata: profile.listenerMetadata,
    syscalls,
  };
  resolvedFrom.set(seccomp, profile);
  return { ok: true, seccomp };
}

/** The profile each full resolution was made from, to read its rules by name. */
const resolvedFrom = new WeakMap<OciSeccomp, Profile>();
/**
 * Each full resolution's rules, marked by their position in the profile (`kept` is undefined
 * when the context drops none), and by name as far as asked.
 */
const resolvedByName = new WeakMap<
  OciSeccomp,
  { kept: Uint8Array | undefined; byName: Map<string, readonly OciSyscall[]> }
>();

/**
 * The rules of a full resolution that name `syscall`, in order (each once): the profile's name
 * index with the rules this context leaves out dropped. Indexing every resolution's names anew
 * cost as much as the resolution itself on a large profile. Undefined for a resolution this
 * module didn't make.
 *
 * @param seccomp - a resolution from {@link resolveProfile}
 * @param syscall - the syscall name
 */
export function resolvedRulesNaming(
  seccomp: OciSeccomp,
  syscall: string,
): readonly OciSyscall[] | undefined {
  const profile = resolvedFrom.get(seccomp);
  if (profile === undefined) return undefined;
  const index = ruleIndexOf(profile);
  if (index === undefined) return undefined;
  let cache = resolvedByName.get(seccomp);
  if (cache === undefined) {
    cache = { kept: keptRules(seccomp, profile), byName: new Map() };
    resolvedByName.set(seccomp, cache);
  }
  let rules = cache.byName.get(syscall);
  if (rules === undefined) {
    const all = index.get(syscall) ?? [];
    const { kept } = cache;
    rules =
      kept === undefined || all.every((call) => kept[call.source.index] === 1)
        ? all
        : all.filter((call) => kept[call.source.index] === 1);
    cache.byName.set(syscall, rules);
  }
  return rules;
}

/** Which of the profile's rules a resolution keeps, by position; undefined when it keeps all. */
function keptRules(seccomp: OciSeccomp, profile: Profile): Uint8Array | undefined {
  const count = profile.syscalls?.length ?? 0;
  if (seccomp.syscalls.length === count) return undefined;
  // A byte per rule: a Set of thousands of rules took longer to build and to ask.
  const kept = new Uint8Array(count);
  for (const call of seccomp.syscalls) kept[call.source.index] = 1;
  return kept;
}

/**
 * Each rule's OCI form, made once: every resolution of a profile (the table's, and the dozen
 * contexts an explanation tries) and its name index read the same rules.
 */
const ociRules = new WeakMap<Rule, OciSyscall | null>();

/** The OCI rule a profile rule becomes; undefined when it has both `name` and `names` (Docker's error). */
function ociRuleOf(rule: Rule): OciSyscall | undefined {
  let call = ociRules.get(rule);
  if (call === undefined) {
    call = makeOciRule(rule) ?? null;
    ociRules.set(rule, call);
  }
  return call ?? undefined;
}

function makeOciRule(rule: Rule): OciSyscall | undefined {
  let names = rule.names === null ? null : rule.names.map((item) => item.value);
  if (rule.name !== '') {
    if (names !== null && names.length !== 0) return undefined;
    names = [rule.name];
  }
  return {
    names,
    action: rule.action,
    errnoRet: rule.errnoRet,
    args:
      rule.args === null
        ? null
        : rule.args.map(({ index, value, valueTwo, op }) => ({ index, value, valueTwo, op })),
    source: rule,
  };
}

/**
 * Every rule of a profile as the OCI rule it becomes, by the names it carries (in order, each
 * rule once per name): the part of resolving that doesn't depend on the context. Undefined for
 * a profile Docker refuses whatever the context, or that applies no filter: those go the long
 * way.
 */
const ruleIndexes = new WeakMap<Profile, Map<string, OciSyscall[]> | null>();

function ruleIndexOf(profile: Profile): Map<string, OciSyscall[]> | undefined {
  let index = ruleIndexes.get(profile);
  if (index === undefined) {
    index = buildRuleIndex(profile);
    ruleIndexes.set(profile, index);
  }
  return index ?? undefined;
}

function buildRuleIndex(profile: Profile): Map<string, OciSyscall[]> | null {
  const rules = profile.syscalls ?? [];
  if (profile.defaultAction === '' && rules.length === 0) return null;
  if ((profile.architectures?.length ?? 0) !== 0 && (profile.archMap?.length ?? 0) !== 0)
    return null;
  const index = new Map<string, OciSyscall[]>();
  for (const rule of rules) {
    if (rule === null) return null;
    const call = ociRuleOf(rule);
    if (call === undefined) return null;
    addToNameIndex(index, call);
  }
  return index;
}

/**
 * Lists a rule under each name it carries, once per name: rules are added in order, so a name
 * the rule repeats finds the rule already at the end of its list (no set per rule needed).
 */
export function addToNameIndex(index: Map<string, OciSyscall[]>, call: OciSyscall): void {
  for (const name of call.names ?? []) {
    const list = index.get(name);
    if (list === undefined) index.set(name, [call]);
    else if (list[list.length - 1] !== call) list.push(call);
  }
}

/**
 * The rules of a profile that name a syscall, in order (each once), from the same index:
 * what an explanation looks through, without scanning thousands of rules for each syscall.
 *
 * @param profile - the decoded profile
 * @param syscall - the syscall name
 */
export function rulesNamingSyscall(profile: Profile | null, syscall: string): Rule[] {
  if (profile === null) return [];
  const index = ruleIndexOf(profile);
  if (index !== undefined) return (index.get(syscall) ?? []).map((call) => call.source);
  return (profile.syscalls ?? []).filter(
    (rule): rule is Rule => rule !== null && ruleNames(rule).some((item) => item.value === syscall),
  );
}

/**
 * {@link resolveProfile}, keeping only the rules that name `syscall`: everything the verdict
 * on that syscall depends on, at the cost of the rules naming it rather than of the whole
 * profile (an explanation tries the syscall in a dozen contexts; a large profile has thousands
 * of rules). A full resolution already made for the context is used as it is.
 *
 * @param profile - the decoded profile
 * @param context - host architecture, capability bounding set and kernel version
 * @param syscall - the one syscall the result will be asked about
 */
export function resolveProfileFor(
  profile: Profile | null,
  context: ResolveContext,
  syscall: string,
): ResolveResult {
  if (profile === null) return resolveProfile(profile, context);
  const full = resolutions.get(profile)?.get(resolutionKey(context));
  if (full !== undefined) return full;
  const index = ruleIndexOf(profile);
  if (
    index === undefined ||
    (profile.dockerErrorOn32BitHosts !== undefined && HOSTS_WITH_32_BIT_UINT.has(context.arch))
  ) {
    return resolveProfile(profile, context);
  }
  const seccomp: OciSeccomp = {
    defaultAction: profile.defaultAction,
    defaultErrnoRet: profile.defaultErrnoRet,
    architectures: [],
    flags: (profile.flags ?? []).map((item) => item.value),
    listenerPath: profile.listenerPath,
    listenerMetadata: profile.listenerMetadata,
    syscalls: (index.get(syscall) ?? []).filter((call) => ruleApplies(call.source, context)),
  };
  scopes.set(seccomp, syscall);
  return { ok: true, seccomp };
}

/** The syscall each resolution made by {@link resolveProfileFor} keeps the rules of. */
const scopes = new WeakMap<OciSeccomp, string>();

/**
 * The syscall a resolution was narrowed to by {@link resolveProfileFor} (its rules are exactly
 * those naming it, in order, each once), or undefined for a full resolution.
 */
export function scopedSyscall(seccomp: OciSeccomp): string | undefined {
  return scopes.get(seccomp);
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
