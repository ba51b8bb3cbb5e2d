/**
 * What the JSON editor and its problems list show, derived from the profile and the context:
 * the engine's lint findings, the help for syscall names (completion and hover), and where in
 * the text a syscall's deciding rule is.
 */
import { catalogEntries, catalogEntry } from '../catalog/catalog.ts';
import { allSyscallNames, syscallKnowledge } from '../catalog/knowledge.ts';
import type { ResolveContext } from '../core/context.ts';
import { diffProfiles } from '../core/diff.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { lintProfile, type Finding } from '../core/lint.ts';
import { ruleNames, type Rule } from '../core/model.ts';
import type { ParsedProfile } from '../core/parse.ts';
import { ruleApplies } from '../core/resolve.ts';
import type { CompletionSources } from '../ui/editor-help/completion.ts';
import type { SyscallHelp } from '../ui/editor-help/hover.ts';
import type { Span } from '../ui/editor-help/json-location.ts';
import type { DiffEntry } from '../ui/DiffSummary.tsx';
import { contextKey } from './context-state.ts';
import type { SyscallModel } from './syscall-model.ts';

const LINT_CACHE_SIZE = 4;
const lintCache = new Map<string, Finding[]>();

/** The engine's lint findings for a text, memoised (the problems list and the markers share them). */
export function lintFindingsOf(text: string): Finding[] {
  let findings = lintCache.get(text);
  if (findings === undefined) {
    findings = lintProfile(text, { syscalls: syscallKnowledge });
    lintCache.set(text, findings);
    if (lintCache.size > LINT_CACHE_SIZE) lintCache.delete(lintCache.keys().next().value!);
  }
  return findings;
}

/** Help for syscall names in the editor, in the context the table shows. */
export interface EditorHelp {
  describe(name: string): SyscallHelp;
  completion: CompletionSources;
}

/**
 * @param model - the table's model (the profile's last valid text in the chosen context)
 * @param contextText - the context in words
 */
export function editorHelpFor(model: SyscallModel, contextText: string): EditorHelp {
  const syscalls = catalogEntries().map((entry) => ({
    name: entry.name,
    description: entry.description,
  }));
  const statusOf = (name: string) => model.byName.get(name)?.status;
  return {
    describe(name) {
      const entry = catalogEntry(name);
      const row = model.byName.get(name);
      if (!entry) {
        return {
          name,
          known: false,
          capabilities: [],
          suggestion: syscallKnowledge.suggest?.(name),
        };
      }
      return {
        name,
        known: true,
        description: entry.description,
        status: row?.statusDetail ?? row?.status,
        context: contextText,
        defaultStatus: row?.changed ? row.defaultStatus : undefined,
        reason: entry.reason ? { text: entry.reason.reason, risk: entry.reason.risk } : undefined,
        capabilities: entry.docker.capabilities,
      };
    },
    completion: {
      syscalls,
      statusOf,
      reasonOf: (name) => catalogEntry(name)?.reason?.reason,
    },
  };
}

/** Where a syscall is decided in the text: its name in the deciding rule, or the default action. */
export interface RulePlace extends Span {
  /** "rule 3", "defaultAction". */
  what: string;
}

function nameSpan(rule: Rule, name: string): Span | undefined {
  const item = ruleNames(rule).find((candidate) => candidate.value === name);
  return item ? { start: item.node.start, end: item.node.end } : undefined;
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
    (rule): rule is Rule => rule !== null && nameSpan(rule, name) !== undefined,
  );
  const rule = deciding ?? rules.find((candidate) => ruleApplies(candidate, context)) ?? rules[0];
  if (rule) {
    const span = nameSpan(rule, name);
    if (span) return { ...span, what: `rule ${rule.index + 1}` };
  }
  const member = profile.fields.get('defaultAction');
  if (member) return { start: member.key.start, end: member.value.end, what: 'defaultAction' };
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
