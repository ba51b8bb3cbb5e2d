import { describe, expect, it } from 'vitest';
import { defaultContext } from './context.ts';
import { diffProfiles } from './diff.ts';
import { dockerDefaultProfile, dockerDefaultProfileText } from './docker-default.ts';
import { explainSyscall } from './explain.ts';
import { evaluateSyscall, verdictFor } from './outcome.ts';
import { parseProfile } from './parse.ts';
import { resolveProfile } from './resolve.ts';

const explain = (syscall: string, overrides = {}) =>
  explainSyscall(dockerDefaultProfile(), syscall, defaultContext(overrides));
const verdictOf = (text: string, syscall: string) =>
  verdictFor(parseProfile(text).profile, defaultContext(), syscall);

describe('outcome of a syscall', () => {
  it('[OUTCOME-1] a rule with the default action (and errno) is skipped, as runc does', () => {
    const text =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}';
    expect(verdictOf(text, 'read')).toMatchObject({
      kind: 'decided',
      effect: { action: 'SCMP_ACT_ALLOW' },
    });
    expect(
      verdictOf(
        '{"defaultAction": "SCMP_ACT_KILL_THREAD", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_KILL"}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}',
        'read',
      ),
    ).toMatchObject({ effect: { action: 'SCMP_ACT_ALLOW' } });
  });

  it('[OUTCOME-2] the first unconditional rule wins; an unconditional one replaces earlier conditional ones', () => {
    const first =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_KILL"}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}';
    expect(verdictOf(first, 'read')).toMatchObject({ effect: { action: 'SCMP_ACT_KILL_THREAD' } });
    const replaced =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]}, {"names": ["read"], "action": "SCMP_ACT_LOG"}]}';
    expect(verdictOf(replaced, 'read')).toMatchObject({
      kind: 'decided',
      effect: { action: 'SCMP_ACT_LOG' },
    });
  });

  it('[OUTCOME-3] conditions on one argument are ORed, on different arguments ANDed', () => {
    const text =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}, {"index": 0, "value": 2, "op": "SCMP_CMP_EQ"}, {"index": 1, "value": 3, "op": "SCMP_CMP_EQ"}]}, {"names": ["write"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}, {"index": 1, "value": 2, "op": "SCMP_CMP_EQ"}]}]}';
    const read = verdictOf(text, 'read');
    const write = verdictOf(text, 'write');
    expect(read.kind === 'conditional' && read.branches.map((b) => b.conditions.length)).toEqual([
      1, 1, 1,
    ]);
    expect(write.kind === 'conditional' && write.branches.map((b) => b.conditions.length)).toEqual([
      2,
    ]);
  });

  it('[RESOLVE-1] no filter means unconfined', () => {
    const resolved = resolveProfile(parseProfile('{}').profile, defaultContext());
    expect(resolved.ok && evaluateSyscall(resolved.seccomp, 'mount')).toEqual({
      kind: 'unconfined',
    });
  });
});

describe("explain on Docker's default", () => {
  it('[EXPLAIN-1] [EXPLAIN-2] ptrace: allowed by the kernel 4.8 rule, with its place in the JSON', () => {
    const e = explain('ptrace');
    expect(e.status).toBe('Allowed');
    expect(e.rule).toMatchObject({ index: 1, path: '$.syscalls[1]' });
    expect(e.rule!.line).toBeGreaterThan(400);
  });

  it('[EXPLAIN-3] what would change it', () => {
    expect(explain('ptrace').alternatives).toContainEqual({
      change: 'on kernels before 4.8',
      status: 'Blocked (EPERM)',
    });
    expect(explain('ptrace', { kernel: { major: 4, minor: 4 } }).alternatives).toEqual(
      expect.arrayContaining([
        { change: 'with CAP_SYS_PTRACE', status: 'Allowed' },
        { change: 'on kernel ≥ 4.8', status: 'Allowed' },
      ]),
    );
    expect(explain('clone3')).toMatchObject({
      status: 'Blocked (ENOSYS)',
      alternatives: [{ change: 'with CAP_SYS_ADMIN', status: 'Allowed' }],
    });
    expect(explain('bpf').alternatives.map((a) => a.change)).toEqual([
      'with CAP_SYS_ADMIN',
      'with CAP_BPF',
    ]);
  });

  it('[EXPLAIN-1] conditional outcomes carry their conditions', () => {
    expect(explain('socket').status).toBe(
      'Conditional: allowed only when arg0 < 38 or arg0 = 39 or arg0 > 40; otherwise blocked (EPERM)',
    );
    expect(explain('clone').status).toBe(
      'Conditional: allowed only when arg0 & 0x7e020000 = 0; otherwise blocked (EPERM)',
    );
    expect(explain('clone', { arch: 's390x' }).status).toContain('arg1 & 0x7e020000 = 0');
  });

  it('[EXPLAIN-4] rules not in force, and why', () => {
    expect(explain('clone').inactive).toContain(
      'Rule 20 (SCMP_ACT_ALLOW) is not in force: on amd64 this rule never applies (only on s390, s390x).',
    );
    expect(explain('mount').inactive).toEqual([
      'Rule 18 (SCMP_ACT_ALLOW) is not in force: it needs CAP_SYS_ADMIN.',
    ]);
  });
});

describe('semantic diff', () => {
  it('[DIFF-1] reports newly allowed, newly blocked and changed syscalls', () => {
    const before = parseProfile(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"}]}',
    );
    const after = parseProfile(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "mount"], "action": "SCMP_ACT_ALLOW"}, {"names": ["open"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}',
    );
    const changes = diffProfiles(before, after, defaultContext(), ['open']);
    expect(changes.map((c) => [c.syscall, c.kind, c.afterStatus])).toEqual([
      ['mount', 'newly-allowed', 'Allowed'],
      ['open', 'changed', 'Blocked (ENOSYS)'],
      ['write', 'newly-blocked', 'Blocked (EPERM)'],
    ]);
  });

  it('[DIFF-2] a profile and its reformatting behave the same', () => {
    const compact = parseProfile(JSON.stringify(JSON.parse(dockerDefaultProfileText())));
    expect(diffProfiles(dockerDefaultProfile(), compact, defaultContext())).toEqual([]);
  });
});
