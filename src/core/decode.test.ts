import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeProfile } from '../testing/large-profile.ts';
import { placed } from '../testing/placed.ts';
import { decodeProfile } from './decode.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { parseJson, type JsonNode } from './json.ts';
import { formatPath, type Rule } from './model.ts';
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

describe('repeated keys, as Go decodes them', () => {
  it('[PARSE-5] decodes a repeated list of rules, args or arch map entries into the first, item by item', () => {
    const { profile, problems } = parseProfile(`{"defaultAction": "SCMP_ACT_ERRNO",
      "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]}],
      "archMap": [{"subArchitectures": ["SCMP_ARCH_X32"]}],
      "syscalls": [{"names": ["mount"], "action": "SCMP_ACT_ERRNO", "errnoRet": 5,
        "args": [{"index": 1, "value": 8, "op": "SCMP_CMP_EQ"}], "args": [{"op": "SCMP_CMP_NE"}]}],
      "syscalls": [{"names": ["umount2"]}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}`);
    const [first, second] = profile!.syscalls!;
    expect(first).toMatchObject({ action: 'SCMP_ACT_ERRNO', errnoRet: 5n, index: 0 });
    expect(first!.names!.map((item) => item.value)).toEqual(['umount2']);
    expect(first!.args![0]).toMatchObject({ index: 1n, value: 8n, op: 'SCMP_CMP_NE' });
    expect(second).toMatchObject({ action: 'SCMP_ACT_ALLOW', errnoRet: undefined });
    expect(profile!.archMap![0]!.architecture).toBe('SCMP_ARCH_X86_64');
    expect(profile!.archMap![0]!.subArchitectures!.map((item) => item.value)).toEqual([
      'SCMP_ARCH_X32',
    ]);
    const repeats = problems.filter((problem) => problem.code === 'duplicate-key');
    expect(repeats.map((problem) => formatPath(problem.path))).toEqual([
      '$.archMap',
      '$.syscalls[0].args',
      '$.syscalls',
    ]);
    expect(repeats[0]!.message).toMatch(/reads the last one into the first/);
  });

  it('[PARSE-5] a repeated errnoRet or defaultErrnoRet that is null leaves none (a nil pointer)', () => {
    const { profile } = parseProfile(`{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 5,
      "defaultErrnoRet": null, "syscalls": [{"names": ["mount"], "action": "SCMP_ACT_ERRNO",
      "errnoRet": 5, "errnoRet": null}]}`);
    expect(profile!.defaultErrnoRet).toBeUndefined();
    expect(profile!.syscalls![0]!.errnoRet).toBeUndefined();
  });
});

