/**
 * Where in the text a syscall's deciding rule is, and the diff against Docker's default, as the
 * page shows them. (The editor's help is in editor-help-data.ts, lint in lint-findings.ts: both
 * load with the editor or after the table, not before it.)
 */
import { allSyscallNames } from '../catalog/abis.ts';
import { catalogEntry } from '../catalog/catalog.ts';
import type { ResolveContext } from '../core/context.ts';
import { diffProfiles } from '../core/diff.ts';
import type { Offsets } from '../core/json.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { ruleNames, type Rule } from '../core/model.ts';
import type { ParsedProfile } from '../core/parse.ts';
import { ruleApplies } from '../core/resolve.ts';
import type { Span } from '../ui/editor-help/json-location.ts';
import type { DiffEntry } from '../ui/DiffSummary.tsx';
import { contextKey } from './context-state.ts';
import type { SyscallModel } from './syscall-model.ts';

/** Where a syscall is decided in the text: its name in the deciding rule, or the default action. */
export interface RulePlace extends Span {
  /** "rule 3", "defaultAction". */
  what: string;
}

function nameSpan(rule: Rule, name: string, offsets: Offsets): Span | undefined {
  const item = ruleNames(rule).find((candidate) => candidate.value === name);
  return item ? { start: offsets.start(item.node), end: offsets.end(item.node) } : undefined;
}

/**
 * The place to show for a syscall: its name in the rule that decides it (the first branch's
 * rule for a conditional verdict), else in the first rule in force naming it, else in any rule
 * naming it, else the default action.
 *
 * @param model - the table's model (its parse gives the offsets)
 * @param name - the syscall
 * @param context - the context the verdict is for
 */
export function rulePlaceFor(
  model: SyscallModel,
  name: string,
  context: ResolveContext,
): RulePlace | undefined {
  const parsed: ParsedProfile = model.parsed;
  const profile = parsed.profile;
  if (!profile) return undefined;
  const verdict = model.byName.get(name)?.verdict;
  const deciding =
    verdict?.kind === 'decided'
      ? verdict.rule?.source
      : verdict?.kind === 'conditional'
        ? verdict.branches[0]?.rule.source
        : undefined;
  const rules = (profile.syscalls ?? []).filter(
    (rule): rule is Rule => rule !== null && nameSpan(rule, name, parsed.offsets) !== undefined,
  );
  const rule = deciding ?? rules.find((candidate) => ruleApplies(candidate, context)) ?? rules[0];
  if (rule) {
    const span = nameSpan(rule, name, parsed.offsets);
    if (span) return { ...span, what: `rule ${rule.index + 1}` };
  }
  const member = profile.fields.get('defaultAction');
  if (member) {
    const { offsets } = parsed;
    return {
      start: offsets.start(member.key),
      end: offsets.end(member.value),
      what: 'defaultAction',
    };
  }
  return undefined;
}

const DIFF_CACHE_SIZE = 4;
const diffCache = new Map<string, DiffEntry[]>();

/**
 * What behaves differently from Docker's default in a context, every Linux syscall compared
 * (memoised per text and context: the engine resolves the profile once per syscall).
 *
 * @param parsed - the profile (its last valid version)
 * @param context - the context the table shows
 */
export function diffEntriesFor(parsed: ParsedProfile, context: ResolveContext): DiffEntry[] {
  const key = `${contextKey(context)}\n${parsed.text}`;
  let entries = diffCache.get(key);
  if (entries === undefined) {
    entries = diffProfiles(dockerDefaultProfile(), parsed, context, allSyscallNames()).map(
      (change) => {
        const reason = catalogEntry(change.syscall)?.reason;
        return {
          name: change.syscall,
          kind: change.kind,
          before: change.beforeStatus,
          after: change.afterStatus,
          reason:
            change.kind !== 'newly-blocked' && reason
              ? { text: reason.reason, risk: reason.risk }
              : undefined,
        };
      },
    );
    diffCache.set(key, entries);
    if (diffCache.size > DIFF_CACHE_SIZE) diffCache.delete(diffCache.keys().next().value!);
  }
  return entries;
}
