import { describe, expect, it } from 'vitest';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { decideOpen, MAX_OPEN_BYTES } from './open-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decideOpen', () => {
  it('loads a profile exactly as written', async () => {
    const text = dockerDefaultProfileText() + '\n\n';
    expect(await decideOpen('a.json', bytes(text))).toEqual({ kind: 'load', text });
  });
  it('refuses broken JSON with where, offering the text for repair', async () => {
    const decision = await decideOpen('b.json', bytes('G{}'));
    expect(decision.kind).toBe('refuse');
    expect(decision).toMatchObject({ text: 'G{}' });
    if (decision.kind === 'refuse') expect(decision.message).toContain('line 1, column 1');
  });
  it('refuses invalid UTF-8 and NUL bytes', async () => {
    const bad = await decideOpen('c.bin', new Uint8Array([0xff, 0xfe, 0x41]));
    expect(bad).toMatchObject({ kind: 'refuse' });
    if (bad.kind === 'refuse') expect(bad.message).toContain('not a text file');
    const nul = await decideOpen('d.bin', bytes('{"a":\u00001}'));
    if (nul.kind === 'refuse') expect(nul.message).toContain('not a text file');
    expect(nul.kind).toBe('refuse');
  });
  it('refuses files over the limit, naming it', async () => {
    const big = await decideOpen('e.json', new Uint8Array(MAX_OPEN_BYTES + 1));
    expect(big.kind).toBe('refuse');
    if (big.kind === 'refuse') expect(big.message).toContain('16 MiB');
  });
});
