import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeViewState, encodeViewState, sameView } from './url-state.ts';

describe('URL state', () => {
  it('leaves the default view out of the URL', () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe('');
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW);
    expect(decodeViewState('?')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every field in a fixed, readable order', () => {
    const view = {
      ...DEFAULT_VIEW,
      q: 'address family',
      status: 'blocked' as const,
      category: 'network' as const,
      capability: 'CAP_SYS_ADMIN',
      arch: 'arm64' as const,
      capAdd: ['CAP_SYS_ADMIN', 'CAP_BPF'],
      capDrop: ['CAP_NET_RAW'],
      privileged: true,
      kernel: { major: 5, minor: 15 },
    };
    const search = encodeViewState(view);
    expect(search).toBe(
      '?q=address+family&status=blocked&cat=network&cap=CAP_SYS_ADMIN&arch=arm64' +
        '&cap-add=CAP_SYS_ADMIN,CAP_BPF&cap-drop=CAP_NET_RAW&privileged=1&kernel=5.15',
    );
    expect(decodeViewState(search)).toEqual(view);
  });

  it('reads the spellings people write: docker run names, aliases, repeated keys', () => {
    const view = decodeViewState(
      '?cap-add=sys_admin&cap-add=CAP_BPF,bpf&cap-drop=ALL&arch=x86_64&kernel=5.15.0-91-generic&cap=sys_ptrace',
    );
    expect(view.capAdd).toEqual(['CAP_SYS_ADMIN', 'CAP_BPF']);
    expect(view.capDrop).toEqual(['ALL']);
    expect(view.arch).toBe('amd64');
    expect(view.kernel).toEqual({ major: 5, minor: 15 });
    expect(view.capability).toBe('CAP_SYS_PTRACE');
  });

  it('drops values that make no sense instead of trusting them', () => {
    const view = decodeViewState(
      '?status=weird&cat=nope&cap=CAP_NOPE&arch=vax&kernel=0.0&cap-add=CAP_NOPE&privileged=maybe',
    );
    expect(view).toEqual(DEFAULT_VIEW);
    expect(decodeViewState('?kernel=999.1').kernel).toEqual(DEFAULT_VIEW.kernel);
    expect(decodeViewState(`?q=${'x'.repeat(500)}`).q).toHaveLength(200);
  });

  it('keeps search text exactly, including characters URLs escape', () => {
    for (const q of ['a&b=c', '50% #1', 'ünïcode', 'plus+sign', 'CAP_SYS_ADMIN']) {
      expect(decodeViewState(encodeViewState({ ...DEFAULT_VIEW, q })).q).toBe(q);
    }
    expect(encodeViewState({ ...DEFAULT_VIEW, q: '   ' })).toBe('');
  });

  it('compares views as the URL shows them', () => {
    expect(sameView(DEFAULT_VIEW, { ...DEFAULT_VIEW, q: ' ' })).toBe(true);
    expect(sameView(DEFAULT_VIEW, { ...DEFAULT_VIEW, status: 'changed' })).toBe(false);
  });
});
