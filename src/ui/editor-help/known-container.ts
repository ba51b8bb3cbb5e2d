/**
 * The object or array around an offset, found in the engine's parse of the same text: where
 * the editor's help can start reading instead of the start of the text (json-location.ts).
 */
import { childAt, lastChildBefore, type JsonNode } from '../../core/json.ts';
import type { KnownContainer } from './json-location.ts';

/**
 * The innermost container around `offset` (strictly between its brackets), at most `depth`
 * levels below the root: a profile's rules are two levels down (`syscalls`, then the rule).
 *
 * @param root - the parsed tree of the text the offset is in
 * @param offset - an offset in that text
 * @param depth - how far down to look
 * @returns its span and path, or undefined when the offset is in no container below the root
 */
export function containerAround(
  root: JsonNode,
  offset: number,
  depth = 2,
): KnownContainer | undefined {
  let found: KnownContainer | undefined;
  let node: JsonNode = root;
  const path: (string | number)[] = [];
  for (let level = 0; level < depth; level++) {
    const next = childAround(node, offset);
    if (!next) break;
    path.push(next.step);
    node = next.child;
    found = { start: node.start, end: node.end, path: [...path] };
  }
  return found;
}

function inside(node: JsonNode, offset: number): boolean {
  return (
    (node.kind === 'object' || node.kind === 'array') && node.start < offset && offset < node.end
  );
}

/** The container child around the offset, with its key or index. */
function childAround(
  node: JsonNode,
  offset: number,
): { child: JsonNode; step: string | number } | undefined {
  if (node.kind !== 'object' && node.kind !== 'array') return undefined;
  const index = lastChildBefore(node, offset);
  if (index < 0) return undefined;
  const child = childAt(node, index);
  if (!inside(child, offset)) return undefined;
  return { child, step: node.kind === 'object' ? node.members[index]!.key.value : index };
}
