/**
 * Everything the table shows about every syscall, derived from the profile text in one
 * context: each verdict by the engine's resolver (never the catalog's precomputed view), the
 * same for Docker's default to tell what changed, and lazily the hints and edit previews
 * (the details panel explains a syscall: details-data.ts).
 */
import { DOCKER_ARCH_TO_ABIS, syscallNumber } from '../catalog/abis.ts';
import { catalogEntries, type SyscallEntry } from '../catalog/catalog.ts';
import type { ResolveContext } from '../core/context.ts';
import { dockerDefaultProfile, dockerDefaultProfileText } from '../core/docker-default.ts';
import { alternativesFor } from '../core/alternatives.ts';
import { evaluateSyscall, isAllowed, verdictKey, type Verdict } from '../core/outcome.ts';
import { parseProfile, type ParsedProfile } from '../core/parse.ts';
import { resolveProfile, type OciSeccomp } from '../core/resolve.ts';
import { describeVerdict } from '../core/verdict-words.ts';
import type { RowExtras, SyscallRow } from '../ui/view-model.ts';
import { contextKey } from './context-state.ts';
import { allowHint, statusKindOf, statusLabel } from './syscall-status.ts';

export interface SyscallModel {
  text: string;
  context: ResolveContext;
  parsed: ParsedProfile;
  /** Why Docker can't use the profile at all (then every row says so). */
  problem: string | undefined;
  /** The resolved profile (undefined when there is a problem; null: no filter). */
  seccomp: OciSeccomp | null | undefined;
  /** Every catalog syscall, in the catalog's (alphabetical) order. */
  rows: SyscallRow[];
  byName: ReadonlyMap<string, SyscallRow>;
  /** How the syscall could be allowed by changing the container (allowHint), worked out once. */
  hint(name: string): string | undefined;
}

/** The edit engine's dry run in words (core/edit.ts's describeEdit). */
export type DescribeEdit = (
  text: string,
  syscall: string,
  context: ResolveContext,
  wanted: 'allow' | 'block',
) => string;

type Resolved = { ok: true; seccomp: OciSeccomp | null } | { ok: false; error: string };

function resolveText(parsed: ParsedProfile, context: ResolveContext): Resolved {
  if (parsed.syntaxError) {
    const { line, column, message } = parsed.syntaxError;
    return { ok: false, error: `not valid JSON (line ${line}, column ${column}: ${message})` };
  }
  if (parsed.dockerError !== undefined) return { ok: false, error: parsed.dockerError };
  return resolveProfile(parsed.profile, context);
}

const defaultVerdictCache = new Map<string, ReadonlyMap<string, Verdict>>();

/** Docker's default profile's verdict for every syscall in a context (computed once per context). */
export function dockerDefaultVerdicts(context: ResolveContext): ReadonlyMap<string, Verdict> {
  const key = contextKey(context);
  let verdicts = defaultVerdictCache.get(key);
  if (verdicts === undefined) {
    const resolved = resolveProfile(dockerDefaultProfile().profile, context);
    const map = new Map<string, Verdict>();
    for (const entry of catalogEntries()) {
      map.set(
        entry.name,
        resolved.ok
          ? evaluateSyscall(resolved.seccomp, entry.name)
          : { kind: 'invalid', error: resolved.error },
      );
    }
    verdicts = map;
    defaultVerdictCache.set(key, verdicts);
  }
  return verdicts;
}

const defaultFactsCache = new WeakMap<Verdict, { key: string; description: string }>();

/** A default verdict's comparison key and words, worked out once (they never change). */
function defaultVerdictFacts(verdict: Verdict): { key: string; description: string } {
  let facts = defaultFactsCache.get(verdict);
  if (facts === undefined) {
    facts = { key: verdictKey(verdict), description: describeVerdict(verdict) };
    defaultFactsCache.set(verdict, facts);
  }
  return facts;
}

function capabilityText(entry: SyscallEntry): string {
  return entry.docker.capabilities.join(' or ');
}

/**
 * Derives the table's rows from a profile text in a context.
 *
 * @param text - the profile's JSON text
 * @param context - architecture, capabilities and kernel
 */
