/**
 * Explain: what happens to one syscall in a context, which rule decides it, and what would
 * change the outcome (a capability, a kernel version, another architecture).
 */
import { alternativesFor, type Alternative } from './alternatives.ts';
import { formatKernel, kernelAtLeast, type ResolveContext } from './context.ts';
import type { Rule } from './model.ts';
import { formatPath } from './model.ts';
import { verdictFor, type Verdict } from './outcome.ts';
import type { ParsedProfile } from './parse.ts';
import { rulesNamingSyscall } from './resolve.ts';
import { describeCondition, describeEffect, describeVerdict } from './verdict-words.ts';

export { alternativesFor, type Alternative } from './alternatives.ts';
export { describeCondition, describeEffect, describeVerdict, errnoName } from './verdict-words.ts';

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

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
    const at = parsed.lines.position(parsed.offsets.start(rule.node));
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
      const at = parsed.lines.position(parsed.offsets.start(rule.node));
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
    alternatives: alternativesFor(profile, syscall, context, verdict, related),
    inactive: inactiveRules(related, context),
  };
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
