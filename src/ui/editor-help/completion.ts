/**
 * What the JSON editor offers while someone types: syscall names inside `names` (with what
 * each does and its status in the chosen context), actions, operators, `SCMP_ARCH_*` names,
 * Docker's native architecture names in `includes`/`excludes.arches`, capabilities in `caps`,
 * filter flags, and the keys each object of the format takes. Plain data; the editor turns it
 * into Monaco's completion items.
 */
import { CAPABILITIES } from '../../catalog/capabilities.ts';
import { ACTION_HELP, FLAG_HELP, KEY_HELP, OPERATOR_HELP } from '../../catalog/format-text.ts';
import {
  DOCKER_ARCHES,
  DOCKER_DEFAULT_CAPABILITIES,
  NATIVE_SCMP_ARCH,
} from '../../core/context.ts';
import { KNOWN_FIELDS } from '../../core/decode.ts';
import { ACTIONS, FLAGS, OPERATORS, SCMP_ARCHES } from '../../core/model.ts';
import { PROFILE_SCHEMA } from '../../core/profile-schema.ts';
import type { CursorPlace, ObjectKind, Span, ValueKind } from './json-location.ts';

/** One syscall as completion lists it. */
export interface SyscallSummary {
  name: string;
  /** One line: what it does. */
  description: string;
}

/** What completion needs to know beyond the format itself. */
export interface CompletionSources {
  /** Every syscall Linux has, sorted by name. */
  syscalls: readonly SyscallSummary[];
  /** The syscall's status under the profile in the chosen context ("Allowed", "Blocked (EPERM)"). */
  statusOf(name: string): string | undefined;
  /** Why Docker's default doesn't allow it unconditionally, when it doesn't. */
  reasonOf?(name: string): string | undefined;
}

export type CompletionKind = 'syscall' | 'enum' | 'property' | 'capability' | 'arch';

/** A completion, as data. */
export interface CompletionData {
  label: string;
  /** Shown right after the label, dimmed: what it is. */
  labelDetail?: string;
  /** Shown at the right: its status or type. */
  labelDescription?: string;
  /** The details line. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` is a snippet (`$0` marks where the cursor goes). */
  snippet: boolean;
  /** Matched against what has been typed, quotes included. */
  filterText: string;
  sortText: string;
  kind: CompletionKind;
  replace: Span;
}

const DEFAULT_CAPS: ReadonlySet<string> = new Set(DOCKER_DEFAULT_CAPABILITIES);

const HOSTS_BY_SCMP_ARCH = new Map<string, string[]>();
for (const [arch, scmp] of Object.entries(NATIVE_SCMP_ARCH)) {
  HOSTS_BY_SCMP_ARCH.set(scmp, [...(HOSTS_BY_SCMP_ARCH.get(scmp) ?? []), arch]);
}

interface SchemaProperty {
  description?: string;
  type?: string | readonly string[];
}

const SCHEMA_PROPERTIES: Readonly<Record<ObjectKind, Readonly<Record<string, SchemaProperty>>>> = {
  profile: PROFILE_SCHEMA.properties,
  rule: PROFILE_SCHEMA.properties.syscalls.items.properties,
  arg: PROFILE_SCHEMA.properties.syscalls.items.properties.args.items.properties,
  filter: PROFILE_SCHEMA.properties.syscalls.items.properties.includes.properties,
  archMap: PROFILE_SCHEMA.properties.archMap.items.properties,
};

function typesOf(property: SchemaProperty | undefined): readonly string[] {
  const type = property?.type;
  return type === undefined ? [] : typeof type === 'string' ? [type] : type;
}

/** The snippet written after a key: `[…]` for lists, `{…}` for objects, `"…"` for strings. */
function valueSnippet(property: SchemaProperty | undefined): string {
  const types = typesOf(property);
  if (types.includes('array')) return '[$0]';
  if (types.includes('object')) return '{$0}';
  if (types.includes('string')) return '"$0"';
  return '$0';
}

function quote(value: string): string {
  return JSON.stringify(value);
}

interface ValueChoice {
  value: string;
  labelDetail?: string;
  labelDescription?: string;
  detail?: string;
  documentation?: string;
  kind: CompletionKind;
}

/** Longest description shown in the list itself (the whole one is in the details). */
const LIST_DESCRIPTION_CHARS = 38;

