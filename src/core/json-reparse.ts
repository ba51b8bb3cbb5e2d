/**
 * Parsing an edited document again without reading all of it: a keystroke into a megabyte
 * profile changes a few characters inside one rule, and reading the whole text again for it
 * took most of the keystroke's time.
 *
 * The innermost object or array whose brackets the edit left in place is read again on its own;
 * the nodes before it are shared with the previous tree, and those after it are copied with
 * their offsets moved by the edit's change in length. JSON's grammar has no context beyond the
 * enclosing containers, so when the text before the container is unchanged and the container
 * read on its own ends exactly where its closing bracket now is, the whole document's parse
 * would have built the same nodes: the result equals {@link parseJson}'s, offsets included.
 */
import {
  childAt,
  lastChildBefore,
  parseJsonValueAt,
  type JsonArray,
  type JsonMember,
  type JsonNode,
  type JsonObject,
  type JsonParseResult,
} from './json.ts';
import { minimalEdit, type TextEdit } from './text-edits.ts';

type JsonContainer = JsonObject | JsonArray;

/**
 * The largest share of the text that may follow the container read again: every node there
 * is copied, and in Chromium copying a whole tree cost more than parsing it (six keystrokes
 * into the first rule of a 0.8 MB profile: 174-255 ms copying against 141-172 ms parsing, on
 * a slow machine). Beyond this share the whole text is parsed instead.
 */
const MOST_MOVED = 0.75;

/** The changed characters: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function changedSpan({ start, end, newText }: TextEdit): ChangedSpan {
  return { start, oldEnd: end, newEnd: start + newText.length };
}

function isContainer(node: JsonNode): node is JsonContainer {
  return node.kind === 'object' || node.kind === 'array';
}

/** Whether the span lies strictly between the container's brackets, leaving both in place. */
function encloses(node: JsonNode, span: ChangedSpan): node is JsonContainer {
  return isContainer(node) && node.start < span.start && node.end - 1 >= span.oldEnd;
}

/** A node (not its children) at offsets moved by `delta`, shaped as the parser shapes it. */
function movedShallow(node: JsonNode, delta: number): JsonNode {
  const start = node.start + delta;
  const end = node.end + delta;
  switch (node.kind) {
    case 'object':
      return { kind: 'object', start, end, members: node.members };
    case 'array':
      return { kind: 'array', start, end, items: node.items };
    case 'string':
      return { kind: 'string', value: node.value, start, end };
    case 'number':
      return { kind: 'number', raw: node.raw, start, end };
    case 'boolean':
      return { kind: 'boolean', value: node.value, start, end };
    case 'null':
      return { kind: 'null', start, end };
  }
}

/**
 * Copies subtrees at offsets moved by `delta`. Iterative, like the parser (a hostile document
 * nests 10,000 levels deep), with one work list for all the subtrees a reparse moves: a large
 * profile's rules are thousands of small subtrees.
 */
class Mover {
  private readonly pending: JsonContainer[] = [];

  constructor(private readonly delta: number) {}

  /** A copy of the subtree, its containers' children still to be copied by {@link finish}. */
  node(node: JsonNode): JsonNode {
    const copy = movedShallow(node, this.delta);
    if (copy.kind === 'object' || copy.kind === 'array') this.pending.push(copy);
    return copy;
  }

  member(member: JsonMember): JsonMember {
    const { key } = member;
    const delta = this.delta;
    return {
      key: { kind: 'string', value: key.value, start: key.start + delta, end: key.end + delta },
      value: this.node(member.value),
    };
  }

  /** Copies the children of every container copied so far, and theirs. */
  finish(): void {
    const pending = this.pending;
    for (let container = pending.pop(); container; container = pending.pop()) {
      // Copies of exactly their length, as the parser makes them (arrays grown by push keep
      // spare room, which made the copied tree a third larger than the parsed one).
      if (container.kind === 'object') {
        const members = container.members.slice();
        for (let i = 0; i < members.length; i++) members[i] = this.member(members[i] as JsonMember);
        container.members = members;
      } else {
        const items = container.items.slice();
        for (let i = 0; i < items.length; i++) items[i] = this.node(items[i] as JsonNode);
        container.items = items;
      }
    }
  }
}

/** The container with its child at `index` replaced and the children after it moved. */
function withChild(
  container: JsonContainer,
  index: number,
  child: JsonNode,
  mover: Mover,
  delta: number,
): JsonContainer {
  const end = container.end + delta;
  if (container.kind === 'object') {
    const members = container.members.slice();
    members[index] = { key: (members[index] as JsonMember).key, value: child };
    for (let at = index + 1; at < members.length; at++) {
      members[at] = mover.member(members[at] as JsonMember);
    }
    return { kind: 'object', start: container.start, end, members };
  }
  const items = container.items.slice();
  items[index] = child;
  for (let at = index + 1; at < items.length; at++) items[at] = mover.node(items[at] as JsonNode);
  return { kind: 'array', start: container.start, end, items };
}

/**
 * Parses `text`, an edit of `previous`, reading again only the innermost object or array
 * around the changed characters.
 *
 * @param previous - the text before the edit, which parsed as `previousRoot`
 * @param previousRoot - its tree (shared by the result where the edit left it alone: never
 *   mutate either)
 * @param text - the text after the edit
 * @param edit - the change from `previous` to `text`, when the caller has worked it out
 * @returns exactly what `parseJson(text)` returns, or `undefined` when the edit reaches outside
 *   every container or lies so near the start that parsing it all is cheaper (the caller then
 *   parses the whole text)
 */
export function reparseJson(
  previous: string,
  previousRoot: JsonNode,
  text: string,
  edit: TextEdit = minimalEdit(previous, text),
): JsonParseResult | undefined {
  const span = changedSpan(edit);
  if (!encloses(previousRoot, span)) return undefined;
  const ancestors: { container: JsonContainer; index: number }[] = [];
  let target: JsonContainer = previousRoot;
  for (;;) {
    const index = lastChildBefore(target, span.start);
    const child = index >= 0 ? childAt(target, index) : undefined;
    if (!child || !encloses(child, span)) break;
    ancestors.push({ container: target, index });
    target = child;
  }
  if (previous.length - target.end > MOST_MOVED * previous.length) return undefined;
  const delta = span.newEnd - span.oldEnd;
  const reread = parseJsonValueAt(text, target.start, ancestors.length);
  if (!reread.ok) return reread;
  // Ending anywhere else, the container would not be the same container in the new text.
  if (reread.root.end !== target.end + delta) return undefined;
  const mover = new Mover(delta);
  let node: JsonNode = reread.root;
  for (let level = ancestors.length - 1; level >= 0; level--) {
    const { container, index } = ancestors[level] as (typeof ancestors)[number];
    node = withChild(container, index, node, mover, delta);
  }
  mover.finish();
  return { ok: true, root: node };
}
