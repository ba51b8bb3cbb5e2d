/**
 * Allowing or blocking one syscall as a minimal edit of the profile's text. Only the bytes that
 * must change do: key order, indentation, unknown keys and every other rule stay as written.
 *
 * The strategy (SPEC EDIT-2): when the wanted outcome is what the default action gives, the
 * syscall's name is taken out of the rules that decide otherwise; when it isn't, the name is
 * added to the first plain rule with the wanted action that comes before anything else
 * deciding the syscall, or a new rule is written there. Adding and taking out are exact
 * inverses of each other, so allow-then-block and block-then-allow give back the same bytes.
 */
import type { ResolveContext } from './context.ts';
import type { JsonArray, JsonNode, JsonObject, Offsets } from './json.ts';
import type { Profile, Rule } from './model.ts';
import {
  EPERM,
  effectOf,
  effectiveRulesFor,
  isAllowed,
  isBlocked,
  isBlockingAction,
  sameEffect,
  verdictFor,
  type Verdict,
} from './outcome.ts';
import { parseProfile, type ParsedProfile } from './parse.ts';
import { resolveProfile, type OciSeccomp, type OciSyscall } from './resolve.ts';
import { applyEdits, type TextEdit } from './text-edits.ts';

export { applyEdits, type TextEdit };

export type EditResult =
  | { ok: true; changed: false; text: string; edits: []; summary: string }
  | { ok: true; changed: true; text: string; edits: TextEdit[]; summary: string }
  | { ok: false; error: string };

export type Wanted = 'allow' | 'block';

/**
 * Allows a syscall in a context as a minimal edit.
 *
 * @param text - the profile text
 * @param syscall - the syscall to allow
 * @param context - where it must be allowed
 */
export function allowSyscall(text: string, syscall: string, context: ResolveContext): EditResult {
  return setSyscall(text, syscall, context, 'allow');
}

/**
 * Blocks a syscall in a context as a minimal edit.
 *
 * @param text - the profile text
 * @param syscall - the syscall to block
 * @param context - where it must be blocked
 */
export function blockSyscall(text: string, syscall: string, context: ResolveContext): EditResult {
  return setSyscall(text, syscall, context, 'block');
}

/**
 * Stops allowing every call of a syscall, as a minimal edit: what a switch turned off does. Its
 * name comes out of the rules in force that allow it unconditionally, so rules allowing it for
 * some argument values only keep doing so (turning a switch on and off again gives back the
 * bytes it started from). When the default action would allow it all the same (a denylist),
 * it is blocked instead, as {@link blockSyscall} does.
 *
 * @param text - the profile text
 * @param syscall - the syscall no longer to allow for every call
 * @param context - where
 */
export function disallowSyscall(
  text: string,
  syscall: string,
  context: ResolveContext,
): EditResult {
  const target = editable(text, context);
  if ('error' in target) return { ok: false, error: target.error };
  const { parsed, profile, seccomp } = target;
  if (!isAllowed(verdictFor(profile, context, syscall))) {
    return {
      ok: true,
      changed: false,
      text,
      edits: [],
      summary: `${syscall} is already not allowed for every call here`,
    };
  }
  const fallback = effectOf(seccomp.defaultAction, seccomp.defaultErrnoRet);
  if (fallback.action !== 'SCMP_ACT_ALLOW') {
    const removed = removeOpposingRules(parsed, syscall, context, allowsEveryCall);
    const after = removed && verdictFor(removed.parsed.profile, context, syscall);
    if (removed && after && !isAllowed(after)) {
      const where = removed.rules.map((index) => `rule ${index + 1}`).join(', ');
      // The rules still deciding are named by their numbers in the text as it was, as the
      // rules the name came out of are (a rule removed whole renumbers the ones after it).
      const inForce = effectiveRulesFor(seccomp, syscall);
      const remaining = inForce.filter((call) => !allowsEveryCall(call, inForce));
      return changedResult(
        text,
        removed.parsed.text,
        `Removes ${syscall} from ${where}, so ${whatDecides(after, remaining, fallback)}`,
        removed.edits,
      );
    }
  }
  return setSyscall(text, syscall, context, 'block');
}

