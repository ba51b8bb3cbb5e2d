import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeProfile } from '../testing/large-profile.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { decodeShareFragment, encodeShareFragment, MAX_SHARE_FRAGMENT } from './share.ts';

describe('share links', () => {
  it("round-trip any text exactly, Docker's default in a few KiB", () => {
    const encoded = encodeShareFragment(dockerDefaultProfileText());
    expect(encoded.ok && encoded.fragment.length).toBeLessThan(6 * 1024);
    expect(encoded.ok && decodeShareFragment(`#${encoded.fragment}`)).toEqual({
      ok: true,
      text: dockerDefaultProfileText(),
    });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const result = encodeShareFragment(text);
        expect(result.ok && decodeShareFragment(result.fragment)).toEqual({ ok: true, text });
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('refuse a profile too large for a link, with a clear message', () => {
    const result = encodeShareFragment(generateLargeProfile(5_000));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/too large for a link.*32 KiB/);
    expect(MAX_SHARE_FRAGMENT).toBe(32 * 1024);
  });

  it('say when a fragment carries no profile, or a damaged one', () => {
    expect(decodeShareFragment('#q=ptrace')).toBeUndefined();
    expect(decodeShareFragment('#profile=AAAA')).toMatchObject({
      ok: false,
      error: expect.stringContaining('damaged'),
    });
    expect(decodeShareFragment('#profile=!!!')).toMatchObject({ ok: false });
  });
});
