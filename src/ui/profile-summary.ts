/**
 * The figures the first page shows about a profile, derived from the decoded profile and its
 * resolution for one context. Nothing here knows which profile it is given.
 */
import type { ResolveContext } from '../core/context.ts';
import { ruleNames, type Rule } from '../core/model.ts';
import type { OciSeccomp } from '../core/resolve.ts';
import { describeConditions, hasArgumentFilter, isConditionalRule } from './rule-conditions.ts';

export interface ConditionalRuleSummary {
  /** Position of the rule in `syscalls`. */
  index: number;
  names: string[];
  action: string;
  errnoRet: bigint | undefined;
  /** The rule's conditions in words, e.g. `kernel ≥ 4.8`. */
  conditions: string[];
  /** Whether Docker keeps the rule in the context the profile was resolved for. */
  kept: boolean;
}

export interface ProfileSummary {
  defaultAction: string;
  defaultErrnoRet: bigint | undefined;
  ruleCount: number;
  /** Rules Docker keeps in the context. */
  keptRuleCount: number;
  /** Distinct names allowed by rules with no `includes`, `excludes` or argument condition. */
  unconditionalAllowCount: number;
  /** Rules that only match some argument values. */
  argumentRuleCount: number;
  /** The seccomp architectures after resolution. */
  architectures: string[];
  conditionalRules: ConditionalRuleSummary[];
}

function isUnconditionalAllow(rule: Rule): boolean {
  return rule.action === 'SCMP_ACT_ALLOW' && !isConditionalRule(rule) && !hasArgumentFilter(rule);
}

/**
 * Summarises a decoded profile and what Docker made of it.
 *
 * @param rules - the profile's `syscalls` (`null` entries are skipped)
 * @param seccomp - the resolved profile for the context
 */
export function summarizeProfile(
  rules: readonly (Rule | null)[],
  seccomp: OciSeccomp,
): ProfileSummary {
  const present = rules.filter((rule): rule is Rule => rule !== null);
  const kept = new Set(seccomp.syscalls.map((syscall) => syscall.source));

  const unconditional = new Set<string>();
  for (const rule of present.filter(isUnconditionalAllow)) {
    for (const name of ruleNames(rule)) unconditional.add(name.value);
  }

  return {
    defaultAction: seccomp.defaultAction,
    defaultErrnoRet: seccomp.defaultErrnoRet,
    ruleCount: rules.length,
    keptRuleCount: seccomp.syscalls.length,
    unconditionalAllowCount: unconditional.size,
    argumentRuleCount: present.filter(hasArgumentFilter).length,
    architectures: seccomp.architectures,
    conditionalRules: present.filter(isConditionalRule).map((rule) => ({
      index: rule.index,
      names: ruleNames(rule).map((name) => name.value),
      action: rule.action,
      errnoRet: rule.errnoRet,
      conditions: describeConditions(rule),
      kept: kept.has(rule),
    })),
  };
}

/** The context in words, e.g. `amd64, Docker’s default capabilities, kernel 7.1`. */
export function describeContext(context: ResolveContext, defaultCaps: ReadonlySet<string>): string {
  const sameCaps =
    context.caps.size === defaultCaps.size &&
    [...context.caps].every((cap) => defaultCaps.has(cap));
  const count = context.caps.size;
  const caps = sameCaps
    ? 'Docker’s default capabilities'
    : `${count} ${count === 1 ? 'capability' : 'capabilities'}`;
  return `${context.arch}, ${caps}, kernel ${context.kernel.major}.${context.kernel.minor}`;
}