/**
 * What decides a syscall once the rules allowing every call of it are gone, in words.
 *
 * @param verdict - its verdict then
 * @param remaining - the rules in force still naming it, from the text as it was
 * @param fallback - the default action
 */
function whatDecides(
  verdict: Verdict,
  remaining: readonly OciSyscall[],
  fallback: { action: string; errno?: number },
): string {
  if (verdict.kind === 'conditional') {
    const rules = remaining
      .filter((call) => (call.args ?? []).length > 0)
      .map((call) => call.source.index + 1);
    const one = rules.length === 1;
    return `only ${one ? 'rule' : 'rules'} ${rules.join(', ')} still ${one ? 'allows or refuses' : 'allow or refuse'} it, for some argument values`;
  }
  const deciding = remaining.find((call) => (call.args ?? []).length === 0);
  if (verdict.kind === 'decided' && verdict.rule && deciding) {
    return `rule ${deciding.source.index + 1} (${describeEffect(verdict.effect)}) applies`;
  }
  return `the default action (${describeEffect(fallback)}) applies`;
}

/** The edits a switch or a button can make. */
export type EditKind = Wanted | 'disallow';

/** What {@link allowSyscall}, {@link blockSyscall} or {@link disallowSyscall} would do, in words, without doing it. */
export function describeEdit(
  text: string,
  syscall: string,
  context: ResolveContext,
  kind: EditKind,
): string {
  const result =
    kind === 'disallow'
      ? disallowSyscall(text, syscall, context)
      : setSyscall(text, syscall, context, kind);
  return result.ok ? result.summary : result.error;
}

function satisfies(
  parsed: ParsedProfile,
  syscall: string,
  context: ResolveContext,
  wanted: Wanted,
): boolean {
  const verdict = verdictFor(parsed.profile, context, syscall);
  return wanted === 'allow' ? isAllowed(verdict) : isBlocked(verdict);
}

/** A profile an edit can work on: it parses, Docker loads it, and it applies a filter. */
type Editable = { parsed: ParsedProfile; profile: Profile; seccomp: OciSeccomp };

function editable(text: string, context: ResolveContext): Editable | { error: string } {
  const parsed = parseProfile(text);
  if (parsed.syntaxError) {
    const { line, column, message } = parsed.syntaxError;
    return {
      error: `The profile is not valid JSON (line ${line}, column ${column}: ${message}); fix it first`,
    };
  }
  const profile = parsed.profile;
  if (profile === null || parsed.dockerError !== undefined) {
    return {
      error: `Docker cannot load this profile (${parsed.dockerError ?? 'it is not an object'}); fix it first`,
    };
  }
  const resolved = resolveProfile(profile, context);
  if (!resolved.ok) return { error: `Docker refuses this profile: ${resolved.error}` };
  if (resolved.seccomp === null) {
    return {
      error:
        'This profile applies no filter at all (no defaultAction and no rules), so every syscall is already allowed; set a defaultAction first',
    };
  }
  return { parsed, profile, seccomp: resolved.seccomp };
}

