/**
 * Test aid: a parse's output with every JSON node at its place in the parsed text, as parsing
 * the whole text makes it. A tree read again after an edit shares the nodes the edit left
 * alone at their old offsets (core/json.ts's Offsets); comparing it with a whole parse needs
 * both put in the same terms first.
 */
import type { JsonNode, Offsets } from '../core/json.ts';

function isJsonNode(value: object): value is JsonNode {
  const node = value as Partial<JsonNode>;
  return (
    typeof node.kind === 'string' && typeof node.gen === 'number' && typeof node.start === 'number'
  );
}

/**
 * A copy of `value` (a tree, a parse result, a decoded profile with its problems) in which
 * every JSON node has its offsets read through `offsets` and `gen` 0. Objects shared in
 * `value` stay shared in the copy. Iterative: a tree may nest 10,000 levels deep.
 */
export function placed<T>(value: T, offsets: Offsets): T {
  const copies = new Map<object, unknown>();
  const pending: (() => void)[] = [];
  const copy = (original: unknown): unknown => {
    if (typeof original !== 'object' || original === null) return original;
    const known = copies.get(original);
    if (known !== undefined) return known;
    if (original instanceof Map) {
      const map = new Map<unknown, unknown>();
      copies.set(original, map);
      pending.push(() => {
        for (const [key, entry] of original) map.set(key, copy(entry));
      });
      return map;
    }
    const out: Record<string, unknown> | unknown[] = Array.isArray(original) ? [] : {};
    copies.set(original, out);
    pending.push(() => {
      for (const [key, entry] of Object.entries(original)) {
        (out as Record<string, unknown>)[key] = copy(entry);
      }
      if (isJsonNode(original)) {
        Object.assign(out, {
          start: offsets.start(original),
          end: offsets.end(original),
          gen: 0,
        });
      }
    });
    return out;
  };
  const result = copy(value);
  for (let task = pending.pop(); task; task = pending.pop()) task();
  return result as T;
}
