import { describe, expect, it } from 'vitest';
import { dockerDefaultProfileText } from '../../core/docker-default.ts';
import { parseJson } from '../../core/json.ts';
import { parseProfile } from '../../core/parse.ts';
import { generateLargeProfile } from '../../testing/large-profile.ts';
import { cursorPlace } from './json-location.ts';
import { containerAround } from './known-container.ts';

function rootOf(text: string) {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.root;
}

describe('reading the cursor place from the rule around it', () => {
  it('finds the same place as reading the whole text, at every offset', () => {
    // Rules with args, filters and comments, indented and on one line (every offset), and
    // Docker's default (every fifth).
    const texts: [string, number][] = [
      [generateLargeProfile(24), 1],
      [JSON.stringify(JSON.parse(generateLargeProfile(12))), 1],
      [dockerDefaultProfileText(), 5],
    ];
    let helped = 0;
    for (const [text, step] of texts) {
      const root = rootOf(text);
      for (let offset = 0; offset <= text.length; offset += step) {
        const around = containerAround(root, offset);
        if (around) helped += 1;
        expect(cursorPlace(text, offset, around)).toEqual(cursorPlace(text, offset));
      }
    }
    expect(helped).toBeGreaterThan(5_000);
  });

  it('[PARSE-9] reads the nodes an edit left at their old offsets through the parse', () => {
    const text = generateLargeProfile(24);
    const at = text.indexOf('"accept"') + 2;
    const edited = `${text.slice(0, at)}xyz${text.slice(at)}`;
    parseProfile(text);
    const chained = parseProfile(edited);
    expect(chained.offsets.pending).toBeGreaterThan(0);
    const fresh = rootOf(edited);
    for (let offset = 0; offset <= edited.length; offset += 7) {
      expect(containerAround(chained.root!, offset, chained.offsets)).toEqual(
        containerAround(fresh, offset),
      );
    }
  });

  it('gives the rule around an offset with its path', () => {
    const text = '{"syscalls": [{"names": ["a"]}, {"names": ["b"]}], "x": [1]}';
    const root = rootOf(text);
    const at = text.indexOf('"b"');
    expect(containerAround(root, at)).toEqual({
      start: text.indexOf('{"names": ["b"]'),
      end: text.indexOf('], "x"'),
      path: ['syscalls', 1],
    });
    // Between two rules: the syscalls array alone.
    expect(containerAround(root, text.indexOf(', {"names": ["b"]'))?.path).toEqual(['syscalls']);
    // On a bracket, or outside every container below the root: nothing.
    expect(containerAround(root, text.indexOf('{"names": ["a"]'))?.path).toEqual(['syscalls']);
    expect(containerAround(root, 1)).toBeUndefined();
  });
});