function setSyscall(
  text: string,
  syscall: string,
  context: ResolveContext,
  wanted: Wanted,
): EditResult {
  const target = editable(text, context);
  if ('error' in target) return { ok: false, error: target.error };
  const { parsed, profile } = target;
  if (satisfies(parsed, syscall, context, wanted)) {
    return {
      ok: true,
      changed: false,
      text,
      edits: [],
      summary: `${syscall} is already ${wanted === 'allow' ? 'allowed' : 'blocked'} here`,
    };
  }
  const seccomp = target.seccomp;
  const fallback = effectOf(seccomp.defaultAction, seccomp.defaultErrnoRet);
  const defaultGivesWanted =
    wanted === 'allow' ? fallback.action === 'SCMP_ACT_ALLOW' : isBlockingAction(fallback.action);
  const effective = effectiveRulesFor(seccomp, syscall);

  if (defaultGivesWanted) {
    const removed = removeOpposingRules(parsed, syscall, context, opposingRules(wanted, false));
    if (removed && satisfies(removed.parsed, syscall, context, wanted)) {
      const where = removed.rules.map((index) => `rule ${index + 1}`).join(', ');
      return changedResult(
        text,
        removed.parsed.text,
        `Removes ${syscall} from ${where}, so the default action (${describeEffect(fallback)}) applies`,
        removed.edits,
      );
    }
  }

  // Add the name to a plain rule with the wanted action that comes before any unconditional
  // rule deciding this syscall (libseccomp keeps the first unconditional rule).
  const firstUnconditional = effective.find((call) => (call.args ?? []).length === 0)?.source;
  const limit = firstUnconditional?.index ?? Infinity;
  const rules = profile.syscalls ?? [];
  const bucket = rules.find(
    (rule): rule is Rule =>
      rule !== null &&
      rule.index < limit &&
      isPlainRule(rule) &&
      // Not a rule that names nothing: taking the name out again would remove it whole.
      rule.names!.length > 0 &&
      wantedAction(rule, wanted) &&
      !sameEffect(effectOf(rule.action, rule.errnoRet), fallback),
  );
  let edits: TextEdit[];
  let summary: string;
  if (bucket) {
    edits = [insertNameEdit(parsed, bucket, syscall)];
    summary = `Adds ${syscall} to rule ${bucket.index + 1} (${bucket.action})`;
  } else {
    const action = wanted === 'allow' ? 'SCMP_ACT_ALLOW' : 'SCMP_ACT_ERRNO';
    const created = insertRuleEdit(parsed, profile, syscall, action, firstUnconditional?.index);
    if (!created) return { ok: false, error: 'The profile has no syscalls array to add a rule to' };
    edits = [created.edit];
    summary = `Adds a new rule ${created.position + 1}: ${syscall} → ${action}`;
  }
  const candidate = applyEdits(text, edits);
  if (!satisfies(parseProfile(candidate), syscall, context, wanted)) {
    // A blocking default whose effect a new errno rule would only repeat (runc skips such a
    // rule), with conditional blocking rules (errno 38, kill, …) keeping the verdict
    // conditional: taking the name out of those too leaves the default to block it.
    if (defaultGivesWanted && wanted === 'block') {
      const removed = removeOpposingRules(parsed, syscall, context, opposingRules(wanted, true));
      if (removed && satisfies(removed.parsed, syscall, context, wanted)) {
        const where = removed.rules.map((index) => `rule ${index + 1}`).join(', ');
        return changedResult(
          text,
          removed.parsed.text,
          `Removes ${syscall} from ${where}, so the default action (${describeEffect(fallback)}) applies`,
          removed.edits,
        );
      }
    }
    return {
      ok: false,
      error: `Could not ${wanted} ${syscall} with a simple edit here; edit the rules by hand`,
    };
  }
  return changedResult(text, candidate, summary, edits);
}

/**
 * The result of an edit. With `edits` (independent replacements in `before`'s offsets, which
 * produce `after`), one smallest replacement per place the text changes: a name taken out of
 * rules far apart must not become one replacement spanning the rules between, which an editor
 * would re-read whole (nor is a megabyte text compared character by character to find a
 * replacement already known). Without, the single smallest replacement turning `before` into
 * `after`.
 */
function changedResult(
  before: string,
  after: string,
  summary: string,
  edits?: readonly TextEdit[],
): EditResult {
  if (edits && edits.length > 0) {
    const trimmed = [...edits]
      .sort((a, b) => a.start - b.start)
      .map((edit) =>
        smallestReplacement(before.slice(edit.start, edit.end), edit.newText, edit.start),
      )
      .filter((edit) => edit.start !== edit.end || edit.newText !== '');
    return { ok: true, changed: true, text: after, edits: trimmed, summary };
  }
  return {
    ok: true,
    changed: true,
    text: after,
    edits: [smallestReplacement(before, after, 0)],
    summary,
  };
}

