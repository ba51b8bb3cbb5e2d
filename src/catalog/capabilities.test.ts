import { describe, expect, it } from 'vitest';

import {
  CAPABILITIES,
  CAPABILITY_BY_NAME,
  CAPABILITY_NAMES,
  DOCKER_DEFAULT_CAPS,
  isCapabilityName,
  normalizeCapName,
} from './capabilities.ts';

describe('capabilities', () => {
  it('lists the 41 capabilities numbered 0 to 40', () => {
    expect(CAPABILITIES).toHaveLength(41);
    expect(CAPABILITIES.map((cap) => cap.number)).toEqual([...Array(41).keys()]);
    expect(CAPABILITY_BY_NAME.CAP_CHOWN.number).toBe(0);
    expect(CAPABILITY_BY_NAME.CAP_NET_RAW.number).toBe(13);
    expect(CAPABILITY_BY_NAME.CAP_SYS_ADMIN.number).toBe(21);
    expect(CAPABILITY_BY_NAME.CAP_SYS_PTRACE.number).toBe(19);
    expect(CAPABILITY_BY_NAME.CAP_AUDIT_READ.number).toBe(37);
    expect(CAPABILITY_BY_NAME.CAP_PERFMON.number).toBe(38);
    expect(CAPABILITY_BY_NAME.CAP_BPF.number).toBe(39);
    expect(CAPABILITY_BY_NAME.CAP_CHECKPOINT_RESTORE.number).toBe(40);
  });

  it('describes each one briefly', () => {
    for (const cap of CAPABILITIES) {
      expect(cap.description.length, cap.name).toBeGreaterThan(10);
      expect(cap.description.length, cap.name).toBeLessThanOrEqual(140);
    }
  });

  it("has Docker's default set", () => {
    expect(DOCKER_DEFAULT_CAPS).toEqual([
      'CAP_CHOWN',
      'CAP_DAC_OVERRIDE',
      'CAP_FSETID',
      'CAP_FOWNER',
      'CAP_MKNOD',
      'CAP_NET_RAW',
      'CAP_SETGID',
      'CAP_SETUID',
      'CAP_SETFCAP',
      'CAP_SETPCAP',
      'CAP_NET_BIND_SERVICE',
      'CAP_SYS_CHROOT',
      'CAP_KILL',
      'CAP_AUDIT_WRITE',
    ]);
    for (const cap of DOCKER_DEFAULT_CAPS) expect(CAPABILITY_NAMES).toContain(cap);
  });
});

describe('normalizeCapName', () => {
  it('accepts the spellings users write', () => {
    expect(normalizeCapName('sys_admin')).toBe('CAP_SYS_ADMIN');
    expect(normalizeCapName('SYS_ADMIN')).toBe('CAP_SYS_ADMIN');
    expect(normalizeCapName('cap_sys_admin')).toBe('CAP_SYS_ADMIN');
    expect(normalizeCapName('CAP_SYS_ADMIN')).toBe('CAP_SYS_ADMIN');
    expect(normalizeCapName('  Cap_Net_Raw ')).toBe('CAP_NET_RAW');
  });

  it('rejects unknown names', () => {
    expect(normalizeCapName('')).toBeUndefined();
    expect(normalizeCapName('ALL')).toBeUndefined();
    expect(normalizeCapName('sys_admins')).toBeUndefined();
    expect(normalizeCapName('CAP_')).toBeUndefined();
    expect(normalizeCapName('toString')).toBeUndefined();
    expect(isCapabilityName('__proto__')).toBe(false);
  });
});