/** Text cut at a word boundary to a length, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

function syscallChoices(sources: CompletionSources, skip: ReadonlySet<string>): ValueChoice[] {
  return sources.syscalls.flatMap(({ name, description }) => {
    if (skip.has(name)) return [];
    const status = sources.statusOf(name);
    const reason = sources.reasonOf?.(name);
    const documentation = [description, reason && `Docker’s default: ${reason}`]
      .filter(Boolean)
      .join('\n\n');
    return [
      {
        value: name,
        ...(description ? { labelDetail: ` ${shorten(description, LIST_DESCRIPTION_CHARS)}` } : {}),
        // The list has room for one word of status; the details line has all of it.
        ...(status
          ? { labelDescription: status.split(/[\s(:]/)[0]!, detail: `${status} here` }
          : {}),
        ...(documentation ? { documentation } : {}),
        kind: 'syscall' as const,
      },
    ];
  });
}

function valueChoices(
  kind: ValueKind,
  sources: CompletionSources,
  skip: ReadonlySet<string>,
): ValueChoice[] {
  switch (kind) {
    case 'syscall':
      return syscallChoices(sources, skip);
    case 'action':
      return ACTIONS.map((value) => ({ value, detail: ACTION_HELP[value], kind: 'enum' as const }));
    case 'operator':
      return OPERATORS.map((value) => ({
        value,
        labelDescription: OPERATOR_HELP[value],
        detail: OPERATOR_HELP[value],
        kind: 'enum' as const,
      }));
    case 'flag':
      return FLAGS.map((value) => ({ value, detail: FLAG_HELP[value], kind: 'enum' as const }));
    case 'scmp-arch':
      return SCMP_ARCHES.filter((value) => !skip.has(value)).map((value) => {
        const hosts = HOSTS_BY_SCMP_ARCH.get(value);
        return {
          value,
          ...(hosts ? { labelDescription: hosts.join(', ') } : {}),
          detail: hosts
            ? `The native system-call ABI of ${hosts.join(' and ')} hosts`
            : 'No Docker host has this as its native ABI',
          kind: 'arch' as const,
        };
      });
    case 'docker-arch':
      return DOCKER_ARCHES.filter((value) => !skip.has(value)).map((value) => ({
        value,
        labelDescription: NATIVE_SCMP_ARCH[value],
        detail: `Docker’s name for ${value} hosts (native ABI ${NATIVE_SCMP_ARCH[value]}); includes/excludes compare with these names, never with SCMP_ARCH_*`,
        kind: 'arch' as const,
      }));
    case 'capability':
      return CAPABILITIES.filter((cap) => !skip.has(cap.name)).map((cap) => ({
        value: cap.name,
        labelDetail: ` ${cap.description}`,
        ...(DEFAULT_CAPS.has(cap.name) ? { labelDescription: 'in Docker’s default set' } : {}),
        detail: cap.description,
        kind: 'capability' as const,
      }));
  }
}

/**
 * The completions for a place in the text.
 *
 * @param place - where the cursor is ({@link cursorPlace})
 * @param sources - syscalls and their status in the chosen context
 */
export function completionsAt(
  place: CursorPlace | undefined,
  sources: CompletionSources,
): CompletionData[] {
  if (!place) return [];
  if (place.type === 'key') {
    const properties = SCHEMA_PROPERTIES[place.object];
    const present = new Set(place.present);
    return KNOWN_FIELDS[place.object]
      .filter((key) => !present.has(key))
      .map((key, index) => {
        const property = properties[key];
        const description = KEY_HELP[place.object]?.[key] ?? property?.description;
        const insertText = place.hasValue ? quote(key) : `${quote(key)}: ${valueSnippet(property)}`;
        return {
          label: key,
          ...(typesOf(property).length > 0
            ? { labelDescription: typesOf(property).join(' | ') }
            : {}),
          ...(description ? { detail: description } : {}),
          insertText,
          snippet: !place.hasValue,
          filterText: place.quoted ? quote(key) : key,
          sortText: String(index).padStart(3, '0'),
          kind: 'property' as const,
          replace: place.replace,
        };
      });
  }
  const skip = new Set(place.siblings);
  return valueChoices(place.kind, sources, skip).map((choice, index) => ({
    label: choice.value,
    ...(choice.labelDetail !== undefined ? { labelDetail: choice.labelDetail } : {}),
    ...(choice.labelDescription !== undefined ? { labelDescription: choice.labelDescription } : {}),
    ...(choice.detail !== undefined ? { detail: choice.detail } : {}),
    ...(choice.documentation !== undefined ? { documentation: choice.documentation } : {}),
    insertText: quote(choice.value),
    snippet: false,
    filterText: place.quoted ? quote(choice.value) : choice.value,
    sortText: String(index).padStart(4, '0'),
    kind: choice.kind,
    replace: place.replace,
  }));
}