/** The replacement of `before` by `after` without their common first and last characters. */
function smallestReplacement(before: string, after: string, offset: number): TextEdit {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shortest - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  return {
    start: offset + start,
    end: offset + before.length - tail,
    newText: after.slice(start, after.length - tail),
  };
}

/**
 * Takes the syscall out of every rule in force here that `opposes` picks: all at once when the
 * removals are independent, else one rule at a time (re-reading the text after each, so
 * offsets stay right).
 */
function removeOpposingRules(
  parsed: ParsedProfile,
  syscall: string,
  context: ResolveContext,
  opposes: Opposing,
): { parsed: ParsedProfile; rules: number[]; edits?: readonly TextEdit[] } | undefined {
  const atOnce = removeOpposingAtOnce(parsed, syscall, context, opposes);
  if (atOnce !== 'one by one') return atOnce;
  return removeOpposingOneByOne(parsed, syscall, context, opposes);
}

/** Which rules in force a removal takes the syscall out of. */
export type Opposing = (call: OciSyscall, inForce: readonly OciSyscall[]) => boolean;

/**
 * The rules in force that decide the syscall against `wanted` (and, with `conditional`, every
 * rule in force with conditions).
 */
export function opposingRules(wanted: Wanted, conditional: boolean): Opposing {
  return (call) => {
    const action = effectOf(call.action, call.errnoRet).action;
    if (conditional && (call.args ?? []).length > 0) return true;
    return wanted === 'allow' ? action !== 'SCMP_ACT_ALLOW' : !isBlockingAction(action);
  };
}

/**
 * The rules in force that allow every call of the syscall: what turns its switch on.
 *
 * @internal Exported for the test of removals at once against one by one.
 */
export const allowsEveryCall: Opposing = (call, inForce) =>
  isUnconditionalAllow(call) && inForce.indexOf(call) < firstUnconditionalRefusal(inForce);

function isUnconditionalAllow(call: OciSyscall): boolean {
  return (
    (call.args ?? []).length === 0 &&
    effectOf(call.action, call.errnoRet).action === 'SCMP_ACT_ALLOW'
  );
}

/**
 * Where the first rule deciding every call otherwise than allowing stands among the rules in
 * force (their length when none does). libseccomp keeps the first unconditional rule, so
 * allowing rules after it decide nothing and are left as they are.
 */
function firstUnconditionalRefusal(inForce: readonly OciSyscall[]): number {
  let at = refusals.get(inForce);
  if (at === undefined) {
    at = inForce.findIndex((call) => (call.args ?? []).length === 0 && !isUnconditionalAllow(call));
    if (at === -1) at = inForce.length;
    refusals.set(inForce, at);
  }
  return at;
}
const refusals = new WeakMap<readonly OciSyscall[], number>();

/**
 * The same removals as {@link removeOpposingOneByOne}, computed from one reading of the text
 * and applied together: on a large profile naming the syscall in dozens of rules, re-reading the
 * text after each removal cost seconds. Only when each removal is independent of the others
 * (the text comes out byte for byte as one by one); 'one by one' otherwise: a rule naming the
 * syscall twice, the first two items of one array both going, or an array emptied.
 */
