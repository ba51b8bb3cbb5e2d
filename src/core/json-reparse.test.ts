import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeProfile } from '../testing/large-profile.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { placed } from '../testing/placed.ts';
import {
  MAX_NESTING_DEPTH,
  Offsets,
  parseJson,
  type JsonNode,
  type JsonParseResult,
} from './json.ts';
import { reparseJson } from './json-reparse.ts';
import { parseProfile } from './parse.ts';

/** Characters that change JSON's structure, or don't, in about equal measure. */
const EDIT_CHARS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  ' ',
  '\n',
  '\\',
  '0',
  '7',
  '-',
  'a',
  'x',
  'n',
  'u',
  'e',
];

const edit = (text: string) =>
  fc.record({
    at: fc.nat({ max: text.length }),
    removed: fc.nat({ max: 12 }),
    inserted: fc
      .array(fc.constantFrom(...EDIT_CHARS), { maxLength: 6 })
      .map((chars) => chars.join('')),
  });

function applyEdit(
  text: string,
  { at, removed, inserted }: { at: number; removed: number; inserted: string },
) {
  return text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
}

function rootOf(text: string): JsonNode {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`test input is not JSON: ${parsed.error.message}`);
  return parsed.root;
}

/** A parse result with every node at its place (see placed.ts), and offsets that say so. */
function placedResult(result: JsonParseResult | undefined): JsonParseResult | undefined {
  return result?.ok
    ? { ok: true, root: placed(result.root, result.offsets), offsets: Offsets.EXACT }
    : result;
}

/** The reparse either declines or gives exactly the whole parse's result, offsets and errors included. */
function expectSameAsWholeParse(before: string, after: string): boolean {
  const reread = reparseJson(before, rootOf(before), after);
  if (reread !== undefined) expect(placedResult(reread)).toEqual(parseJson(after));
  return reread !== undefined;
}

/** Every node in document order, flattened without recursion (a tree may nest 10,000 deep). */
function flatten(result: JsonParseResult | undefined): unknown[] {
  if (!result?.ok) return [result];
  const out: unknown[] = [];
  const pending: JsonNode[] = [result.root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { kind } = node;
    const [start, end] = [result.offsets.start(node), result.offsets.end(node)];
    if (node.kind === 'object') {
      out.push([kind, start, end, node.members.length]);
      for (const member of [...node.members].reverse()) pending.push(member.value, member.key);
    } else if (node.kind === 'array') {
      out.push([kind, start, end, node.items.length]);
      pending.push(...[...node.items].reverse());
    } else {
      out.push([
        kind,
        start,
        end,
        node.kind === 'number' ? node.raw : 'value' in node ? node.value : null,
      ]);
    }
  }
  return out;
}

