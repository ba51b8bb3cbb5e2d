/**
 * Lint: everything Docker, runc or libseccomp would refuse, and the silent traps they accept
 * without a word. Each finding has a stable code (listed in SPEC.md), a severity, a JSON path
 * and a position.
 */
import {
  ALL_CAPABILITIES,
  ARCH_ALIASES,
  DOCKER_ARCHES,
  NATIVE_SCMP_ARCH,
  type DockerArch,
} from './context.ts';
import { KNOWN_FIELDS } from './decode.ts';
import type { JsonNode } from './json.ts';
import {
  ACTIONS,
  ERRNO_ACTIONS,
  FLAGS,
  OPERATORS,
  SCMP_ARCHES,
  formatPath,
  ruleNames,
  type Filter,
  type JsonPath,
  type Profile,
  type Rule,
} from './model.ts';
import { parseProfile, type ParsedProfile } from './parse.ts';
import { BOTH_ARCH_FORMS_ERROR, BOTH_NAME_FORMS_ERROR } from './resolve.ts';
import { effectOf, sameEffect } from './outcome.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** JSON path of the value concerned, e.g. `$.syscalls[3].names[0]`. */
  path: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Docker's own error text, when Docker refuses the profile because of this. */
  docker?: string;
}

/** What lint may know about syscall names (the catalog provides it; the core doesn't depend on it). */
export interface SyscallKnowledge {
  /** Whether Linux has a syscall of this name on any architecture. */
  isKnown(name: string): boolean;
  /** Whether the syscall exists on a seccomp architecture (`SCMP_ARCH_*`); undefined when not known. */
  existsOn?(name: string, scmpArch: string): boolean | undefined;
  /** A likely intended name for an unknown one. */
  suggest?(name: string): string | undefined;
}

export interface LintOptions {
  syscalls?: SyscallKnowledge;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest candidate within a small distance, for "did you mean". */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance =
      c.startsWith(lower) || lower.startsWith(c)
        ? Math.abs(c.length - lower.length) * 0.5
        : editDistance(lower, c);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return bestDistance <= limit ? best : undefined;
}

const didYouMean = (suggestion: string | undefined): string =>
  suggestion ? ` Did you mean "${suggestion}"?` : '';

class Collector {
  readonly findings: Finding[] = [];

  constructor(private readonly parsed: ParsedProfile) {}

  add(
    code: string,
    severity: Severity,
    message: string,
    node: JsonNode,
    path: JsonPath,
    docker?: string,
  ): void {
    const { offsets } = this.parsed;
    this.addSpan(code, severity, message, offsets.start(node), offsets.end(node), path, docker);
  }

  addSpan(
    code: string,
    severity: Severity,
    message: string,
    from: number,
    to: number,
    path: JsonPath,
    docker?: string,
  ): void {
    const start = this.parsed.lines.position(from);
    const end = this.parsed.lines.position(to);
    this.findings.push({
      code,
      severity,
      message,
      path: formatPath(path),
      start: from,
      end: to,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(docker === undefined ? {} : { docker }),
    });
  }
}

/**
 * Lints a profile's text.
 *
 * @param input - the text, or a profile already parsed from it
 * @param options - syscall knowledge for name checks
 * @returns every finding, errors first, then in text order
 */
export function lintProfile(input: string | ParsedProfile, options: LintOptions = {}): Finding[] {
  const parsed = typeof input === 'string' ? parseProfile(input) : input;
  const out = new Collector(parsed);
  if (parsed.syntaxError) {
    const { offset, message } = parsed.syntaxError;
    out.addSpan(
      'json-syntax',
      'error',
      message,
      offset,
      Math.min(offset + 1, parsed.text.length),
      [],
    );
    return out.findings;
  }
  for (const problem of parsed.problems) {
    const severity: Severity =
      problem.code === 'docker-type' ||
      problem.code === 'docker-min-kernel' ||
      problem.code === 'null-rule'
        ? 'error'
        : 'warning';
    out.add(
      problem.code,
      severity,
      problem.message,
      problem.node,
      problem.path,
      problem.dockerError,
    );
  }
  const profile = parsed.profile;
  if (profile) lintModel(profile, out, options);
  return out.findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.start - b.start ||
      a.code.localeCompare(b.code),
  );
}

