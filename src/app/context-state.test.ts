import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES } from '../core/context.ts';
import {
  capabilitiesFor,
  contextKey,
  describeCapabilities,
  dockerRunFlags,
  setCapability,
  stableContextFor,
} from './context-state.ts';
import { DEFAULT_VIEW } from './url-state.ts';

describe('context from the view', () => {
  it('builds the capability set as docker run does', () => {
    expect(capabilitiesFor(DEFAULT_VIEW).size).toBe(14);
    expect(capabilitiesFor({ ...DEFAULT_VIEW, privileged: true }).size).toBe(
      ALL_CAPABILITIES.length,
    );
    const view = { ...DEFAULT_VIEW, capAdd: ['CAP_SYS_ADMIN'], capDrop: ['CAP_NET_RAW'] };
    const caps = capabilitiesFor(view);
    expect(caps.has('CAP_SYS_ADMIN')).toBe(true);
    expect(caps.has('CAP_NET_RAW')).toBe(false);
    expect(capabilitiesFor({ ...DEFAULT_VIEW, capDrop: ['ALL'], capAdd: ['CAP_KILL'] })).toEqual(
      new Set(['CAP_KILL']),
    );
  });

  it('turns one capability on or off with the fewest flags', () => {
    expect(setCapability(DEFAULT_VIEW, 'CAP_SYS_ADMIN', true)).toEqual({
      capAdd: ['CAP_SYS_ADMIN'],
      capDrop: [],
    });
    expect(setCapability(DEFAULT_VIEW, 'CAP_NET_RAW', false)).toEqual({
      capAdd: [],
      capDrop: ['CAP_NET_RAW'],
    });
    const added = { ...DEFAULT_VIEW, capAdd: ['CAP_SYS_ADMIN'] };
    expect(setCapability(added, 'CAP_SYS_ADMIN', false)).toEqual({ capAdd: [], capDrop: [] });
    const dropped = { ...DEFAULT_VIEW, capDrop: ['CAP_NET_RAW'] };
    expect(setCapability(dropped, 'CAP_NET_RAW', true)).toEqual({ capAdd: [], capDrop: [] });
    expect(setCapability(DEFAULT_VIEW, 'CAP_KILL', true)).toEqual({ capAdd: [], capDrop: [] });
    const all = { ...DEFAULT_VIEW, capAdd: ['ALL'] };
    expect(setCapability(all, 'CAP_BPF', false)).toEqual({ capAdd: ['ALL'], capDrop: ['CAP_BPF'] });
  });

  it('says the set in words and as docker run flags', () => {
    expect(describeCapabilities(DEFAULT_VIEW)).toBe('Docker’s default (14)');
    const view = { ...DEFAULT_VIEW, capAdd: ['CAP_SYS_ADMIN'], capDrop: ['CAP_NET_RAW'] };
    expect(describeCapabilities(view)).toBe('default +SYS_ADMIN −NET_RAW');
    expect(dockerRunFlags(view)).toBe('--cap-add SYS_ADMIN --cap-drop NET_RAW');
    expect(dockerRunFlags({ ...DEFAULT_VIEW, privileged: true })).toBe('--privileged');
    expect(describeCapabilities({ ...DEFAULT_VIEW, privileged: true })).toBe('privileged (all 41)');
  });

  it('gives the same context object for the same context', () => {
    const a = stableContextFor({ ...DEFAULT_VIEW, capAdd: ['CAP_BPF'] });
    const b = stableContextFor({ ...DEFAULT_VIEW, capAdd: ['CAP_BPF'] });
    expect(a).toBe(b);
    expect(contextKey(a)).not.toBe(contextKey(stableContextFor(DEFAULT_VIEW)));
  });
});
