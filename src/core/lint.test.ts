import { describe, expect, it } from 'vitest';
import { dockerDefaultProfile } from './docker-default.ts';
import { lintProfile, type SyscallKnowledge } from './lint.ts';

/** A small stand-in for the catalog, so the engine's tests don't depend on it. */
const knowledge: SyscallKnowledge = {
  isKnown: (name) =>
    ['read', 'mkdir', 'mkdirat', 'ptrace', '_sysctl', 'fadvise64', 'write', 'mount'].includes(name),
  existsOn: (name, arch) => !(name === 'mkdir' && arch === 'SCMP_ARCH_AARCH64'),
  suggest: (name) => ({ sysctl: '_sysctl', posix_fadvise: 'fadvise64' })[name],
};

const rule = (body: string) => `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{${body}}]}`;
const codes = (text: string) => lintProfile(text, { syscalls: knowledge }).map((f) => f.code);
const find = (text: string, code: string) =>
  lintProfile(text, { syscalls: knowledge }).find((f) => f.code === code);

describe('lint', () => {
  it('[LINT-1] Docker load errors, with positions and Docker words', () => {
    const both = find(
      '{\n "defaultAction": "SCMP_ACT_ERRNO",\n "architectures": ["SCMP_ARCH_X86_64"],\n "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": null}]\n}',
      'docker-both-arch-forms',
    );
    expect(both).toMatchObject({ severity: 'error', line: 4, column: 2, path: '$.archMap' });
    expect(both!.docker).toMatch(/^both 'architectures' and 'archMap'/);
    expect(
      find(
        rule('"name": "read", "names": ["write"], "action": "SCMP_ACT_ALLOW"'),
        'docker-both-name-forms',
      ),
    ).toMatchObject({ severity: 'error', path: '$.syscalls[0].name' });
    expect(
      find(
        rule('"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4"}'),
        'docker-min-kernel',
      ),
    ).toMatchObject({ severity: 'error', path: '$.syscalls[0].includes.minKernel' });
    expect(find(rule('"names": [1], "action": "SCMP_ACT_ALLOW"'), 'docker-type')).toMatchObject({
      path: '$.syscalls[0].names[0]',
    });
  });

  it('[LINT-1] a syntax error is one positioned finding', () => {
    const findings = lintProfile('{\n  "defaultAction": "SCMP_ACT_ERRNO",,\n}');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'json-syntax',
      severity: 'error',
      line: 2,
      column: 37,
    });
  });

  it('[LINT-2] what the runtime refuses', () => {
    expect(
      find(rule('"names": ["read"], "action": "SCMP_ACT_ALOW"'), 'unknown-action')!.message,
    ).toContain('Did you mean "SCMP_ACT_ALLOW"?');
    expect(
      codes(
        rule(
          '"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQUAL"}]',
        ),
      ),
    ).toEqual(expect.arrayContaining(['unknown-operator', 'arg-index-out-of-range']));
    expect(codes('{"defaultAction": "SCMP_ACT_ALLOW", "defaultErrnoRet": 1}')).toContain(
      'errno-without-errno-action',
    );
    expect(codes(rule('"names": ["read"], "action": "SCMP_ACT_ALLOW", "errnoRet": 1'))).toContain(
      'errno-without-errno-action',
    );
    expect(
      codes(
        '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["write"], "action": "SCMP_ACT_NOTIFY"}]}',
      ),
    ).toEqual(expect.arrayContaining(['notify-without-listener', 'notify-write']));
    expect(codes('{"syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}')).toContain(
      'missing-default-action',
    );
    expect(codes(rule('"names": [""], "action": "SCMP_ACT_ALLOW"'))).toContain('empty-name');
    expect(codes('{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["x86_64"]}')).toContain(
      'unknown-arch',
    );
    expect(
      find('{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["x86_64"]}', 'unknown-arch')!
        .message,
    ).toContain('"SCMP_ARCH_X86_64"');
    expect(
      codes('{"defaultAction": "SCMP_ACT_ERRNO", "flags": ["SECCOMP_FILTER_FLAG_TSYN"]}'),
    ).toContain('unknown-flag');
  });

  it('[LINT-3] the silent traps', () => {
    const typo = find(
      rule(
        '"names": ["mount"], "action": "SCMP_ACT_ALLOW", "include": {"caps": ["CAP_SYS_ADMIN"]}',
      ),
      'unknown-key',
    );
    expect(typo).toMatchObject({ severity: 'warning', path: '$.syscalls[0].include' });
    expect(typo!.message).toContain('silently dropped');
    expect(typo!.message).toContain('Did you mean "includes"?');
    expect(
      find(
        rule('"names": ["sysctl", "posix_fadvise"], "action": "SCMP_ACT_ALLOW"'),
        'unknown-syscall',
      )!.message,
    ).toContain('Did you mean "_sysctl"?');
    expect(
      codes(
        '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_AARCH64"], "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ALLOW"}]}',
      ),
    ).toEqual(['syscall-not-on-arch']);
    expect(codes(rule('"names": ["read"], "action": "SCMP_ACT_ERRNO"'))).toEqual([
      'action-equals-default',
    ]);
    expect(codes(rule('"names": ["read"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38'))).toEqual(
      [],
    );
    expect(codes(rule('"names": ["read", "read"], "action": "SCMP_ACT_ALLOW"'))).toEqual([
      'duplicate-name',
    ]);
    expect(
      codes(
        '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}, {"names": ["read"], "action": "SCMP_ACT_KILL"}]}',
      ),
    ).toEqual(['shadowed-rule']);
    expect(codes(rule('"names": [], "action": "SCMP_ACT_ALLOW"'))).toEqual(['empty-names']);
    expect(codes('{}')).toEqual(['no-filter']);
    expect(
      find(
        rule(
          '"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["SCMP_ARCH_X86_64"]}',
        ),
        'scmp-arch-in-filter',
      )!.message,
    ).toContain('"amd64"');
    expect(
      codes(
        rule(
          '"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["x86_64", "x32"]}',
        ),
      ),
    ).toEqual(['unknown-arch-in-filter']);
    expect(
      find(
        rule('"names": ["read"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["SYS_ADMIN"]}'),
        'unknown-capability',
      )!.message,
    ).toContain('"CAP_SYS_ADMIN"');
    expect(
      codes(
        rule(
          '"names": ["read"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}, {"index": 0, "value": 2, "op": "SCMP_CMP_EQ"}]',
        ),
      ),
    ).toEqual(['same-arg-index']);
    expect(
      find(
        rule('"names": ["read"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": ""}'),
        'empty-min-kernel',
      )!.severity,
    ).toBe('warning');
    expect(codes('{"DefaultAction": "SCMP_ACT_ERRNO", "defaultAction": "SCMP_ACT_LOG"}')).toEqual([
      'duplicate-key',
      'key-case',
    ]);
  });

  it('[LINT-4] the legacy name form is mentioned once', () => {
    const text =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"name": "read", "action": "SCMP_ACT_ALLOW"}, {"name": "write", "action": "SCMP_ACT_ALLOW"}]}';
    expect(codes(text)).toEqual(['legacy-name']);
  });

  it("[LINT-5] errors come first; Docker's default has no errors", () => {
    const findings = lintProfile(rule('"names": ["read", "read"], "action": "SCMP_ACT_ALOW"'), {
      syscalls: knowledge,
    });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(lintProfile(dockerDefaultProfile()).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