/** @internal Exported for its test against {@link removeOpposingOneByOne}. */
export function removeOpposingAtOnce(
  parsed: ParsedProfile,
  syscall: string,
  context: ResolveContext,
  opposes: Opposing,
):
  | { parsed: ParsedProfile; rules: number[]; edits: readonly TextEdit[] }
  | undefined
  | 'one by one' {
  const profile = parsed.profile;
  const resolved = resolveProfile(profile, context);
  if (!resolved.ok || resolved.seccomp === null || profile === null) return undefined;
  const inForce = effectiveRulesFor(resolved.seccomp, syscall);
  const opposing = inForce.filter((call) => opposes(call, inForce));
  if (opposing.length === 0) return undefined;
  const removedFrom = new Map<JsonArray, number[]>();
  const edits: TextEdit[] = [];
  for (const { source: rule } of opposing) {
    const names = rule.names ?? [];
    const count = names.filter((item) => item.value === syscall).length;
    if (count > 1 || (rule.name === syscall && count > 0)) return 'one by one';
    const whole = rule.name === syscall || names.every((item) => item.value === syscall);
    const array = (
      whole ? profile.fields.get('syscalls')!.value : rule.fields.get('names')!.value
    ) as JsonArray;
    const index = whole ? rule.index : names.findIndex((item) => item.value === syscall);
    removedFrom.set(array, [...(removedFrom.get(array) ?? []), index]);
    edits.push(removeNameEdit(profile, rule, syscall, parsed.offsets));
  }
  for (const [array, indexes] of removedFrom) {
    if (indexes.length === 1) continue;
    if (indexes.length >= array.items.length || (indexes.includes(0) && indexes.includes(1)))
      return 'one by one';
  }
  const after = parseProfile(applyEdits(parsed.text, edits));
  const check = resolveProfile(after.profile, context);
  if (
    !check.ok ||
    check.seccomp === null ||
    effectiveRulesFor(check.seccomp, syscall).some((call, _, inForce) => opposes(call, inForce))
  ) {
    return 'one by one';
  }
  const rules = [...new Set(opposing.map((call) => call.source.index))].sort((a, b) => a - b);
  return { parsed: after, rules, edits };
}

/** @internal Exported for its test. Takes the name out of one opposing rule at a time. */
export function removeOpposingOneByOne(
  parsed: ParsedProfile,
  syscall: string,
  context: ResolveContext,
  opposes: Opposing,
): { parsed: ParsedProfile; rules: number[] } | undefined {
  const rules: number[] = [];
  // The original index of each rule still in the text (a rule removed whole shifts the rest).
  const originalIndex = (parsed.profile?.syscalls ?? []).map((_, index) => index);
  let current = parsed;
  // Each pass takes one occurrence of the name out of one rule (a rule may repeat a name), so
  // this ends after at most one pass per occurrence.
  const occurrences = (parsed.profile?.syscalls ?? []).reduce(
    (count, rule) => count + 1 + (rule?.names?.length ?? 0),
    0,
  );
  for (let pass = 0; pass <= occurrences; pass++) {
    const resolved = resolveProfile(current.profile, context);
    if (!resolved.ok || resolved.seccomp === null || current.profile === null) return undefined;
    const inForce = effectiveRulesFor(resolved.seccomp, syscall);
    const opposing = inForce.find((call) => opposes(call, inForce));
    if (!opposing) {
      if (rules.length === 0) return undefined;
      return { parsed: current, rules: [...new Set(rules)].sort((a, b) => a - b) };
    }
    rules.push(originalIndex[opposing.source.index]!);
    const before = current.profile.syscalls?.length ?? 0;
    current = parseProfile(
      applyEdits(current.text, [
        removeNameEdit(current.profile, opposing.source, syscall, current.offsets),
      ]),
    );
    if ((current.profile?.syscalls?.length ?? 0) < before) {
      originalIndex.splice(opposing.source.index, 1);
    }
  }
  return undefined;
}

function describeEffect(effect: { action: string; errno?: number }): string {
  return effect.errno === undefined ? effect.action : `${effect.action} with errno ${effect.errno}`;
}

function wantedAction(rule: Rule, wanted: Wanted): boolean {
  if (wanted === 'allow') return rule.action === 'SCMP_ACT_ALLOW';
  return (
    rule.action === 'SCMP_ACT_ERRNO' &&
    (rule.errnoRet === undefined || rule.errnoRet === BigInt(EPERM))
  );
}

/** A rule that applies everywhere to every argument value: a name list and an action, nothing more. */
function isPlainRule(rule: Rule): boolean {
  const emptyFilter = (filter: Rule['includes']): boolean =>
    filter === null ||
    ((filter.caps?.length ?? 0) === 0 &&
      (filter.arches?.length ?? 0) === 0 &&
      filter.minKernel === null);
  return (
    rule.names !== null &&
    rule.fields.get('names')?.value.kind === 'array' &&
    rule.name === '' &&
    (rule.args?.length ?? 0) === 0 &&
    emptyFilter(rule.includes) &&
    emptyFilter(rule.excludes)
  );
}

