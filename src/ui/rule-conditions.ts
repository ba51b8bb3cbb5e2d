/**
 * Plain-language descriptions of the conditions a profile rule carries: the `includes` and
 * `excludes` filters Docker evaluates when it loads the profile, and the argument comparisons
 * the kernel evaluates on every call.
 */
import { formatKernel } from '../core/context.ts';
import type { Arg, Filter, Rule } from '../core/model.ts';

/** Whether a filter holds any condition at all (`{}` and `null` hold none). */
export function filterHasConditions(filter: Filter | null): boolean {
  if (filter === null) return false;
  return (
    (filter.caps?.length ?? 0) > 0 || (filter.arches?.length ?? 0) > 0 || filter.minKernel !== null
  );
}

/** Whether Docker decides at load time if the rule is kept (it has `includes` or `excludes`). */
export function isConditionalRule(rule: Rule): boolean {
  return filterHasConditions(rule.includes) || filterHasConditions(rule.excludes);
}

/** Whether the rule only matches some argument values. */
export function hasArgumentFilter(rule: Rule): boolean {
  return (rule.args?.length ?? 0) > 0;
}

function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function values(items: readonly { value: string }[] | null): string[] {
  return (items ?? []).map((item) => item.value);
}

/** What must hold for an `includes` filter to keep the rule: every one of its conditions. */
function describeIncludes(filter: Filter): string[] {
  const parts: string[] = [];
  const arches = values(filter.arches);
  const caps = values(filter.caps);
  if (arches.length > 0) parts.push(`on ${list(arches, 'or')}`);
  if (caps.length > 0) parts.push(`with ${list(caps, 'and')}`);
  if (filter.minKernel !== null) parts.push(`kernel ≥ ${formatKernel(filter.minKernel)}`);
  return parts;
}

/** What must hold for an `excludes` filter to keep the rule: none of its conditions. */
function describeExcludes(filter: Filter): string[] {
  const parts: string[] = [];
  const arches = values(filter.arches);
  const caps = values(filter.caps);
  if (arches.length > 0) parts.push(`not on ${list(arches, 'or')}`);
  if (caps.length > 0) parts.push(`without ${list(caps, 'or')}`);
  if (filter.minKernel !== null) parts.push(`kernel < ${formatKernel(filter.minKernel)}`);
  return parts;
}

/** Small numbers read best in decimal, flags and masks in hexadecimal. */
export function formatArgValue(value: bigint): string {
  return value < 256n ? value.toString() : `0x${value.toString(16)}`;
}

const COMPARISONS: Readonly<Record<string, string>> = {
  SCMP_CMP_NE: '≠',
  SCMP_CMP_LT: '<',
  SCMP_CMP_LE: '≤',
  SCMP_CMP_EQ: '=',
  SCMP_CMP_GE: '≥',
  SCMP_CMP_GT: '>',
};

/** One argument comparison in words, e.g. `argument 0 = 8` or `argument 0 & 0x7e020000 = 0`. */
export function describeArg(arg: Arg): string {
  const subject = `argument ${arg.index.toString()}`;
  if (arg.op === 'SCMP_CMP_MASKED_EQ') {
    return `${subject} & ${formatArgValue(arg.value)} = ${formatArgValue(arg.valueTwo)}`;
  }
  const symbol = COMPARISONS[arg.op];
  return symbol === undefined
    ? `${subject} ${arg.op || '(no operator)'} ${formatArgValue(arg.value)}`
    : `${subject} ${symbol} ${formatArgValue(arg.value)}`;
}

/**
 * Every condition of a rule in words, in the order Docker and the kernel apply them:
 * `includes`, then `excludes`, then the argument comparisons. Empty for an unconditional rule.
 */
export function describeConditions(rule: Rule): string[] {
  return [
    ...(rule.includes ? describeIncludes(rule.includes) : []),
    ...(rule.excludes ? describeExcludes(rule.excludes) : []),
    ...(rule.args ?? []).map(describeArg),
  ];
}
