/**
 * Where the cursor is in a profile's JSON text, found tolerantly (the text is often invalid
 * while someone types): which value or key it is in, what sort of value belongs there, and
 * the span a completion should replace. Built on jsonc-parser's `getLocation`; no Monaco here.
 */
import {
  getLocation,
  parseTree,
  visit,
  type JSONPath,
  type Node as JsonTreeNode,
} from 'jsonc-parser';
import type { ProfileObjectKind } from '../../catalog/format-text.ts';

/** The sorts of values the profile format gives names to. */
export type ValueKind =
  'syscall' | 'action' | 'operator' | 'scmp-arch' | 'docker-arch' | 'capability' | 'flag';

/** The sorts of objects the profile format has, for key completion. */
export type ObjectKind = ProfileObjectKind;

/** A span of the text, as offsets. */
export interface Span {
  start: number;
  end: number;
}

export type CursorPlace =
  | {
      type: 'value';
      kind: ValueKind;
      path: JSONPath;
      /** What a completion replaces: the string under the cursor (with its quotes), the bare
       * word being typed, or nothing (an empty span at the cursor). */
      replace: Span;
      /** What has been typed of the value so far (without quotes). */
      prefix: string;
      /** The cursor is inside a string (`replace` starts with its opening quote). */
      quoted: boolean;
      /** Other values already in the same array (for `names`: the names the rule lists). */
      siblings: string[];
    }
  | {
      type: 'key';
      object: ObjectKind;
      path: JSONPath;
      replace: Span;
      prefix: string;
      quoted: boolean;
      /** Keys the object already has. */
      present: string[];
      /** A `:` follows the key, so only the key itself is to be written. */
      hasValue: boolean;
    };

/** A string value under the cursor, with the syscall name it holds. */
export interface SyscallNameAt {
  name: string;
  /** The string's span, quotes included. */
  span: Span;
}

type Segment = string | number | '#' | '*';

/** Whether a path matches a pattern: `#` is any index, `*` any key. */
function matches(path: JSONPath, pattern: readonly Segment[]): boolean {
  if (path.length !== pattern.length) return false;
  return pattern.every((want, index) => {
    const got = path[index];
    if (want === '#') return typeof got === 'number';
    if (want === '*') return typeof got === 'string';
    return got === want;
  });
}

const FILTERS = ['includes', 'excludes'] as const;

/** What sort of value belongs at a path, if the format names one. */
export function valueKindAt(path: JSONPath): ValueKind | undefined {
  if (matches(path, ['syscalls', '#', 'names', '#']) || matches(path, ['syscalls', '#', 'name']))
    return 'syscall';
  if (matches(path, ['defaultAction']) || matches(path, ['syscalls', '#', 'action']))
    return 'action';
  if (matches(path, ['syscalls', '#', 'args', '#', 'op'])) return 'operator';
  if (
    matches(path, ['architectures', '#']) ||
    matches(path, ['archMap', '#', 'architecture']) ||
    matches(path, ['archMap', '#', 'subArchitectures', '#'])
  )
    return 'scmp-arch';
  for (const filter of FILTERS) {
    if (matches(path, ['syscalls', '#', filter, 'arches', '#'])) return 'docker-arch';
    if (matches(path, ['syscalls', '#', filter, 'caps', '#'])) return 'capability';
  }
  if (matches(path, ['flags', '#'])) return 'flag';
  return undefined;
}

/** What sort of object holds a key being typed at a path (the path ends with that key). */
export function objectKindAt(path: JSONPath): ObjectKind | undefined {
  const parent = path.slice(0, -1);
  if (parent.length === 0) return 'profile';
  if (matches(parent, ['syscalls', '#'])) return 'rule';
  if (matches(parent, ['syscalls', '#', 'args', '#'])) return 'arg';
  if (
    matches(parent, ['syscalls', '#', 'includes']) ||
    matches(parent, ['syscalls', '#', 'excludes'])
  )
    return 'filter';
  if (matches(parent, ['archMap', '#'])) return 'archMap';
  return undefined;
}

const WORD = /[A-Za-z0-9_]/;

/** The bare word (no quotes) around an offset, e.g. `ptr` typed without its quotes. */
function wordAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start -= 1;
  let end = offset;
  while (end < text.length && WORD.test(text[end]!)) end += 1;
  return { start, end };
}

/** Whether a string token starting at `start` with `length` characters is closed by a quote. */
function isClosed(text: string, start: number, length: number): boolean {
  if (length < 2) return false;
  const last = start + length - 1;
  if (text[last] !== '"') return false;
  let backslashes = 0;
  for (let i = last - 1; i > start && text[i] === '\\'; i--) backslashes += 1;
  return backslashes % 2 === 0;
}

/** The string token the cursor is inside (between its quotes, or at the end of an unclosed one). */
function stringAround(
  text: string,
  offset: number,
  node: { offset: number; length: number } | undefined,
): Span | undefined {
  if (!node) return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  if (text[start] !== '"') return undefined;
  const closed = isClosed(text, start, node.length);
  if (offset <= start) return undefined;
  if (closed ? offset >= end : offset > end) return undefined;
  return { start, end };
}

/**
 * The object or array the cursor is directly inside, read from its own text only, with the
 * offset its text starts at. Parsing the whole text to find it cost 50 ms a keystroke on a
 * megabyte profile; this reads up to the cursor to find where the container opens, then the
 * container alone.
 */