// ---------------------------------------------------------------------------------------------
// Text primitives. Insertion and removal of an array element are exact inverses.

/** The whitespace that indents the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The file's line break: CRLF when it uses them, else LF. */
function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The file's indentation unit (a tab, or the smallest run of spaces that indents a line). */
function indentUnit(text: string): string {
  if (/\n\t/.test(text)) return '\t';
  let smallest = Infinity;
  for (const match of text.matchAll(/\n( +)\S/g)) smallest = Math.min(smallest, match[1]!.length);
  return Number.isFinite(smallest) ? ' '.repeat(smallest) : '\t';
}

function arrayInsertEdit(
  parsed: ParsedProfile,
  array: JsonArray,
  index: number,
  elementText: string,
): TextEdit {
  const { text, offsets } = parsed;
  const items = array.items;
  const n = items.length;
  if (n === 0) {
    const start = offsets.start(array);
    const inside = text.slice(start + 1, offsets.end(array) - 1);
    const lead = inside.includes('\n')
      ? `${lineBreak(text)}${lineIndent(text, start)}${indentUnit(text)}`
      : '';
    return { start: start + 1, end: start + 1, newText: lead + indentBlock(elementText, lead) };
  }
  // The separator already used at that place: after the previous element, or (at the ends)
  // the nearest one; a one-element array borrows its leading whitespace.
  const separator = (i: number): string =>
    text.slice(offsets.end(items[i]!), offsets.start(items[i + 1]!));
  let sep: string;
  if (n === 1) sep = singleSeparator(parsed, array);
  else if (index === 0) sep = separator(0);
  else sep = separator(Math.min(index - 1, n - 2));
  if (index === 0) {
    const first = offsets.start(items[0]!);
    return { start: first, end: first, newText: elementText + sep };
  }
  const after = offsets.end(items[index - 1]!);
  return { start: after, end: after, newText: sep + elementText };
}

/**
 * For a one-element array, the separator a second element would get: its leading whitespace
 * after a comma, or, when it has none, the file's own one-line separator (`,` in a minified
 * file), so that taking the second name out and putting it back gives the same bytes.
 */
function singleSeparator(parsed: ParsedProfile, array: JsonArray): string {
  const { text, offsets } = parsed;
  const leading = text.slice(offsets.start(array) + 1, offsets.start(array.items[0]!));
  return leading === '' ? (inlineSeparator(parsed) ?? ', ') : `,${leading}`;
}

/** A separator the file writes within one line between array elements (else object members). */
function inlineSeparator({ text, root, offsets }: ParsedProfile): string | undefined {
  let betweenMembers: string | undefined;
  const stack: JsonNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'array') {
      for (let i = 0; i < node.items.length; i++) {
        const next = node.items[i + 1];
        const sep = next ? text.slice(offsets.end(node.items[i]!), offsets.start(next)) : '\n';
        if (!sep.includes('\n')) return sep;
        stack.push(node.items[i]!);
      }
    } else if (node.kind === 'object') {
      for (let i = 0; i < node.members.length; i++) {
        const next = node.members[i + 1];
        const sep = next
          ? text.slice(offsets.end(node.members[i]!.value), offsets.start(next.key))
          : '\n';
        if (!sep.includes('\n')) betweenMembers ??= sep;
        stack.push(node.members[i]!.value);
      }
    }
  }
  return betweenMembers;
}

function arrayRemoveEdit(array: JsonArray, index: number, offsets: Offsets): TextEdit {
  const items = array.items;
  const start = (node: JsonNode): number => offsets.start(node);
  const end = (node: JsonNode): number => offsets.end(node);
  if (items.length === 1) return { start: start(array) + 1, end: end(items[0]!), newText: '' };
  if (index === 0) return { start: start(items[0]!), end: start(items[1]!), newText: '' };
  return { start: end(items[index - 1]!), end: end(items[index]!), newText: '' };
}

