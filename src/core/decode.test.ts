import { describe, expect, it } from 'vitest';
import { formatPath } from './model.ts';
import { parseProfile } from './parse.ts';

const decode = (text: string) => parseProfile(text);

describe('decoding as Docker does', () => {
  it('[MODEL-1] reads every field of the format', () => {
    const { profile, problems } = decode(`{
      "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1, "flags": ["SECCOMP_FILTER_FLAG_LOG"],
      "listenerPath": "/run/agent.sock", "listenerMetadata": "a=b",
      "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
      "syscalls": [{"names": ["clone"], "action": "SCMP_ACT_ALLOW", "errnoRet": 3, "comment": "c",
        "args": [{"index": 1, "value": 18446744073709551615, "valueTwo": 2, "op": "SCMP_CMP_MASKED_EQ"}],
        "includes": {"caps": ["CAP_SYS_ADMIN"], "arches": ["amd64"], "minKernel": "4.8"},
        "excludes": {"minKernel": "6.0"}}]}`);
    expect(problems).toEqual([]);
    const rule = profile!.syscalls![0]!;
    expect(profile).toMatchObject({
      defaultAction: 'SCMP_ACT_ERRNO',
      defaultErrnoRet: 1n,
      listenerPath: '/run/agent.sock',
      listenerMetadata: 'a=b',
    });
    expect(profile!.archMap![0]!.subArchitectures!.map((a) => a.value)).toEqual(['SCMP_ARCH_X86']);
    expect(rule).toMatchObject({ action: 'SCMP_ACT_ALLOW', errnoRet: 3n, comment: 'c' });
    expect(rule.args![0]).toMatchObject({
      index: 1n,
      value: 18446744073709551615n,
      valueTwo: 2n,
      op: 'SCMP_CMP_MASKED_EQ',
    });
    expect(rule.includes!.minKernel).toEqual({ major: 4, minor: 8 });
    expect(rule.excludes!.minKernel).toEqual({ major: 6, minor: 0 });
  });

  it('[MODEL-2] keeps unknown keys with their paths', () => {
    const { profile } = decode(
      '{"defaultAction": "SCMP_ACT_ALLOW", "comment": "x", "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ERRNO", "errno": "EPERM"}]}',
    );
    expect(profile!.unknownMembers.map((u) => formatPath(u.path))).toEqual([
      '$.comment',
      '$.syscalls[0].errno',
    ]);
  });

  it('[MODEL-3] null leaves Go zero values', () => {
    const { profile, problems } = decode(
      '{"defaultAction": null, "syscalls": [{"names": null, "action": "SCMP_ACT_ALLOW", "args": null, "includes": null}]}',
    );
    expect(problems).toEqual([]);
    expect(profile!.defaultAction).toBe('');
    expect(profile!.syscalls![0]).toMatchObject({ names: null, args: null, includes: null });
  });

  it('[PARSE-3] refuses negative, fractional and too large uint64 values in Docker words', () => {
    for (const value of ['-1', '1.5', '18446744073709551616', '1e3']) {
      const { dockerError, problems } = decode(
        `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": ${value}, "op": "SCMP_CMP_EQ"}]}]}`,
      );
      expect(dockerError).toBe(
        `json: cannot unmarshal number ${value} into Go struct field LinuxSeccompArg.syscalls.args.value of type uint64`,
      );
      expect(problems[0]).toMatchObject({
        code: 'docker-type',
        path: ['syscalls', 0, 'args', 0, 'value'],
      });
    }
  });

  it('[PARSE-5] matches keys case-insensitively and lets the last repeat win, with warnings', () => {
    const { profile, problems } = decode(
      '{"DefaultAction": "SCMP_ACT_LOG", "syscalls": [], "syscalls": [{"names": ["x"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_A"]}, "includes": {"minKernel": "5.1"}}]}',
    );
    expect(profile!.defaultAction).toBe('SCMP_ACT_LOG');
    expect(profile!.syscalls).toHaveLength(1);
    expect(profile!.syscalls![0]!.includes).toMatchObject({
      caps: [{ value: 'CAP_A' }],
      minKernel: { major: 5, minor: 1 },
    });
    expect(problems.map((p) => p.code)).toEqual(['key-case', 'duplicate-key', 'duplicate-key']);
  });

  it('[PARSE-6] reports wrong types at their path with the first as Docker error', () => {
    const { problems, dockerError } = decode(
      '{"defaultAction": 1, "syscalls": [{"names": "read", "action": "SCMP_ACT_ALLOW"}]}',
    );
    expect(problems.map((p) => formatPath(p.path))).toEqual([
      '$.defaultAction',
      '$.syscalls[0].names',
    ]);
    expect(dockerError).toBe(
      'json: cannot unmarshal number into Go struct field Seccomp.defaultAction of type specs.LinuxSeccompAction',
    );
    expect(decode('[]').dockerError).toBe(
      'json: cannot unmarshal array into Go value of type seccomp.Seccomp',
    );
  });

  it('[PARSE-7] checks minKernel exactly as moby does', () => {
    const errorFor = (value: string) =>
      decode(
        `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": ${value}}}]}`,
      ).dockerError;
    expect(errorFor('"4.8"')).toBeUndefined();
    expect(errorFor('"04.08"')).toBeUndefined();
    expect(errorFor('"4"')).toBe('invalid kernel version: "4", expected "<kernel>.<major>"');
    expect(errorFor('"4.8.1"')).toBe(
      'invalid kernel version: "4.8.1", expected "<kernel>.<major>"',
    );
    expect(errorFor('"0.0"')).toBe(
      'invalid kernel version: "0.0", expected "<kernel>.<major>": version cannot be 0.0',
    );
    expect(errorFor('"256.1"')).toBe(
      'invalid kernel version: "256.1", expected "<kernel>.<major>": strconv.ParseUint: parsing "256": value out of range',
    );
    expect(errorFor('"4.x"')).toBe(
      'invalid kernel version: "4.x", expected "<kernel>.<major>": strconv.ParseUint: parsing "x": invalid syntax',
    );
    expect(errorFor('4.8')).toBe(
      'invalid kernel version: 4.8, expected "<kernel>.<major>": json: cannot unmarshal number into Go value of type string',
    );
    const empty = decode(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": ""}}]}',
    );
    expect(empty.profile!.syscalls![0]!.excludes!.minKernel).toEqual({ major: 0, minor: 0 });
  });

  it('[PARSE-7] a minKernel error is what Docker reports even after an earlier type error', () => {
    const { dockerError } = decode(
      '{"defaultAction": 5, "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "x"}}]}',
    );
    expect(dockerError).toMatch(/^invalid kernel version: "x"/);
  });

  it('[PARSE-8] flags a null rule', () => {
    expect(
      decode('{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [null]}').problems[0],
    ).toMatchObject({ code: 'null-rule' });
  });
});