function innermostContainer(
  text: string,
  offset: number,
  around: KnownContainer,
): { node: JsonTreeNode; base: number } | undefined {
  const open: number[] = [];
  const reached = new Error('reached the cursor');
  const from = around.start;
  const before = (at: number) => {
    if (from + at >= offset) throw reached;
  };
  try {
    visit(
      text.slice(from, around.end),
      {
        onObjectBegin: (at) => {
          before(at);
          open.push(at);
        },
        onArrayBegin: (at) => {
          before(at);
          open.push(at);
        },
        onObjectEnd: (at) => {
          before(at);
          open.pop();
        },
        onArrayEnd: (at) => {
          before(at);
          open.pop();
        },
        onObjectProperty: (_property, at) => before(at),
        onLiteralValue: (_value, at) => before(at),
        onSeparator: (_separator, at) => before(at),
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (error) {
    if (error !== reached) throw error;
  }
  const opened = open.at(-1);
  if (opened === undefined) return undefined;
  const base = from + opened;
  // The container's text runs to its closing bracket; what follows is an error parseTree skips.
  const node = parseTree(text.slice(base, around.end), [], {
    allowTrailingComma: true,
    disallowComments: false,
  });
  return node ? { node, base } : undefined;
}

function siblingValues(
  text: string,
  offset: number,
  skip: number,
  around: KnownContainer,
): string[] {
  const array = innermostContainer(text, offset, around)?.node;
  if (array?.type !== 'array') return [];
  return (array.children ?? []).flatMap((child, index) =>
    index !== skip && child.type === 'string' && typeof child.value === 'string'
      ? [child.value]
      : [],
  );
}

function presentKeys(text: string, offset: number, typing: Span, around: KnownContainer): string[] {
  const container = innermostContainer(text, offset, around);
  if (container?.node.type !== 'object') return [];
  return (container.node.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') return [];
    if (container.base + key.offset === typing.start) return [];
    return [key.value];
  });
}

/**
 * Where the cursor is, for completion: in a value the format names (a syscall in `names`, an
 * action, an operator, …) or at a key of a known object. Undefined anywhere else (numbers,
 * comments, unknown keys, between values).
 *
 * @param text - the profile text as it stands (valid or not)
 * @param offset - the cursor's offset
 */
export function cursorPlace(
  text: string,
  offset: number,
  around?: KnownContainer,
): CursorPlace | undefined {
  return withinStack(() => findCursorPlace(text, offset, around ?? WHOLE_TEXT));
}

/**
 * An object or array around the cursor whose place is known (from a parse of the same text):
 * the cursor's place is then read from its text alone. Reading from the start of the text to
 * the cursor took 45 ms a keystroke near the end of a 0.8 MB profile on a slow machine.
 */
export interface KnownContainer {
  /** The offset of its opening bracket. */
  start: number;
  /** Just past its closing bracket. */
  end: number;
  /** Its JSON path in the whole text. */
  path: JSONPath;
}

const WHOLE_TEXT: KnownContainer = { start: 0, end: Infinity, path: [] };

/**
 * jsonc-parser recurses once per nesting level, so text nested tens of thousands deep overflows
 * the stack. Such text has no place worth finding (the engine reports it as too deep): nothing
 * is found, and nothing throws into the editor's event handlers.
 */
function withinStack<T>(find: () => T | undefined): T | undefined {
  try {
    return find();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function findCursorPlace(
  text: string,
  offset: number,
  around: KnownContainer,
): CursorPlace | undefined {
  const base = around.start;
  const location = getLocation(text.slice(base, around.end), offset - base);
  const path = [...around.path, ...location.path];
  const found = location.previousNode;
  const node = found && { offset: found.offset + base, length: found.length, type: found.type };

  if (location.isAtPropertyKey) {
    const object = objectKindAt(path);
    if (object === undefined) return undefined;
    const inString = stringAround(text, offset, node);
    const replace = inString ?? wordAround(text, offset);
    const prefix = inString
      ? text.slice(inString.start + 1, offset)
      : text.slice(replace.start, offset);
    const after = text.slice(replace.end, replace.end + 200);
    return {
      type: 'key',
      object,
      path,
      replace,
      prefix,
      quoted: inString !== undefined,
      present: presentKeys(text, offset, replace, around),
      hasValue: /^\s*:/.test(after),
    };
  }

  const kind = valueKindAt(path);
  if (kind === undefined) return undefined;
  const inString = stringAround(text, offset, node);
  // Right after a complete value (`"read"|`), nothing is being typed.
  if (!inString && node && node.offset + node.length === offset && node.type === 'string')
    return undefined;
  const replace = inString ?? wordAround(text, offset);
  const prefix = inString
    ? text.slice(inString.start + 1, offset)
    : text.slice(replace.start, offset);
  const last = path[path.length - 1];
  const siblings = typeof last === 'number' ? siblingValues(text, offset, last, around) : [];
  return { type: 'value', kind, path, replace, prefix, quoted: inString !== undefined, siblings };
}

/**
 * The syscall name under the cursor or pointer: a string in a rule's `names` (or legacy
 * `name`). Undefined anywhere else.
 *
 * @param text - the profile text
 * @param offset - an offset inside the string (its quotes included)
 */
export function syscallNameAt(text: string, offset: number): SyscallNameAt | undefined {
  return withinStack(() => findSyscallNameAt(text, offset));
}

function findSyscallNameAt(text: string, offset: number): SyscallNameAt | undefined {
  // On the opening quote, look one character in.
  const probe = text[offset] === '"' && text[offset - 1] !== '\\' ? offset + 1 : offset;
  const location = getLocation(text, probe);
  if (valueKindAt(location.path) !== 'syscall') return undefined;
  const node = location.previousNode;
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  if (offset < start || offset > end) return undefined;
  if (!isClosed(text, start, node.length)) return undefined;
  return { name: node.value, span: { start, end } };
}
