/**
 * A strict JSON parser that keeps what the seccomp engine needs and `JSON.parse` throws away:
 * the offset of every value, the raw text of every number (uint64 arg values must survive
 * exactly), duplicate keys, and member order. It accepts exactly what Go's `encoding/json`
 * accepts (no comments, no trailing commas), because that is what Docker reads profiles with.
 *
 * It is iterative, so hostile nesting cannot overflow the call stack.
 */

/** Go's encoding/json refuses documents nested deeper than this; so do we. */
export const MAX_NESTING_DEPTH = 10_000;

interface NodeBase {
  /**
   * Offset of the first character of the value in the text the node was parsed from. A tree
   * read again after an edit shares the nodes the edit left alone, at their old offsets: read
   * a node's place in the tree's own text through the tree's {@link Offsets}.
   */
  start: number;
  /** Offset just past the last character of the value (in the same text as `start`). */
  end: number;
  /** Which parse made the node: 0 for a whole text, else the reparse's (see {@link Offsets}). */
  gen: number;
}

export interface JsonObject extends NodeBase {
  kind: 'object';
  members: JsonMember[];
}

export interface JsonMember {
  key: JsonString;
  value: JsonNode;
}

export interface JsonArray extends NodeBase {
  kind: 'array';
  items: JsonNode[];
}

export interface JsonString extends NodeBase {
  kind: 'string';
  value: string;
}

export interface JsonNumber extends NodeBase {
  kind: 'number';
  /** The number exactly as written, e.g. `18446744073709551615` or `1.5e3`. */
  raw: string;
}

export interface JsonBoolean extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface JsonNull extends NodeBase {
  kind: 'null';
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

/** A syntax error: what is wrong, and the offset where the parser noticed it. */
export interface JsonSyntaxError {
  message: string;
  offset: number;
}

export type JsonParseResult =
  { ok: true; root: JsonNode; offsets: Offsets } | { ok: false; error: JsonSyntaxError };

/** An edit a tree's shared nodes have not been moved by: their offsets from `from` on move by `delta`. */
interface Shift {
  /** The reparse that made the edit: nodes it (or a later one) made are at their new offsets. */
  gen: number;
  /** The end of the replaced characters in the text before the edit. */
  from: number;
  delta: number;
}

/**
 * Where a tree's nodes are in the tree's own text. A tree read again after an edit
 * (json-reparse.ts) shares every node the edit left alone with the tree before it, offsets and
 * all: moving the thousands of rules after a keystroke near the top of a large profile cost as
 * much as parsing them, and a moved node is a new node, which the decoder cannot recognise as
 * one it decoded before. The tree instead keeps the edits since its shared nodes were made,
 * and a node's place is its offsets moved by each edit made after it.
 */
export class Offsets {
  /** The offsets of a tree parsed from its whole text: every node is where it says. */
  static readonly EXACT = new Offsets([]);

  private constructor(private readonly shifts: readonly Shift[]) {}

  /** How many edits the tree's nodes may be behind by. */
  get pending(): number {
    return this.shifts.length;
  }

  /** These offsets, and one more edit (made by reparse `gen`) after them. */
  followedBy(gen: number, from: number, delta: number): Offsets {
    return new Offsets([...this.shifts, { gen, from, delta }]);
  }

  /** Where the node starts in the tree's text. */
  start(node: JsonNode): number {
    return this.moved(node.start, node.gen);
  }

  /** Where the node ends (just past its last character) in the tree's text. */
  end(node: JsonNode): number {
    return this.moved(node.end, node.gen);
  }

