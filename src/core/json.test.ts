import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, MAX_NESTING_DEPTH, parseJson, type JsonNode } from './json.ts';
import { parseProfile } from './parse.ts';

/** The tree as plain values, numbers read from their exact digits. */
function plain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.members.map(({ key, value }) => [key.value, plain(value)]));
    case 'array':
      return node.items.map(plain);
    case 'number':
      return Number(node.raw);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** What Go makes of a string with an unpaired surrogate in it (each becomes U+FFFD). */
function goString(value: string): string {
  return value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

function goValue(value: unknown): unknown {
  if (typeof value === 'string') return goString(value);
  if (Array.isArray(value)) return value.map(goValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [goString(k), goValue(v)]));
  }
  return value;
}

function syntaxError(text: string) {
  const result = parseProfile(text);
  expect(result.syntaxError).toBeDefined();
  return result.syntaxError!;
}

describe('JSON parsing', () => {
  it('[PARSE-1] refuses what Go refuses: comments, trailing commas, a BOM, raw control characters', () => {
    expect(syntaxError('{"a": 1, // x\n}').message).toMatch(/Unexpected '\/'/);
    expect(syntaxError('{"a": [1, 2,]}').message).toMatch(/Trailing comma/);
    expect(syntaxError('\uFEFF{}').message).toMatch(/byte-order mark/);
    expect(syntaxError('{"a": "x\ty"}').message).toMatch(/Unescaped control character U\+0009/);
    expect(syntaxError('{"a": 01}').message).toMatch(/expected ',' or '}'/);
    expect(syntaxError('{} {}').message).toMatch(/already ended/);
    expect(syntaxError('').message).toMatch(/end of input/);
  });

  it('[PARSE-2] gives line and column of a syntax error', () => {
    const error = syntaxError(
      '{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"syscalls": [\n\t\t{"names": ["read"] "action": 1}\n\t]\n}',
    );
    expect(error).toMatchObject({ line: 4, column: 22 });
    expect(error.message).toBe("Unexpected '\"': expected ',' or '}'");
    expect(syntaxError('G{}')).toMatchObject({ line: 1, column: 1 });
  });

  it('[PARSE-3] keeps the exact digits of every number', () => {
    const result = parseJson('[18446744073709551615, 9007199254740993, -0, 1.5e3]');
    expect(
      result.ok &&
        result.root.kind === 'array' &&
        result.root.items.map((n) => (n.kind === 'number' ? n.raw : '')),
    ).toEqual(['18446744073709551615', '9007199254740993', '-0', '1.5e3']);
  });

  it('[PARSE-3] decodes escapes, surrogate pairs and keeps offsets', () => {
    const text = '{"k\\u00e9y": "\\ud83d\\ude00\\n\\"", "b": true}';
    const result = parseJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok || result.root.kind !== 'object') return;
    expect(result.root.members[0]!.key.value).toBe('kéy');
    const value = result.root.members[0]!.value;
    expect(value).toMatchObject({ kind: 'string', value: '😀\n"' });
    expect(text.slice(value.start, value.end)).toBe('"\\ud83d\\ude00\\n\\""');
  });

  it('[PARSE-3] reads a lone surrogate, escaped or raw, as U+FFFD (as Go does) and keeps pairs', () => {
    const cases: [string, string][] = [
      ['"\\ud800read"', '\uFFFDread'],
      ['"a\\udc00"', 'a\uFFFD'],
      ['"\ud800x\udc00"', '\uFFFDx\uFFFD'],
      ['"\ud83d\ude00"', '😀'],
      ['"\\ud83d\\ude00 and \\ud83d"', '😀 and \uFFFD'],
      ['"plain"', 'plain'],
    ];
    for (const [text, expected] of cases) {
      const result = parseJson(text);
      expect(result.ok && result.root.kind === 'string' && result.root.value).toBe(expected);
    }
  });

  it('[PARSE-3] reads every JSON value as JSON.parse does, whatever the spacing', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(undefined, 0, 2, '\t'),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent);
          const result = parseJson(text);
          expect(result.ok).toBe(true);
          if (result.ok) expect(plain(result.root)).toEqual(goValue(JSON.parse(text)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('[PARSE-3] keeps thousands of distinct short strings apart (one copy per spelling is shared)', () => {
    // More spellings of one length than the parser has slots for sharing them: every kind of
    // collision between them, and each spelling repeated, escaped or not.
    const words = Array.from(
      { length: 5000 },
      (_, i) => `w${(i * 7919).toString(36).padStart(5, '0')}`,
    );
    const text = JSON.stringify([...words, ...words.slice().reverse()]).replace(
      /"w0/g,
      '"w\\u0030',
    );
    const result = parseJson(text);
    expect(result.ok && result.root.kind === 'array').toBe(true);
    if (result.ok) expect(plain(result.root)).toEqual([...words, ...words.slice().reverse()]);
  });

  it('[PARSE-4] refuses nesting deeper than Go allows, without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseJson(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain(`${MAX_NESTING_DEPTH} levels`);
      expect(result.error.offset).toBe(MAX_NESTING_DEPTH);
    }
    const allowed = '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH);
    expect(parseJson(allowed).ok).toBe(true);
  });

  it('maps offsets to lines and columns and back', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 2 });
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
    expect(index.offset(4, 2)).toBe(8);
  });
});