function severityRank(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

function lintModel(profile: Profile, out: Collector, options: LintOptions): void {
  const rules = profile.syscalls ?? [];
  const root = profile.node;

  if (profile.defaultAction === '' && rules.length === 0) {
    out.add(
      'no-filter',
      'warning',
      'No defaultAction and no rules: Docker applies no seccomp filter at all, so the container runs unconfined',
      root,
      [],
    );
  } else if (profile.defaultAction === '') {
    out.add(
      'missing-default-action',
      'error',
      'defaultAction is missing: the runtime refuses a filter without one (runc: "invalid default action")',
      profile.fields.get('defaultAction')?.value ?? root,
      ['defaultAction'],
    );
  }

  checkAction(
    profile.defaultAction,
    profile.fields.get('defaultAction')?.value,
    ['defaultAction'],
    out,
  );
  if (profile.defaultAction === 'SCMP_ACT_NOTIFY') {
    out.add(
      'notify-default-action',
      'error',
      'SCMP_ACT_NOTIFY cannot be the default action: runc refuses it (the runtime could not even send the listener its file descriptor)',
      profile.fields.get('defaultAction')!.value,
      ['defaultAction'],
    );
  }
  if (
    profile.defaultErrnoRet !== undefined &&
    !ERRNO_ACTIONS.has(profile.defaultAction) &&
    profile.defaultAction !== ''
  ) {
    out.add(
      'errno-without-errno-action',
      'error',
      `defaultErrnoRet has no meaning with ${profile.defaultAction}; the OCI runtime spec requires runtimes to refuse it (it only goes with SCMP_ACT_ERRNO or SCMP_ACT_TRACE)`,
      profile.fields.get('defaultErrnoRet')!.value,
      ['defaultErrnoRet'],
    );
  }

  const hasArchitectures = (profile.architectures?.length ?? 0) > 0;
  if (hasArchitectures && (profile.archMap?.length ?? 0) > 0) {
    out.add(
      'docker-both-arch-forms',
      'error',
      'Both "architectures" and "archMap" are set: Docker refuses the profile; keep one',
      profile.fields.get('archMap')!.key,
      ['archMap'],
      BOTH_ARCH_FORMS_ERROR,
    );
  }
  for (const item of profile.architectures ?? [])
    checkScmpArch(item.value, item.node, item.path, out);
  for (const entry of profile.archMap ?? []) {
    const architecture = entry.fields.get('architecture');
    if (architecture)
      checkScmpArch(entry.architecture, architecture.value, [...entry.path, 'architecture'], out);
    for (const sub of entry.subArchitectures ?? [])
      checkScmpArch(sub.value, sub.node, sub.path, out);
  }
  for (const flag of profile.flags ?? []) {
    if (flag.value === 'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV') {
      out.add(
        'flag-unsupported-by-runc',
        'warning',
        'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV is in the OCI spec, but runc does not know it and refuses the container; crun supports it',
        flag.node,
        flag.path,
      );
    } else if (!(FLAGS as readonly string[]).includes(flag.value)) {
      out.add(
        'unknown-flag',
        'error',
        `Unknown seccomp flag "${flag.value}": runc refuses it.${didYouMean(closest(flag.value, FLAGS))}`,
        flag.node,
        flag.path,
      );
    }
  }

  const usesNotify = rules.some((rule) => rule?.action === 'SCMP_ACT_NOTIFY');
  if (usesNotify && profile.listenerPath === '') {
    const firstNotify = rules.find((rule) => rule?.action === 'SCMP_ACT_NOTIFY')!;
    out.add(
      'notify-without-listener',
      'error',
      'A rule uses SCMP_ACT_NOTIFY but listenerPath is not set: the runtime has nowhere to send the notifications and refuses the container',
      firstNotify.fields.get('action')!.value,
      [...firstNotify.path, 'action'],
    );
  }

  for (const unknown of profile.unknownMembers) {
    const key = unknown.member.key.value;
    const known = knownFieldsFor(unknown.path);
    const suggestion = closest(key, known);
    const dropped =
      suggestion &&
      ['includes', 'excludes', 'args', 'names', 'minKernel', 'caps', 'arches'].includes(suggestion);
    out.add(
      'unknown-key',
      suggestion ? 'warning' : 'info',
      `Docker ignores the key "${key}"${dropped ? `, so whatever it says is silently dropped` : ''}.${didYouMean(suggestion)}`,
      unknown.member.key,
      unknown.path,
    );
  }

  const plainEarlier = new Map<string, Rule>();
  for (const rule of rules) {
    if (rule) lintRule(profile, rule, out, options, plainEarlier);
  }
}

/** Which known fields an object at this path has (for "did you mean" on unknown keys). */
function knownFieldsFor(path: JsonPath): readonly string[] {
  const parent = path.slice(0, -1);
  const last = parent[parent.length - 1];
  const secondLast = parent[parent.length - 2];
  if (parent.length === 0) return KNOWN_FIELDS.profile;
  if (last === 'includes' || last === 'excludes') return KNOWN_FIELDS.filter;
  if (secondLast === 'args') return KNOWN_FIELDS.arg;
  if (secondLast === 'archMap') return KNOWN_FIELDS.archMap;
  if (secondLast === 'syscalls') return KNOWN_FIELDS.rule;
  return [];
}

function checkAction(
  action: string,
  node: JsonNode | undefined,
  path: JsonPath,
  out: Collector,
): void {
  if (node === undefined || action === '' || (ACTIONS as readonly string[]).includes(action))
    return;
  out.add(
    'unknown-action',
    'error',
    `Unknown action "${action}": runc refuses the profile ("invalid action").${didYouMean(closest(action, ACTIONS))}`,
    node,
    path,
  );
}

function checkScmpArch(arch: string, node: JsonNode, path: JsonPath, out: Collector): void {
  if ((SCMP_ARCHES as readonly string[]).includes(arch)) return;
  const native =
    ARCH_ALIASES[arch.toLowerCase()] ??
    (DOCKER_ARCHES as readonly string[]).find((name) => name === arch.toLowerCase());
  const suggestion = native ? NATIVE_SCMP_ARCH[native as DockerArch] : closest(arch, SCMP_ARCHES);
  out.add(
    'unknown-arch',
    'error',
    `Unknown seccomp architecture "${arch}": runc refuses it (it wants SCMP_ARCH_* names here).${didYouMean(suggestion)}`,
    node,
    path,
  );
}

function lintRule(
  profile: Profile,
  rule: Rule,
  out: Collector,
  options: LintOptions,
  plainEarlier: Map<string, Rule>,
): void {
  const path = rule.path;
  const nameMember = rule.fields.get('name');
  if (rule.name !== '' && (rule.names?.length ?? 0) > 0) {
    out.add(
      'docker-both-name-forms',
      'error',
      'Both "name" and "names" are set: Docker refuses the profile; put every name in "names"',
      nameMember!.key,
      [...path, 'name'],
      BOTH_NAME_FORMS_ERROR,
    );
  } else if (
    nameMember &&
    rule.name !== '' &&
    !profile.syscalls?.some(
      (other) => other !== null && other.index < rule.index && other.name !== '',
    )
  ) {
    out.add(
      'legacy-name',
      'info',
      `"name" is the legacy single-name form from Docker 1.10–1.12 (this profile uses it for every such rule); "names": [${JSON.stringify(rule.name)}] says the same and is what other tools expect`,
      nameMember.key,
      [...path, 'name'],
    );
  }

  const names = ruleNames(rule);
  if (names.length === 0) {
    out.add(
      'empty-names',
      'warning',
      'This rule names no syscall, so it does nothing (the OCI spec requires at least one name)',
      rule.fields.get('names')?.value ?? rule.node,
      rule.fields.has('names') ? [...path, 'names'] : path,
    );
  }

  const actionNode = rule.fields.get('action')?.value;
  if (rule.action === '') {
    out.add(
      'missing-action',
      'error',
      'This rule has no action: runc refuses the profile ("invalid action")',
      actionNode ?? rule.node,
      actionNode ? [...path, 'action'] : path,
    );
  }
  checkAction(rule.action, actionNode, [...path, 'action'], out);
  if (rule.errnoRet !== undefined && rule.action !== '' && !ERRNO_ACTIONS.has(rule.action)) {
    out.add(
      'errno-without-errno-action',
      'error',
      `errnoRet has no meaning with ${rule.action}; the OCI runtime spec requires runtimes to refuse it (it only goes with SCMP_ACT_ERRNO or SCMP_ACT_TRACE)`,
      rule.fields.get('errnoRet')!.value,
      [...path, 'errnoRet'],
    );
  }
  if (
    profile.defaultAction !== '' &&
    rule.action !== '' &&
    sameEffect(
      effectOf(rule.action, rule.errnoRet),
      effectOf(profile.defaultAction, profile.defaultErrnoRet),
    )
  ) {
    out.add(
      'action-equals-default',
      'warning',
      `This rule's action (${rule.action}${rule.errnoRet !== undefined ? ` ${rule.errnoRet}` : ''}) is what the default action already does: runc skips the rule, so it has no effect`,
      actionNode ?? rule.node,
      [...path, 'action'],
    );
  }
  if (rule.action === 'SCMP_ACT_NOTIFY' && names.some((item) => item.value === 'write')) {
    const write = names.find((item) => item.value === 'write')!;
    out.add(
      'notify-write',
      'error',
      'SCMP_ACT_NOTIFY cannot be used for write: runc refuses it (it needs write to hand the listener its file descriptor)',
      write.node,
      write.path,
    );
  }

  const seen = new Set<string>();
  const isPlain =
    (rule.args?.length ?? 0) === 0 && isEmptyFilter(rule.includes) && isEmptyFilter(rule.excludes);
  for (const item of names) {
    if (item.value === '') {
      out.add(
        'empty-name',
        'error',
        'An empty syscall name: runc refuses the profile ("empty string is not a valid syscall")',
        item.node,
        item.path,
      );
      continue;
    }
    if (seen.has(item.value)) {
      out.add(
        'duplicate-name',
        'warning',
        `"${item.value}" is already listed in this rule`,
        item.node,
        item.path,
      );
    }
    seen.add(item.value);
    const earlier = plainEarlier.get(item.value);
    if (earlier && earlier.action !== rule.action) {
      out.add(
        'shadowed-rule',
        'warning',
        `"${item.value}" already has an unconditional rule (rule ${earlier.index + 1}, ${earlier.action}); libseccomp keeps the first unconditional rule for a syscall, so this one never applies to it`,
        item.node,
        item.path,
      );
    }
    if (isPlain && !plainEarlier.has(item.value)) plainEarlier.set(item.value, rule);
    checkSyscallName(profile, rule, item.value, item.node, item.path, out, options);
  }

  for (const arg of rule.args ?? []) {
    const opNode = arg.fields.get('op')?.value;
    if (arg.op === '' || !(OPERATORS as readonly string[]).includes(arg.op)) {
      out.add(
        'unknown-operator',
        'error',
        `${arg.op === '' ? 'Missing operator' : `Unknown operator "${arg.op}"`}: runc refuses the profile ("invalid operator").${didYouMean(arg.op ? closest(arg.op, OPERATORS) : undefined)}`,
        opNode ?? arg.node,
        opNode ? [...arg.path, 'op'] : arg.path,
      );
    }
    if (arg.index > 5n) {
      out.add(
        'arg-index-out-of-range',
        'error',
        `Argument index ${arg.index} does not exist: syscalls have at most six arguments (0–5)`,
        arg.fields.get('index')?.value ?? arg.node,
        [...arg.path, 'index'],
      );
    }
  }
  const byIndex = new Map<bigint, number>();
  for (const arg of rule.args ?? []) byIndex.set(arg.index, (byIndex.get(arg.index) ?? 0) + 1);
  const repeated = [...byIndex].filter(([, count]) => count > 1).map(([index]) => index);
  if (repeated.length > 0) {
    out.add(
      'same-arg-index',
      'warning',
      `Several conditions on argument ${repeated.join(', ')}: runc then adds each condition as a separate rule, so they are ORed (any one is enough), not ANDed as conditions on different arguments are`,
      rule.fields.get('args')!.value,
      [...path, 'args'],
    );
  }

  for (const [kind, filter] of [
    ['includes', rule.includes],
    ['excludes', rule.excludes],
  ] as const) {
    if (filter) lintFilter(kind, filter, out);
  }
}

function isEmptyFilter(filter: Filter | null): boolean {
  return (
    filter === null ||
    ((filter.caps?.length ?? 0) === 0 &&
      (filter.arches?.length ?? 0) === 0 &&
      filter.minKernel === null)
  );
}

function lintFilter(kind: 'includes' | 'excludes', filter: Filter, out: Collector): void {
  for (const arch of filter.arches ?? []) {
    if ((DOCKER_ARCHES as readonly string[]).includes(arch.value) || arch.value === 'x32') continue;
    const scmp = Object.entries(NATIVE_SCMP_ARCH).find(([, name]) => name === arch.value)?.[0];
    if (scmp) {
      out.add(
        'scmp-arch-in-filter',
        'warning',
        `${kind}.arches compares Docker's own architecture names: "${arch.value}" never matches. Did you mean "${scmp}"?`,
        arch.node,
        arch.path,
      );
    } else {
      const suggestion =
        ARCH_ALIASES[arch.value.toLowerCase()] ?? closest(arch.value, DOCKER_ARCHES);
      out.add(
        'unknown-arch-in-filter',
        'warning',
        `"${arch.value}" is not an architecture name Docker uses, so it never matches.${didYouMean(suggestion)}`,
        arch.node,
        arch.path,
      );
    }
  }
  for (const cap of filter.caps ?? []) {
    if ((ALL_CAPABILITIES as readonly string[]).includes(cap.value)) continue;
    const upper = cap.value.toUpperCase();
    const suggestion =
      (ALL_CAPABILITIES as readonly string[]).find(
        (name) => name === upper || name === `CAP_${upper}`,
      ) ?? closest(cap.value, ALL_CAPABILITIES);
    const effect = kind === 'includes' ? 'the rule never applies' : 'it never excludes the rule';
    out.add(
      'unknown-capability',
      'warning',
      `"${cap.value}" is not a capability name Docker compares (they are written CAP_*), so ${effect}.${didYouMean(suggestion)}`,
      cap.node,
      cap.path,
    );
  }
  const minKernel = filter.fields.get('minKernel');
  if (
    filter.minKernel &&
    filter.minKernel.major === 0 &&
    filter.minKernel.minor === 0 &&
    minKernel
  ) {
    if (kind === 'excludes') {
      out.add(
        'empty-min-kernel',
        'warning',
        'excludes.minKernel is "": Docker reads it as 0.0, which every kernel reaches, so this rule is always dropped',
        minKernel.value,
        [...filter.path, 'minKernel'],
      );
    } else {
      out.add(
        'empty-min-kernel',
        'info',
        'includes.minKernel is "", which Docker reads as "no kernel condition"',
        minKernel.value,
        [...filter.path, 'minKernel'],
      );
    }
  }
}

function checkSyscallName(
  profile: Profile,
  rule: Rule,
  name: string,
  node: JsonNode,
  path: JsonPath,
  out: Collector,
  options: LintOptions,
): void {
  const knowledge = options.syscalls;
  if (!knowledge) return;
  if (!knowledge.isKnown(name)) {
    out.add(
      'unknown-syscall',
      'warning',
      `Linux has no syscall "${name}": runc skips unknown names silently, so this entry does nothing.${didYouMean(knowledge.suggest?.(name))}`,
      node,
      path,
    );
    return;
  }
  if (!knowledge.existsOn) return;
  const targeted = targetedArchitectures(profile, rule);
  if (targeted.length === 0) return;
  const missing = targeted.filter((arch) => knowledge.existsOn!(name, arch) === false);
  if (missing.length === targeted.length) {
    out.add(
      'syscall-not-on-arch',
      'warning',
      `"${name}" does not exist on ${missing.join(', ')}, the only architecture${missing.length > 1 ? 's' : ''} this rule can apply to, so it never matches`,
      node,
      path,
    );
  }
}

/** The seccomp architectures a rule can apply to, as far as the profile says. */
function targetedArchitectures(profile: Profile, rule: Rule): string[] {
  const onlyArches = rule.includes?.arches?.map((item) => item.value) ?? [];
  if (onlyArches.length > 0) {
    return onlyArches.flatMap((arch) => {
      const native = (DOCKER_ARCHES as readonly string[]).includes(arch)
        ? NATIVE_SCMP_ARCH[arch as DockerArch]
        : undefined;
      return native ? [native] : [];
    });
  }
  return (profile.architectures ?? [])
    .map((item) => item.value)
    .filter((arch) => (SCMP_ARCHES as readonly string[]).includes(arch));
}