export function buildSyscallModel(text: string, context: ResolveContext): SyscallModel {
  const parsed = parseProfile(text);
  const resolved = resolveText(parsed, context);
  const defaults = dockerDefaultVerdicts(context);
  const abi = DOCKER_ARCH_TO_ABIS[context.arch];
  // Docker's default itself (every page load starts with it): its verdicts are at hand.
  const isDefault = text === dockerDefaultProfileText();
  const rows: SyscallRow[] = catalogEntries().map((entry) => {
    const defaultVerdict = defaults.get(entry.name)!;
    const defaultFacts = defaultVerdictFacts(defaultVerdict);
    const verdict: Verdict = isDefault
      ? defaultVerdict
      : resolved.ok
        ? evaluateSyscall(resolved.seccomp, entry.name)
        : { kind: 'invalid', error: resolved.error };
    return {
      name: entry.name,
      entry,
      verdict,
      kind: statusKindOf(verdict),
      status: statusLabel(entry.name, verdict),
      statusDetail: describeVerdict(verdict),
      allowed: isAllowed(verdict),
      changed: verdictKey(verdict) !== defaultFacts.key,
      defaultStatus: defaultFacts.description,
      number: syscallNumber(entry.name, abi),
      capabilityText: capabilityText(entry),
    };
  });
  const byName = new Map(rows.map((row) => [row.name, row]));

  const hints = new Map<string, string | undefined>();
  const hint = (name: string): string | undefined => {
    if (!hints.has(name)) {
      const row = byName.get(name);
      if (!row || row.allowed || !resolved.ok) hints.set(name, undefined);
      else {
        // Only what would change the outcome: the rest of an explanation is the details' part.
        // The row's verdict is this context's already (no second resolution and evaluation).
        hints.set(
          name,
          allowHint({
            verdict: row.verdict,
            alternatives: alternativesFor(parsed.profile, name, context, row.verdict),
          }),
        );
      }
    }
    return hints.get(name);
  };

  return {
    text,
    context,
    parsed,
    problem: resolved.ok ? undefined : resolved.error,
    seccomp: resolved.ok ? resolved.seccomp : undefined,
    rows,
    byName,
    hint,
  };
}

const extrasCache = new WeakMap<SyscallModel, { describeEdit?: DescribeEdit; extras: RowExtras }>();

/**
 * What the table's rows show beyond the model: the hints, and what flipping a conditional row's
 * switch would do. That takes the edit engine, which arrives after the table: until it does,
 * those switches describe themselves plainly, as every other switch does.
 *
 * @param model - the table's model
 * @param describeEdit - the edit engine's dry run, once it has arrived
 */
export function rowExtrasFor(model: SyscallModel, describeEdit?: DescribeEdit): RowExtras {
  const cached = extrasCache.get(model);
  if (cached && cached.describeEdit === describeEdit) return cached.extras;
  const { text, context } = model;
  const effects = new Map<string, string | undefined>();
  const extras: RowExtras = {
    toggleEffectsUpFront: text.length <= EFFECTS_UP_FRONT_MAX_CHARS,
    hint: model.hint,
    toggleEffect(row) {
      // A plain allow/block describes itself; a conditional verdict doesn't.
      if (row.kind !== 'conditional' || model.problem !== undefined || !describeEdit)
        return undefined;
      if (!effects.has(row.name)) {
        const wanted = row.allowed ? 'block' : 'allow';
        const summary = describeEdit(text, row.name, context, wanted);
        const now = row.status.replace(/^Conditional: /, '').replace(/;.*$/, '');
        effects.set(
          row.name,
          `Now conditional (${now}). Switching on allows every call of ${row.name}: ${lowerFirst(summary)}.`,
        );
      }
      return effects.get(row.name);
    },
  };
  extrasCache.set(model, { ...(describeEdit ? { describeEdit } : {}), extras });
  return extras;
}

/** Up to this size (Docker's default is 13 KB) trying an edit takes well under a millisecond. */
const EFFECTS_UP_FRONT_MAX_CHARS = 256 * 1024;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const MODEL_CACHE_SIZE = 6;
/**
 * The last few models, by context and then by text: a key joining the two made a new string of
 * the whole text on every lookup, hashed anew each time (3 ms for a megabyte); the text itself
 * is the same string each time, and keeps its hash.
 */
const modelCache = new Map<string, Map<string, SyscallModel>>();
/** The cached models' keys, oldest first. */
const modelOrder: { context: string; text: string }[] = [];

/** {@link buildSyscallModel}, memoised per text and context (the last few are kept). */
export function syscallModelFor(text: string, context: ResolveContext): SyscallModel {
  const key = contextKey(context);
  let byText = modelCache.get(key);
  let model = byText?.get(text);
  if (model === undefined) {
    model = buildSyscallModel(text, context);
    if (byText === undefined) {
      byText = new Map();
      modelCache.set(key, byText);
    }
    byText.set(text, model);
    modelOrder.push({ context: key, text });
    if (modelOrder.length > MODEL_CACHE_SIZE) {
      const oldest = modelOrder.shift()!;
      const oldestByText = modelCache.get(oldest.context)!;
      oldestByText.delete(oldest.text);
      if (oldestByText.size === 0) modelCache.delete(oldest.context);
    }
  }
  return model;
}