  private moved(offset: number, gen: number): number {
    for (const shift of this.shifts) {
      if (shift.gen > gen && offset >= shift.from) offset += shift.delta;
    }
    return offset;
  }
}

/**
 * An open container. Its children wait in the parser's scratch stack from `base` on, and are
 * copied into an array of exactly their number when it closes: arrays grown by `push` keep room
 * for 17 elements or more, which was a fifth of a large profile's tree, all of it copied by
 * every garbage collection that ran during the parse.
 */
type Frame = { base: number } & (
  { container: JsonObject; key: JsonString | null } | { container: JsonArray; key?: undefined }
);

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_QUOTE = 34;
const CH_BACKSLASH = 92;

function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const code = text.codePointAt(offset) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${hex4(code)}`;
  if (code === 0xfeff) return 'byte-order mark (U+FEFF)';
  if (code === 0xfffd) return 'U+FFFD (a byte that is not valid UTF-8)';
  return `'${String.fromCodePoint(code)}'`;
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Parses JSON text into a positioned tree.
 *
 * @param text - the whole document
 * @returns the root node, or the first syntax error with its offset
 */
export function parseJson(text: string): JsonParseResult {
  return resultOf(() => new Parser(text).parseDocument(), Offsets.EXACT);
}

function resultOf(parse: () => JsonNode, offsets: Offsets): JsonParseResult {
  try {
    return { ok: true, root: parse(), offsets };
  } catch (error) {
    if (error instanceof SyntaxFailure) {
      return { ok: false, error: { message: error.message, offset: error.offset } };
    }
    throw error;
  }
}

/**
 * Parses the one value that starts at `start`, stopping where it ends (the node's `end`): for
 * reading part of a document again after an edit (json-reparse.ts). The result is what
 * {@link parseJson} would make of that value inside the whole document, provided the value is
 * nested `depth` containers deep there and the text before it is what it was.
 *
 * @param text - the whole document
 * @param start - the offset of the value's first character
 * @param depth - how many objects and arrays enclose the value in the document
 * @param gen - the reparse the nodes are made by (see {@link Offsets})
 * @returns the value's node (its offsets exact), or the syntax error met before it ended
 */
export function parseJsonValueAt(
  text: string,
  start: number,
  depth: number,
  gen: number,
): JsonParseResult {
  return resultOf(() => new Parser(text, depth, gen).parseValueFrom(start, false), Offsets.EXACT);
}

/** The value of an object's member, or an array's item, at a position. */
export function childAt(container: JsonObject | JsonArray, index: number): JsonNode {
  return container.kind === 'object'
    ? (container.members[index] as JsonMember).value
    : (container.items[index] as JsonNode);
}

/**
 * The position of the last child (member value or item) starting before `offset`, or -1: the
 * only child that can hold the offset. Children are in document order, so a binary search
 * finds it among the thousands of a large profile's rules.
 */
export function lastChildBefore(
  container: JsonObject | JsonArray,
  offset: number,
  offsets: Offsets = Offsets.EXACT,
): number {
  let low = 0;
  let high = (container.kind === 'object' ? container.members : container.items).length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offsets.start(childAt(container, mid)) < offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Strings up to this length are shared between the places that spell them the same way. */
const SHARED_STRING_MAX = 48;
/** Slots in the table of shared strings (a power of two); a collision only costs a copy. */
const SHARED_SLOTS = 1024;

class Parser {
  private pos = 0;
  /**
   * One copy of each short string, found by a hash of its characters without first copying
   * them out of the text: a profile spells the same few dozen keys, actions and syscall names
   * thousands of times, and each copy would live as long as the tree (a Map, which needs the
   * copy to look it up, made the parse slower than the copies did).
   */
  private readonly shared: (string | undefined)[] = new Array<string | undefined>(SHARED_SLOTS);

  /**
   * @param text - the whole document
   * @param depthOffset - how many containers enclose the value being parsed (for a value read
   *   again on its own, see {@link reparseJson}): the nesting limit counts them too
   * @param gen - stamped on every node made (see {@link Offsets})
   */
  constructor(
    private readonly text: string,
    private readonly depthOffset = 0,
    private readonly gen = 0,
  ) {}

  /** Parses the whole text as one JSON value, with nothing after it but whitespace. */
  parseDocument(): JsonNode {
    return this.parseValueFrom(0, true);
  }

  /**
   * Parses one value starting at `start`. When `whole`, the text must end after it (but for
   * whitespace); otherwise parsing stops where the value ends (its node's `end`).
   */
  parseValueFrom(start: number, whole: boolean): JsonNode {
    this.pos = start;
    const stack: Frame[] = [];
    let root: JsonNode | undefined;
    let mode: 'value' | 'key' | 'after' = 'value';
    const children: (JsonNode | JsonMember)[] = [];
    let childCount = 0;

    const attach = (node: JsonNode): void => {
      const top = stack[stack.length - 1];
      if (!top) {
        root = node;
      } else if (top.container.kind === 'object') {
        children[childCount++] = { key: top.key as JsonString, value: node };
        top.key = null;
      } else {
        children[childCount++] = node;
      }
    };

    for (;;) {
      this.skipWhitespace();
      if (mode === 'value') {
        const code = this.text.charCodeAt(this.pos);
        if (code === 123 /* { */ || code === 91 /* [ */) {
          if (stack.length + this.depthOffset >= MAX_NESTING_DEPTH) {
            throw new SyntaxFailure(
              `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; Docker's JSON decoder refuses it too`,
              this.pos,
            );
          }
          const start = this.pos++;
          this.skipWhitespace();
          if (code === 123) {
            const container: JsonObject = {
              kind: 'object',
              start,
              end: -1,
              gen: this.gen,
              members: [],
            };
            if (this.text.charCodeAt(this.pos) === 125 /* } */) {
              container.end = ++this.pos;
              attach(container);
              mode = 'after';
            } else {
              stack.push({ base: childCount, container, key: null });
              mode = 'key';
            }
          } else {
            const container: JsonArray = {
              kind: 'array',
              start,
              end: -1,
              gen: this.gen,
              items: [],
            };
            if (this.text.charCodeAt(this.pos) === 93 /* ] */) {
              container.end = ++this.pos;
              attach(container);
              mode = 'after';
            } else {
              stack.push({ base: childCount, container });
            }
          }
          continue;
        }
        attach(this.parseScalar());
        mode = 'after';
        continue;
      }

      if (mode === 'key') {
        if (this.text.charCodeAt(this.pos) !== CH_QUOTE) {
          throw this.unexpected('a member name in double quotes');
        }
        const key = this.parseString();
        (stack[stack.length - 1] as { key: JsonString | null }).key = key;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) !== 58 /* : */) {
          throw this.unexpected(`':' after the member name "${key.value}"`);
        }
        this.pos++;
        mode = 'value';
        continue;
      }

      // mode === 'after': a value just ended.
      const top = stack[stack.length - 1];
      if (!top) {
        if (whole && this.pos < this.text.length) {
          throw this.unexpected('nothing more: the JSON value has already ended');
        }
        return root as JsonNode;
      }
      const code = this.text.charCodeAt(this.pos);
      const isObject = top.container.kind === 'object';
      if (code === 44 /* , */) {
        this.pos++;
        this.skipWhitespace();
        const next = this.text.charCodeAt(this.pos);
        if ((isObject && next === 125) || (!isObject && next === 93)) {
          throw new SyntaxFailure(
            'Trailing comma: JSON allows no comma before a closing bracket',
            this.pos - 1,
          );
        }
        mode = isObject ? 'key' : 'value';
        continue;
      }
      if ((isObject && code === 125) || (!isObject && code === 93)) {
        const closed = children.slice(top.base, childCount);
        if (top.container.kind === 'object') top.container.members = closed as JsonMember[];
        else top.container.items = closed as JsonNode[];
        childCount = top.base;
        top.container.end = ++this.pos;
        stack.pop();
        attach(top.container);
        continue;
      }
      throw this.unexpected(isObject ? "',' or '}'" : "',' or ']'");
    }
  }

  private unexpected(expected: string): SyntaxFailure {
    return new SyntaxFailure(
      `Unexpected ${describeChar(this.text, this.pos)}: expected ${expected}`,
      this.pos,
    );
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === CH_SPACE || code === CH_LF || code === CH_CR || code === CH_TAB) pos++;
      else break;
    }
    this.pos = pos;
  }

  private parseScalar(): JsonNode {
    const code = this.text.charCodeAt(this.pos);
    if (code === CH_QUOTE) return this.parseString();
    if (code === 45 /* - */ || (code >= 48 && code <= 57)) return this.parseNumber();
    const start = this.pos;
    const text = this.text;
    if (code === 116 /* t */ && text.startsWith('true', start)) {
      this.pos += 4;
      return { kind: 'boolean', value: true, start, end: this.pos, gen: this.gen };
    }
    if (code === 102 /* f */ && text.startsWith('false', start)) {
      this.pos += 5;
      return { kind: 'boolean', value: false, start, end: this.pos, gen: this.gen };
    }
    if (code === 110 /* n */ && text.startsWith('null', start)) {
      this.pos += 4;
      return { kind: 'null', start, end: this.pos, gen: this.gen };
    }
    throw this.unexpected('a JSON value (object, array, string, number, true, false or null)');
  }

  private parseNumber(): JsonNumber {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    const isDigit = (at: number): boolean => {
      const c = text.charCodeAt(at);
      return c >= 48 && c <= 57;
    };
    if (text.charCodeAt(pos) === 45) pos++;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else if (isDigit(pos)) {
      while (isDigit(pos)) pos++;
    } else {
      this.pos = pos;
      throw this.unexpected('a digit after the minus sign');
    }
    if (text.charCodeAt(pos) === 46 /* . */) {
      pos++;
      if (!isDigit(pos)) {
        this.pos = pos;
        throw this.unexpected('a digit after the decimal point');
      }
      while (isDigit(pos)) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      if (!isDigit(pos)) {
        this.pos = pos;
        throw this.unexpected('a digit in the exponent');
      }
      while (isDigit(pos)) pos++;
    }
    this.pos = pos;
    return { kind: 'number', raw: text.slice(start, pos), start, end: pos, gen: this.gen };
  }

  private parseString(): JsonString {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let chunkStart = pos;
    let value = '';
    let hash = 0;
    // Most strings hold no surrogate at all: only those are checked for a lone one.
    let surrogate = false;
    for (;;) {
      if (pos >= text.length) {
        throw new SyntaxFailure('Unterminated string: the closing double quote is missing', start);
      }
      const code = text.charCodeAt(pos);
      if (code === CH_QUOTE) {
        this.pos = pos + 1;
        if (chunkStart === start + 1 && pos - chunkStart <= SHARED_STRING_MAX) {
          // No escape: the value is the text between the quotes.
          const slot = hash & (SHARED_SLOTS - 1);
          const candidate = this.shared[slot];
          if (
            candidate !== undefined &&
            candidate.length === pos - chunkStart &&
            text.startsWith(candidate, chunkStart)
          ) {
            value = candidate;
          } else {
            value = text.slice(chunkStart, pos);
            this.shared[slot] = value;
          }
        } else {
          value += text.slice(chunkStart, pos);
        }
        // Go decodes an unpaired surrogate (escaped, or from invalid UTF-8) as U+FFFD.
        if (surrogate && LONE_SURROGATE.test(value)) {
          value = value.replace(LONE_SURROGATE_ALL, '\uFFFD');
        }
        return { kind: 'string', value, start, end: this.pos, gen: this.gen };
      }
      if (code < 0x20) {
        this.pos = pos;
        throw new SyntaxFailure(
          `Unescaped ${describeChar(text, pos)} inside a string: write it as an escape such as \\n`,
          pos,
        );
      }
      if (code !== CH_BACKSLASH) {
        if (code >= 0xd800 && code <= 0xdfff) surrogate = true;
        hash = (Math.imul(hash, 31) + code) | 0;
        pos++;
        continue;
      }
      value += text.slice(chunkStart, pos);
      const escape = text.charCodeAt(pos + 1);
      const simple = SIMPLE_ESCAPES.get(escape);
      if (simple !== undefined) {
        value += simple;
        pos += 2;
      } else if (escape === 117 /* u */) {
        const digits = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(digits)) {
          throw new SyntaxFailure('Invalid \\u escape: it needs exactly four hex digits', pos);
        }
        const unit = parseInt(digits, 16);
        if (unit >= 0xd800 && unit <= 0xdfff) surrogate = true;
        value += String.fromCharCode(unit);
        pos += 6;
      } else {
        throw new SyntaxFailure(
          `Invalid escape \\${pos + 1 < text.length ? text[pos + 1] : ''} in a string`,
          pos,
        );
      }
      chunkStart = pos;
    }
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

const SIMPLE_ESCAPES = new Map<number, string>([
  [34, '"'],
  [92, '\\'],
  [47, '/'],
  [98, '\b'],
  [102, '\f'],
  [110, '\n'],
  [114, '\r'],
  [116, '\t'],
]);

/**
 * Maps offsets in a text to 1-based line and column numbers (columns count UTF-16 units). The
 * line starts are found on the first lookup: most parses of a large profile (one per keystroke)
 * never ask for a position, and indexing 60,000 lines cost about 2 ms each time.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    return starts;
  }

  /** The 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const lineStarts = this.lineStarts();
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return (this.lineStarts()[line - 1] ?? 0) + column - 1;
  }
}
