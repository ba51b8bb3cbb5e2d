/**
 * Parsing an edited document again without reading all of it: a keystroke into a megabyte
 * profile changes a few characters inside one rule, and reading the whole text again for it
 * took most of the keystroke's time.
 *
 * The innermost object or array whose brackets the edit left in place is read again on its own;
 * its ancestors are made anew, and every other node is shared with the previous tree, those
 * after the edit at their old offsets: the new tree's {@link Offsets} move them. JSON's grammar
 * has no context beyond the enclosing containers, so when the text before the container is
 * unchanged and the container read on its own ends exactly where its closing bracket now is,
 * the whole document's parse would have built the same nodes: the result equals
 * {@link parseJson}'s, offsets included (read through the result's offsets).
 */
import {
  childAt,
  lastChildBefore,
  Offsets,
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
 * The most edits a tree's shared nodes may be behind by: each read of a node's place walks
 * them. Past this, the whole text is parsed again (every node at its place).
 */
const MOST_PENDING_EDITS = 64;

/** Numbers the reparses: a node made by one is at its new offsets for that edit and before. */
let lastGen = 0;

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
function encloses(node: JsonNode, span: ChangedSpan, offsets: Offsets): node is JsonContainer {
  return (
    isContainer(node) && offsets.start(node) < span.start && offsets.end(node) - 1 >= span.oldEnd
  );
}

/**
 * The container with its child at `index` replaced, made by reparse `gen` at its place in the
 * new text; the other children are shared.
 */
function withChild(
  container: JsonContainer,
  index: number,
  child: JsonNode,
  start: number,
  end: number,
  gen: number,
): JsonContainer {
  if (container.kind === 'object') {
    const members = container.members.slice();
    members[index] = { key: (members[index] as JsonMember).key, value: child };
    return { kind: 'object', start, end, gen, members };
  }
  const items = container.items.slice();
  items[index] = child;
  return { kind: 'array', start, end, gen, items };
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
 * @param previousOffsets - where `previousRoot`'s nodes are in `previous`
 * @returns what `parseJson(text)` returns (the same tree once its nodes are read through the
 *   result's offsets), or `undefined` when the edit reaches outside every container or the
 *   previous tree is already many edits behind (the caller then parses the whole text)
 */
export function reparseJson(
  previous: string,
  previousRoot: JsonNode,
  text: string,
  edit: TextEdit = minimalEdit(previous, text),
  previousOffsets: Offsets = Offsets.EXACT,
): JsonParseResult | undefined {
  if (previousOffsets.pending >= MOST_PENDING_EDITS) return undefined;
  const span = changedSpan(edit);
  if (!encloses(previousRoot, span, previousOffsets)) return undefined;
  const ancestors: { container: JsonContainer; index: number }[] = [];
  let target: JsonContainer = previousRoot;
  for (;;) {
    const index = lastChildBefore(target, span.start, previousOffsets);
    const child = index >= 0 ? childAt(target, index) : undefined;
    if (!child || !encloses(child, span, previousOffsets)) break;
    ancestors.push({ container: target, index });
    target = child;
  }
  const delta = span.newEnd - span.oldEnd;
  const gen = ++lastGen;
  const reread = parseJsonValueAt(text, previousOffsets.start(target), ancestors.length, gen);
  if (!reread.ok) return reread;
  // Ending anywhere else, the container would not be the same container in the new text.
  if (reread.root.end !== previousOffsets.end(target) + delta) return undefined;
  let node: JsonNode = reread.root;
  for (let level = ancestors.length - 1; level >= 0; level--) {
    const { container, index } = ancestors[level] as (typeof ancestors)[number];
    const start = previousOffsets.start(container);
    const end = previousOffsets.end(container) + delta;
    node = withChild(container, index, node, start, end, gen);
  }
  return { ok: true, root: node, offsets: previousOffsets.followedBy(gen, span.oldEnd, delta) };
}