/** Indents every line after the first of a multi-line element to follow `lead`'s indentation. */
function indentBlock(elementText: string, lead: string): string {
  const indent = lead.replace(/^\r?\n/, '');
  return indent === '' ? elementText : elementText.replace(/\n/g, `\n${indent}`);
}

function insertNameEdit(parsed: ParsedProfile, rule: Rule, syscall: string): TextEdit {
  const array = rule.fields.get('names')!.value as JsonArray;
  const values = (rule.names ?? []).map((item) => item.value);
  return arrayInsertEdit(parsed, array, sortedPosition(values, syscall), JSON.stringify(syscall));
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Docker sorts its lists as if underscores weren't there (`getrlimit` before `get_robust_list`). */
const ignoringUnderscores = (a: string, b: string): number =>
  byCodeUnits(a.replaceAll('_', ''), b.replaceAll('_', '')) || byCodeUnits(a, b);

/**
 * Where a name goes in a list: the first place where it sits most in order between its
 * neighbours, by code units and ignoring underscores (Docker's hand-kept lists mix both), so
 * that taking a name out and putting it back gives the same list; the end of an unordered list.
 */
function sortedPosition(values: readonly string[], name: string): number {
  let best = values.length;
  let bestScore = 0;
  for (let i = 0; i <= values.length; i++) {
    let score = 0;
    for (const compare of [byCodeUnits, ignoringUnderscores]) {
      if (i === 0 || compare(values[i - 1]!, name) <= 0) score++;
      if (i === values.length || compare(name, values[i]!) <= 0) score++;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore >= 3 ? best : values.length;
}

/** The edit that takes one occurrence of a name out of a rule; a rule left with no name goes whole. */
function removeNameEdit(profile: Profile, rule: Rule, syscall: string, offsets: Offsets): TextEdit {
  const names = rule.names ?? [];
  const syscallsArray = profile.fields.get('syscalls')!.value as JsonArray;
  if (rule.name === syscall || names.every((item) => item.value === syscall)) {
    return arrayRemoveEdit(syscallsArray, rule.index, offsets);
  }
  const array = rule.fields.get('names')!.value as JsonArray;
  return arrayRemoveEdit(
    array,
    names.findIndex((item) => item.value === syscall),
    offsets,
  );
}

/**
 * A new rule `{names: [syscall], action}` in the style of the file, written before the rule
 * at `beforeIndex` or at the end.
 */
function insertRuleEdit(
  parsed: ParsedProfile,
  profile: Profile,
  syscall: string,
  action: string,
  beforeIndex: number | undefined,
): { edit: TextEdit; position: number } | undefined {
  const member = profile.fields.get('syscalls');
  if (!member || member.value.kind !== 'array') return undefined;
  const array = member.value;
  const { text, offsets } = parsed;
  const unit = indentUnit(text);
  const sample = array.items.find((item): item is JsonObject => item.kind === 'object');
  const multiline = sample
    ? text.slice(offsets.start(sample), offsets.end(sample)).includes('\n')
    : text.includes('\n');
  const namesSample = sample?.members.find((m) => m.key.value === 'names')?.value;
  const namesMultiline = namesSample
    ? text.slice(offsets.start(namesSample), offsets.end(namesSample)).includes('\n')
    : multiline;
  const name = JSON.stringify(syscall);
  const actionText = JSON.stringify(action);
  let ruleText: string;
  if (!multiline) {
    ruleText = `{"names": [${name}], "action": ${actionText}}`;
  } else {
    const names = namesMultiline ? `[\n${unit}${unit}${name}\n${unit}]` : `[${name}]`;
    ruleText = `{\n${unit}"names": ${names},\n${unit}"action": ${actionText}\n}`;
    ruleText = ruleText.replaceAll('\n', lineBreak(text));
  }
  const position = beforeIndex ?? array.items.length;
  const itemIndent = array.items.length > 0 ? lineIndent(text, offsets.start(array.items[0]!)) : '';
  const indented =
    array.items.length > 0 && multiline ? indentBlock(ruleText, `\n${itemIndent}`) : ruleText;
  return { edit: arrayInsertEdit(parsed, array, position, indented), position };
}

export type { JsonNode };