describe('parsing an edited text again', () => {
  it('[PARSE-9] gives what parsing the whole text gives, for any edit of any JSON', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 2, '\t'))
          .map(([value, indent]) => JSON.stringify(value, null, indent))
          .chain((text) => fc.tuple(fc.constant(text), edit(text))),
        ([text, change]) => {
          expectSameAsWholeParse(text, applyEdit(text, change));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("[PARSE-9] gives what parsing the whole text gives, for edits of Docker's default profile", () => {
    const text = dockerDefaultProfileText();
    const root = rootOf(text);
    let reread = 0;
    fc.assert(
      fc.property(edit(text), (change) => {
        if (expectSameAsWholeParse(text, applyEdit(text, change))) reread += 1;
      }),
      { numRuns: 400 },
    );
    // Nearly every edit falls inside some rule: the shortcut must actually be taken.
    expect(reread).toBeGreaterThan(300);
    expect(root.kind).toBe('object');
  });

  it('[PARSE-9] reads only the container around the edit, sharing the nodes before it', () => {
    const before = generateLargeProfile(200);
    const root = rootOf(before);
    const itemsOf = (node: JsonNode) => {
      const syscalls =
        node.kind === 'object'
          ? node.members.find((member) => member.key.value === 'syscalls')?.value
          : undefined;
      if (syscalls?.kind !== 'array') throw new Error('no syscalls array');
      return syscalls.items;
    };
    // Typed into the names of a rule near the end.
    const at =
      before.indexOf('"', before.indexOf('[', before.lastIndexOf('"names"', before.length * 0.9))) +
      2;
    const after = `${before.slice(0, at)}x${before.slice(at)}`;
    const reread = reparseJson(before, root, after);
    expect(placedResult(reread)).toEqual(parseJson(after));
    if (!reread?.ok) throw new Error('not read again');
    // The rules before it are the previous tree's own nodes, not copies.
    const [was, now] = [itemsOf(root), itemsOf(reread.root)];
    for (let i = 0; i < 150; i++) expect(now[i]).toBe(was[i]);
    // Typed into the first rule: every rule after it is shared too, at its old offsets.
    const early = before.indexOf('"accept"') + 3;
    const typedEarly = `${before.slice(0, early)}x${before.slice(early)}`;
    const first = reparseJson(before, root, typedEarly);
    expect(placedResult(first)).toEqual(parseJson(typedEarly));
    if (!first?.ok) throw new Error('not read again');
    const shared = itemsOf(first.root);
    expect(shared[0]).not.toBe(was[0]);
    for (let i = 1; i < was.length; i++) expect(shared[i]).toBe(was[i]);
    expect(first.offsets.start(shared[1]!)).toBe(was[1]!.start + 1);
  });

  it('[PARSE-9] keeps every node at its place through a run of edits, each read against the last', () => {
    const bases = [
      dockerDefaultProfileText(),
      generateLargeProfile(30),
      '{"a": [[1, {"b": [2]}], [3]]}',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), edit('x'.repeat(12))), {
          minLength: 1,
          maxLength: 12,
        }),
        (base, changes) => {
          let text = base;
          let tree = parseJson(text);
          for (const [where, change] of changes) {
            if (!tree.ok) return;
            const after = applyEdit(text, { ...change, at: Math.floor(where * text.length) });
            const reread = reparseJson(text, tree.root, after, undefined, tree.offsets);
            const whole = parseJson(after);
            if (reread !== undefined) expect(placedResult(reread)).toEqual(whole);
            [text, tree] = [after, reread ?? whole];
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('[PARSE-9] parses the whole text again once a tree is many edits behind', () => {
    let text = generateLargeProfile(5);
    let tree = parseJson(text);
    let whole = 0;
    // Typing a character into the first rule and taking it out again, 100 times.
    const at = text.indexOf('"accept"') + 2;
    for (let i = 0; i < 200; i++) {
      if (!tree.ok) throw new Error('not JSON');
      const after = `${text.slice(0, at)}${i % 2 ? '' : 'x'}${text.slice(at + (i % 2))}`;
      const reread = reparseJson(text, tree.root, after, undefined, tree.offsets);
      if (reread === undefined) whole += 1;
      [text, tree] = [after, reread ?? parseJson(after)];
    }
    expect(tree.ok && tree.offsets.pending).toBeLessThanOrEqual(64);
    expect(whole).toBeGreaterThanOrEqual(3);
    expect(whole).toBeLessThanOrEqual(4);
  });

  it('[PARSE-9] reads a keystroke against the text it was typed into, not the last preview parsed', () => {
    const before = generateLargeProfile(203);
    const ruleAt = (text: string, index: number) => {
      const root = parseProfile(text).root;
      const syscalls =
        root?.kind === 'object' ? root.members.find((m) => m.key.value === 'syscalls') : undefined;
      return syscalls?.value.kind === 'array' ? syscalls.value.items[index] : undefined;
    };
    const insertAt = (text: string, at: number, what: string) =>
      `${text.slice(0, at)}${what}${text.slice(at)}`;
    const kept = ruleAt(before, 10);
    expect(kept).toBeDefined();
    // The page works out what flipping a switch would do (an edit near the top)…
    parseProfile(insertAt(before, before.indexOf('"names"') + 10, '"mount", '));
    // …then the person types near the end.
    const typed = insertAt(before, before.lastIndexOf('"action"') + 1, 'x');
    expect(ruleAt(typed, 10)).toBe(kept);
    const whole = parseJson(typed);
    const parsed = parseProfile(typed);
    expect(whole.ok && placed(parsed.root, parsed.offsets)).toEqual(whole.ok && whole.root);
  });

  it('[PARSE-9] declines an edit that touches the outermost brackets or replaces the whole text', () => {
    const before = '{"a": [1, 2]}';
    expect(reparseJson(before, rootOf(before), '{"a": [1, 2]} ')).toBeUndefined();
    expect(reparseJson(before, rootOf(before), '["a"]')).toBeUndefined();
    expect(reparseJson(before, rootOf(before), before)).toBeUndefined();
  });

  it('[PARSE-4] [PARSE-9] keeps the nesting limit and the stack safe deep inside a document', () => {
    const depth = MAX_NESTING_DEPTH;
    const before = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const root = rootOf(before);
    // One more level at the innermost point: too deep now, as the whole parse says.
    const tooDeep = `${'['.repeat(depth)}[1]${']'.repeat(depth)}`;
    const refused = reparseJson(before, root, tooDeep);
    expect(flatten(refused)).toEqual(flatten(parseJson(tooDeep)));
    expect(refused?.ok).toBe(false);
    // An edit near the top moves every node below it: read through the offsets, no recursion.
    const moved = `${'['.repeat(2)}0, ${before.slice(2)}`;
    expect(flatten(reparseJson(before, root, moved))).toEqual(flatten(parseJson(moved)));
  });
});
