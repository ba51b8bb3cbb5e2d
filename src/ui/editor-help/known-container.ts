/**
 * The object or array around an offset, found in the engine's parse of the same text: where
 * the editor's help can start reading instead of the start of the text (json-location.ts).
 */
import { childAt, lastChildBefore, Offsets, type JsonNode } from '../../core/json.ts';
import type { KnownContainer } from './json-location.ts';

/**
 * The innermost container around `offset` (strictly between its brackets), at most `depth`
 * levels below the root: a profile's rules are two levels down (`syscalls`, then the rule).
 *
 * @param root - the parsed tree of the text the offset is in
 * @param offset - an offset in that text
 * @param offsets - where the tree's nodes are in that text (the parse's `offsets`)
 * @param depth - how far down to look
 * @returns its span and path, or undefined when the offset is in no container below the root
 */
export function containerAround(
  root: JsonNode,
  offset: number,
  offsets: Offsets = Offsets.EXACT,
  depth = 2,
): KnownContainer | undefined {
  let found: KnownContainer | undefined;
  let node: JsonNode = root;
  const path: (string | number)[] = [];
  for (let level = 0; level < depth; level++) {
    const next = childAround(node, offset, offsets);
    if (!next) break;
    path.push(next.step);
    node = next.child;
    found = { start: offsets.start(node), end: offsets.end(node), path: [...path] };
  }
  return found;
}

function inside(node: JsonNode, offset: number, offsets: Offsets): boolean {
  return (
    (node.kind === 'object' || node.kind === 'array') &&
    offsets.start(node) < offset &&
    offset < offsets.end(node)
  );
}

/** The container child around the offset, with its key or index. */
function childAround(
  node: JsonNode,
  offset: number,
  offsets: Offsets,
): { child: JsonNode; step: string | number } | undefined {
  if (node.kind !== 'object' && node.kind !== 'array') return undefined;
  const index = lastChildBefore(node, offset, offsets);
  if (index < 0) return undefined;
  const child = childAt(node, index);
  if (!inside(child, offset, offsets)) return undefined;
  return { child, step: node.kind === 'object' ? node.members[index]!.key.value : index };
}
