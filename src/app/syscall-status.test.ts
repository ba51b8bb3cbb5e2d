import { describe, expect, it } from 'vitest';
import { defaultContext } from '../core/context.ts';
import { dockerDefaultProfile } from '../core/docker-default.ts';
import { explainSyscall } from '../core/explain.ts';
import { verdictFor, type Verdict } from '../core/outcome.ts';
import { allowHint, statusKindOf, statusLabel } from './syscall-status.ts';

const parsed = dockerDefaultProfile();
const context = defaultContext();
const verdict = (name: string, ctx = context): Verdict => verdictFor(parsed.profile, ctx, name);

describe('status words', () => {
  it('say what happens under Docker’s default', () => {
    expect(statusLabel('read', verdict('read'))).toBe('Allowed');
    expect(statusLabel('mount', verdict('mount'))).toBe('Blocked (EPERM)');
    expect(statusLabel('clone3', verdict('clone3'))).toBe('Blocked (ENOSYS)');
  });

  it('phrase the conditional verdicts we can decode', () => {
    expect(statusLabel('socket', verdict('socket'))).toBe(
      'Conditional: only some address families',
    );
    expect(statusLabel('personality', verdict('personality'))).toBe(
      'Conditional: only some personas',
    );
    expect(statusLabel('clone', verdict('clone'))).toBe('Conditional: no new namespaces');
  });

  it('fall back to the engine’s words for other conditions', () => {
    const conditional: Verdict = {
      kind: 'conditional',
      branches: [
        {
          conditions: [{ index: 1n, value: 5n, valueTwo: 0n, op: 'SCMP_CMP_EQ' }],
          effect: { action: 'SCMP_ACT_ALLOW' },
          rule: undefined as never,
        },
      ],
      otherwise: { action: 'SCMP_ACT_ERRNO', errno: 1 },
    };
    expect(statusLabel('ioctl', conditional)).toBe(
      'Conditional: allowed only when arg1 = 5; otherwise blocked (EPERM)',
    );
  });

  it('sort verdicts into the filter’s kinds', () => {
    const decided = (action: string): Verdict => ({
      kind: 'decided',
      effect: { action },
      rule: undefined,
    });
    expect(statusKindOf(decided('SCMP_ACT_ALLOW'))).toBe('allowed');
    expect(statusKindOf(decided('SCMP_ACT_ERRNO'))).toBe('blocked');
    expect(statusKindOf(decided('SCMP_ACT_TRAP'))).toBe('blocked');
    expect(statusKindOf(decided('SCMP_ACT_TRACE'))).toBe('blocked');
    expect(statusKindOf(decided('SCMP_ACT_KILL_PROCESS'))).toBe('killed');
    expect(statusKindOf(decided('SCMP_ACT_KILL_THREAD'))).toBe('killed');
    expect(statusKindOf(decided('SCMP_ACT_LOG'))).toBe('logged');
    expect(statusKindOf(decided('SCMP_ACT_NOTIFY'))).toBe('notify');
    expect(statusKindOf({ kind: 'unconfined' })).toBe('allowed');
    expect(statusKindOf({ kind: 'invalid', error: 'x' })).toBe('invalid');
    expect(statusKindOf(verdict('socket'))).toBe('conditional');
    expect(statusLabel('x', decided('SCMP_ACT_TRACE'))).toBe('Traced');
    expect(statusLabel('x', { kind: 'unconfined' })).toBe('Allowed (no filter)');
  });
});

describe('hints', () => {
  const hint = (name: string, ctx = context) => allowHint(explainSyscall(parsed, name, ctx));

  it('name the capability that would allow a blocked syscall', () => {
    expect(hint('mount')).toBe('Allowed with CAP_SYS_ADMIN');
    expect(hint('bpf')).toBe('Allowed with CAP_SYS_ADMIN or CAP_BPF');
    expect(hint('clone')).toBe('Allowed with CAP_SYS_ADMIN');
    expect(hint('kcmp')).toBe('Allowed with CAP_SYS_PTRACE');
  });

  it('name the kernel too, and say nothing when nothing in the context helps', () => {
    expect(hint('ptrace', { ...context, kernel: { major: 4, minor: 4 } })).toBe(
      'Allowed with CAP_SYS_PTRACE or on kernel ≥ 4.8',
    );
    expect(hint('read')).toBeUndefined();
    expect(hint('add_key')).toBeUndefined();
  });
});
