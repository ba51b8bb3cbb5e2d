import { describe, expect, it } from 'vitest';
import { defaultContext, DOCKER_DEFAULT_CAPABILITIES } from '../core/context.ts';
import { parseProfile } from '../core/parse.ts';
import { resolveProfile } from '../core/resolve.ts';
import { describeContext, summarizeProfile } from './profile-summary.ts';

function summarize(profile: object, context = defaultContext()) {
  const parsed = parseProfile(JSON.stringify(profile));
  const resolved = resolveProfile(parsed.profile, context);
  if (!resolved.ok || resolved.seccomp === null || parsed.profile === null) {
    throw new Error('the profile does not resolve');
  }
  return summarizeProfile(parsed.profile.syscalls ?? [], resolved.seccomp);
}

const PROFILE = {
  defaultAction: 'SCMP_ACT_ERRNO',
  defaultErrnoRet: 1,
  archMap: [
    { architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86', 'SCMP_ARCH_X32'] },
    { architecture: 'SCMP_ARCH_AARCH64', subArchitectures: ['SCMP_ARCH_ARM'] },
  ],
  syscalls: [
    { names: ['read', 'write', 'read'], action: 'SCMP_ACT_ALLOW' },
    { name: 'close', action: 'SCMP_ACT_ALLOW' },
    { names: ['kill'], action: 'SCMP_ACT_ERRNO', errnoRet: 1 },
    {
      names: ['personality'],
      action: 'SCMP_ACT_ALLOW',
      args: [{ index: 0, value: 0, op: 'SCMP_CMP_EQ' }],
    },
    {
      names: ['ptrace', 'process_vm_readv'],
      action: 'SCMP_ACT_ALLOW',
      includes: { minKernel: '4.8' },
    },
    { names: ['mount'], action: 'SCMP_ACT_ALLOW', includes: { caps: ['CAP_SYS_ADMIN'] } },
    {
      names: ['clone3'],
      action: 'SCMP_ACT_ERRNO',
      errnoRet: 38,
      excludes: { caps: ['CAP_SYS_ADMIN'] },
    },
  ],
};

describe('summarizeProfile', () => {
  it('counts rules, unconditional names and argument filters', () => {
    const summary = summarize(PROFILE);
    expect(summary.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(summary.defaultErrnoRet).toBe(1n);
    expect(summary.ruleCount).toBe(7);
    expect(summary.keptRuleCount).toBe(6);
    // read, write and close (legacy `name`), each once; not kill (errno) nor personality (args)
    expect(summary.unconditionalAllowCount).toBe(3);
    expect(summary.argumentRuleCount).toBe(1);
  });

  it('reports the architectures after resolution for the host', () => {
    expect(summarize(PROFILE).architectures).toEqual([
      'SCMP_ARCH_X86_64',
      'SCMP_ARCH_X86',
      'SCMP_ARCH_X32',
    ]);
    expect(summarize(PROFILE, defaultContext({ arch: 'arm64' })).architectures).toEqual([
      'SCMP_ARCH_AARCH64',
      'SCMP_ARCH_ARM',
    ]);
  });

  it('lists conditional rules in words, with whether Docker keeps them', () => {
    const summary = summarize(PROFILE, defaultContext({ kernel: { major: 4, minor: 4 } }));
    expect(summary.conditionalRules).toEqual([
      {
        index: 4,
        names: ['ptrace', 'process_vm_readv'],
        action: 'SCMP_ACT_ALLOW',
        errnoRet: undefined,
        conditions: ['kernel ≥ 4.8'],
        kept: false,
      },
      {
        index: 5,
        names: ['mount'],
        action: 'SCMP_ACT_ALLOW',
        errnoRet: undefined,
        conditions: ['with CAP_SYS_ADMIN'],
        kept: false,
      },
      {
        index: 6,
        names: ['clone3'],
        action: 'SCMP_ACT_ERRNO',
        errnoRet: 38n,
        conditions: ['without CAP_SYS_ADMIN'],
        kept: true,
      },
    ]);
  });
});

describe('describeContext', () => {
  const defaults = new Set(DOCKER_DEFAULT_CAPABILITIES);

  it('names Docker’s defaults as such', () => {
    expect(describeContext(defaultContext(), defaults)).toBe(
      'amd64, Docker’s default capabilities, kernel 7.1',
    );
  });

  it('counts other capability sets', () => {
    const context = defaultContext({ arch: 'arm64', caps: new Set(['CAP_SYS_ADMIN']) });
    expect(describeContext(context, defaults)).toBe('arm64, 1 capability, kernel 7.1');
  });
});