describe('decoding an edited profile', () => {
  /** Rules with every kind of problem: type errors, a 32-bit overflow, an abort, repeats, case. */
  const TROUBLED = JSON.stringify(
    {
      defaultAction: 'SCMP_ACT_ERRNO',
      syscalls: [
        { names: ['read'], action: 'SCMP_ACT_ALLOW' },
        { names: 'write', action: 1 },
        { Names: ['open'], action: 'SCMP_ACT_ALLOW', errno: 'EPERM' },
        null,
        { names: ['close'], action: 'SCMP_ACT_ERRNO', errnoRet: 5000000000 },
        { names: ['mount'], action: 'SCMP_ACT_ALLOW', includes: { minKernel: '4.x' } },
        { names: ['umount2'], action: 'SCMP_ACT_ALLOW', args: [{ index: -1, op: 2 }] },
        [],
        { names: ['bpf'], action: 'SCMP_ACT_ALLOW', excludes: { caps: 'CAP_BPF' } },
        { names: ['ptrace'], action: 'SCMP_ACT_ALLOW' },
      ],
    },
    null,
    '\t',
  ).replace('"Names"', '"names": ["dup"], "Names"');

  /** Decoded from the parse the page would make: rules an edit left alone are reused. */
  const decoded = (text: string) => {
    const { profile, problems, dockerError, offsets } = parseProfile(text);
    return placed({ profile, problems, dockerError }, offsets);
  };
  /** The same text decoded from a tree of its own: nothing of an earlier decoding reused. */
  const decodedAfresh = (text: string) => {
    const json = parseJson(text);
    if (!json.ok) throw new Error('not JSON');
    const { profile, problems, dockerError } = decodeProfile(json.root);
    return { profile, problems, dockerError };
  };

  /** Each rule's extent in the text. */
  const ruleSpans = (text: string) => {
    const json = parseJson(text);
    if (!json.ok || json.root.kind !== 'object') return [];
    const syscalls = json.root.members.find((member) => member.key.value === 'syscalls')?.value;
    return syscalls?.kind === 'array'
      ? syscalls.items.map(({ start, end }) => ({ start, end }))
      : [];
  };

  it('[PARSE-9] reuses the rules an edit left alone, and decodes exactly as afresh', () => {
    const bases = [TROUBLED, dockerDefaultProfileText(), generateLargeProfile(40)];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.nat(),
        fc.constantFrom('delete', 'duplicate', 'swap', 'type', 'null'),
        fc.constantFrom('x', '1', '"', ', "comment": "c"', ', "minKernel": "1"', ''),
        (before, pick, how, typed) => {
          const spans = ruleSpans(before);
          const span = spans[pick % spans.length]!;
          const next = spans[(pick % spans.length) + 1];
          const ruleText = before.slice(span.start, span.end);
          let after: string;
          if (how === 'delete' && next)
            after = before.slice(0, span.start) + before.slice(next.start);
          else if (how === 'duplicate')
            after = `${before.slice(0, span.end)}, ${ruleText}${before.slice(span.end)}`;
          else if (how === 'swap' && next)
            after =
              before.slice(0, span.start) +
              before.slice(next.start, next.end) +
              before.slice(span.end, next.start) +
              ruleText +
              before.slice(next.end);
          else if (how === 'null')
            after = `${before.slice(0, span.start)}null${before.slice(span.end)}`;
          else {
            const at = span.start + 1 + (pick % Math.max(1, ruleText.length - 2));
            after = before.slice(0, at) + typed + before.slice(at);
          }
          decoded(before);
          if (parseJson(after).ok) expect(decoded(after)).toEqual(decodedAfresh(after));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('[PARSE-7] [PARSE-9] the error Docker stops at stays its error, whatever rules follow', () => {
    // Rule 2 has a type error, rule 6 a minKernel error (Docker stops there), rules 7 and 9
    // type errors of their own.
    expect(decoded(TROUBLED).dockerError).toBe(
      'invalid kernel version: "4.x", expected "<kernel>.<major>": strconv.ParseUint: parsing "x": invalid syntax',
    );
    expect(decoded(TROUBLED).problems.filter((p) => p.dockerError).length).toBeGreaterThan(3);
  });

  it('[PARSE-9] decodes a rule found at another place again', () => {
    const text = generateLargeProfile(3);
    const json = parseJson(text);
    if (!json.ok || json.root.kind !== 'object') throw new Error('not an object');
    const before = decodeProfile(json.root).profile!;
    // The same rule nodes in another order: each rule's index and path are its new place's.
    const swapped: JsonNode = {
      ...json.root,
      members: json.root.members.map((member) =>
        member.value.kind === 'array' && member.key.value === 'syscalls'
          ? {
              key: member.key,
              value: { ...member.value, items: [...member.value.items].reverse() },
            }
          : member,
      ),
    };
    const after = decodeProfile(swapped, before).profile!;
    const count = after.syscalls!.length;
    expect(after.syscalls!.map((rule) => [rule!.index, formatPath(rule!.path)])).toEqual(
      Array.from({ length: count }, (_, i) => [i, `$.syscalls[${i}]`]),
    );
    const names = (rule: Rule | null | undefined) => rule?.names?.map((item) => item.value);
    expect(names(after.syscalls![0])).toEqual(names(before.syscalls![count - 1]));
  });

  it('[PARSE-9] an edit in one rule leaves the others as they were decoded', () => {
    const before = generateLargeProfile(30);
    const spans = ruleSpans(before);
    const at = spans[20]!.start + 1;
    const after = `${before.slice(0, at)} ${before.slice(at)}`;
    const [was, now] = [parseProfile(before), parseProfile(after)];
    const [first, second] = [was.profile!, now.profile!];
    expect(second.syscalls![5]).toBe(first.syscalls![5]);
    expect(second.syscalls![20]).not.toBe(first.syscalls![20]);
    // The rules after the edit too: their nodes are shared, moved by the offsets alone.
    expect(second.syscalls![25]).toBe(first.syscalls![25]);
    expect(now.offsets.start(second.syscalls![25]!.node)).toBe(
      was.offsets.start(first.syscalls![25]!.node) + 1,
    );
  });
});
