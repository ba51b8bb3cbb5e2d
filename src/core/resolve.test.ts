import { describe, expect, it } from 'vitest';
import {
  adjustCapabilities,
  ALL_CAPABILITIES,
  DOCKER_DEFAULT_CAPABILITIES,
  defaultContext,
} from './context.ts';
import { dockerDefaultProfile } from './docker-default.ts';
import { formatOciSeccomp } from './format.ts';
import { parseProfile } from './parse.ts';
import { BOTH_ARCH_FORMS_ERROR, BOTH_NAME_FORMS_ERROR, resolveProfile } from './resolve.ts';

const resolve = (text: string, overrides = {}) =>
  resolveProfile(parseProfile(text).profile, defaultContext(overrides));
const names = (result: ReturnType<typeof resolve>) =>
  result.ok ? result.seccomp?.syscalls.map((s) => s.names?.join(',')) : result.error;

describe('resolution as Docker does it', () => {
  it('[RESOLVE-1] no defaultAction and no rules means no filter', () => {
    for (const text of ['{}', 'null', '{"syscalls": []}', '{"defaultAction": ""}']) {
      expect(resolve(text)).toEqual({ ok: true, seccomp: null });
    }
    expect(formatOciSeccomp(null)).toBe('null');
  });

  it('[RESOLVE-2] refuses both architectures and archMap, in Docker words', () => {
    const result = resolve(
      '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": null}]}',
    );
    expect(result).toEqual({ ok: false, error: BOTH_ARCH_FORMS_ERROR });
    // Empty lists don't count, as in Docker.
    expect(
      resolve(
        '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": [], "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": null}]}',
      ).ok,
    ).toBe(true);
  });

  it('[RESOLVE-3] expands the host archMap entry; none on loongarch64 and mipsel', () => {
    const archesOn = (arch: string) => {
      const result = resolveProfile(
        dockerDefaultProfile().profile,
        defaultContext({ arch: arch as never }),
      );
      return result.ok ? result.seccomp!.architectures : result.error;
    };
    expect(archesOn('amd64')).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
    expect(archesOn('arm64')).toEqual(['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM']);
    expect(archesOn('riscv64')).toEqual(['SCMP_ARCH_RISCV64']);
    expect(archesOn('ppc64le')).toEqual([]);
    expect(archesOn('loongarch64')).toEqual([]);
  });

  it('[RESOLVE-4] applies excludes and includes, folds name into names, keeps order', () => {
    const text = `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
      {"name": "a", "action": "SCMP_ACT_ALLOW"},
      {"names": ["b"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN", "CAP_BPF"]}},
      {"names": ["c"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_BPF", "CAP_CHOWN"]}},
      {"names": ["d"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["arm64"]}},
      {"names": ["e"], "action": "SCMP_ACT_ALLOW", "excludes": {"arches": ["amd64"]}},
      {"names": ["f"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "5.10"}},
      {"names": ["g"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": "5.10"}},
      {"names": ["h"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": ""}}]}`;
    expect(names(resolve(text))).toEqual(['a', 'f']);
    expect(names(resolve(text, { kernel: { major: 5, minor: 9 } }))).toEqual(['a', 'g']);
    expect(
      names(resolve(text, { arch: 'arm64', caps: new Set(['CAP_SYS_ADMIN', 'CAP_BPF']) })),
    ).toEqual(['a', 'b', 'd', 'e', 'f']);
    expect(names(resolve(text, { caps: new Set() }))).toEqual(['a', 'c', 'f']);
    expect(
      resolve(
        '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"name": "a", "names": ["b"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["s390"]}}]}',
      ),
    ).toMatchObject({ ok: false, error: BOTH_NAME_FORMS_ERROR });
  });

  it('[RESOLVE-5] passes the standard fields through and writes them as Go does', () => {
    const result = resolve(
      '{"defaultAction": "SCMP_ACT_LOG", "defaultErrnoRet": 0, "flags": ["SECCOMP_FILTER_FLAG_LOG"], "listenerPath": "/p", "listenerMetadata": "m", "syscalls": [{"names": ["x"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38, "comment": "dropped", "args": [{"index": 0, "value": 18446744073709551615, "op": "SCMP_CMP_EQ"}]}]}',
    );
    expect(result.ok && formatOciSeccomp(result.seccomp)).toBe(
      '{\n\t"defaultAction": "SCMP_ACT_LOG",\n\t"defaultErrnoRet": 0,\n\t"flags": [\n\t\t"SECCOMP_FILTER_FLAG_LOG"\n\t],\n\t"listenerPath": "/p",\n\t"listenerMetadata": "m",\n\t"syscalls": [\n\t\t{\n\t\t\t"names": [\n\t\t\t\t"x"\n\t\t\t],\n\t\t\t"action": "SCMP_ACT_ERRNO",\n\t\t\t"errnoRet": 38,\n\t\t\t"args": [\n\t\t\t\t{\n\t\t\t\t\t"index": 0,\n\t\t\t\t\t"value": 18446744073709551615,\n\t\t\t\t\t"op": "SCMP_CMP_EQ"\n\t\t\t\t}\n\t\t\t]\n\t\t}\n\t]\n}',
    );
  });

  it('[RESOLVE-6] adjusts capabilities as docker run does', () => {
    expect([
      ...adjustCapabilities(DOCKER_DEFAULT_CAPABILITIES, ['CAP_SYS_ADMIN'], ['CAP_CHOWN']),
    ]).toContain('CAP_SYS_ADMIN');
    expect([...adjustCapabilities(DOCKER_DEFAULT_CAPABILITIES, [], ['CAP_CHOWN'])]).not.toContain(
      'CAP_CHOWN',
    );
    expect(adjustCapabilities(DOCKER_DEFAULT_CAPABILITIES, ['ALL'], ['CAP_MKNOD']).size).toBe(
      ALL_CAPABILITIES.length - 1,
    );
    expect([...adjustCapabilities(DOCKER_DEFAULT_CAPABILITIES, ['CAP_BPF'], ['ALL'])]).toEqual([
      'CAP_BPF',
    ]);
  });
});
