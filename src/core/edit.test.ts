import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusProfiles, hasShared, SHARED_MISSING } from '../testing/shared.ts';
import { defaultContext, type DockerArch, type ResolveContext } from './context.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import {
  allowSyscall,
  applyEdits,
  blockSyscall,
  describeEdit,
  disallowSyscall,
  type EditResult,
  type Wanted,
} from './edit.ts';
import { evaluateSyscall, isAllowed, isBlocked, verdictFor, verdictKey } from './outcome.ts';
import { parseProfile } from './parse.ts';
import { resolveProfile, type OciSyscall } from './resolve.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

const ctx = defaultContext();

type Changed = Extract<EditResult, { ok: true; changed: true }>;

function edit(wanted: Wanted, text: string, syscall: string, context: ResolveContext): EditResult {
  return wanted === 'allow'
    ? allowSyscall(text, syscall, context)
    : blockSyscall(text, syscall, context);
}

/** Parses, remembering the last few texts (each edited text is read several times). */
function parsed(text: string): ReturnType<typeof parseProfile> {
  let result = parseCache.get(text);
  if (!result) {
    result = parseProfile(text);
    if (parseCache.size >= 8) parseCache.delete(parseCache.keys().next().value!);
    parseCache.set(text, result);
  }
  return result;
}
const parseCache = new Map<string, ReturnType<typeof parseProfile>>();

function verdictOf(text: string, syscall: string, context: ResolveContext = ctx) {
  return verdictFor(parsed(text).profile, context, syscall);
}

/** Fails the test unless the edit succeeded and changed the text. */
function changed(result: EditResult): Changed {
  if (!result.ok) throw new Error(`expected an edit, got the error: ${result.error}`);
  if (!result.changed) throw new Error(`expected a change, got: ${result.summary}`);
  return result;
}

/**
 * [EDIT-1]: the new text is the old one with the edits applied, the replacements are sorted and
 * don't overlap, each is as small as it can be, everything outside them is byte-identical, and
 * the result still parses with no syntax error and nothing Docker refuses.
 */
function expectMinimalEdit(before: string, result: EditResult): void {
  if (!result.ok) return;
  expect(applyEdits(before, result.edits)).toBe(result.text);
  if (!result.changed) {
    expect(result.edits).toEqual([]);
    expect(result.text).toBe(before);
    return;
  }
  expect(result.edits.length).toBeGreaterThan(0);
  const after = result.text;
  let previousEnd = 0;
  for (const { start, end, newText } of result.edits) {
    expect(previousEnd <= start && start <= end && end <= before.length).toBe(true);
    previousEnd = end;
    // Smallest: the replaced text and the replacement share no first and no last character.
    const replaced = before.slice(start, end);
    if (replaced !== '' && newText !== '') {
      expect(replaced[0]).not.toBe(newText[0]);
      expect(replaced.at(-1)).not.toBe(newText.at(-1));
    }
    expect(replaced).not.toBe(newText);
  }
  const first = result.edits[0]!;
  const last = result.edits.at(-1)!;
  expect(after.slice(0, first.start)).toBe(before.slice(0, first.start));
  expect(after.slice(after.length - (before.length - last.end))).toBe(before.slice(last.end));
  // [EDIT-2] the file's line breaks are kept: a CRLF file gets no lone LF.
  const loneLf = /(?<!\r)\n/;
  if (before.includes('\r\n') && !loneLf.test(before)) expect(after).not.toMatch(loneLf);
  const reparsed = parsed(after);
  expect(reparsed.syntaxError).toBeUndefined();
  expect(reparsed.dockerError).toBeUndefined();
}

/** The new text is the old one with `inserted` at `at`: every other byte is unchanged. */
function expectOnlyInserted(before: string, after: string, at: number, inserted: string): void {
  expect(after).toBe(before.slice(0, at) + inserted + before.slice(at));
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// The context grid over which [EDIT-4] is checked: 3 arches × 4 capability sets × 3 kernels.
const ARCHES = ['amd64', 'arm64', 's390x'] as const satisfies readonly DockerArch[];
const CAPS = ['CAP_SYS_ADMIN', 'CAP_SYS_PTRACE', 'CAP_BPF'] as const;
const CAP_SETS: readonly (readonly string[])[] = [
  [],
  ['CAP_SYS_ADMIN'],
  ['CAP_SYS_PTRACE', 'CAP_BPF'],
  ['CAP_SYS_ADMIN', 'CAP_SYS_PTRACE', 'CAP_BPF'],
];
const KERNELS = [
  { major: 4, minor: 0 },
  { major: 5, minor: 10 },
  { major: 7, minor: 1 },
] as const;
const GRID: ResolveContext[] = ARCHES.flatMap((arch) =>
  CAP_SETS.flatMap((caps) =>
    KERNELS.map((kernel) => ({ arch, caps: new Set(caps), kernel: { ...kernel } })),
  ),
);
const contextLabel = (c: ResolveContext): string =>
  `${c.arch}/${[...c.caps].sort().join('+') || 'nocaps'}/${c.kernel.major}.${c.kernel.minor}`;

/**
 * Every (context, name) verdict of a profile over the grid, as `verdictKey`s. Resolves once per
 * context; `evaluateSyscall` looks only at the rules that mention a name, so names mentioned by
 * the very same rules share one evaluation (this keeps big real profiles fast).
 */
function verdictTable(
  text: string,
  names: readonly string[],
  contexts: readonly ResolveContext[] = GRID,
): Map<string, string> {
  const profile = parsed(text).profile;
  const table = new Map<string, string>();
  for (const context of contexts) {
    const label = contextLabel(context);
    const resolved = resolveProfile(profile, context);
    if (!resolved.ok || resolved.seccomp === null) {
      for (const name of names)
        table.set(`${label} ${name}`, verdictKey(verdictFor(profile, context, name)));
      continue;
    }
    const seccomp = resolved.seccomp;
    const byName = new Map<string, number[]>();
    seccomp.syscalls.forEach((call, index) => {
      for (const name of new Set(call.names ?? [])) {
        const list = byName.get(name);
        if (list) list.push(index);
        else byName.set(name, [index]);
      }
    });
    const memo = new Map<string, string>();
    for (const name of names) {
      const indexes = byName.get(name) ?? [];
      const memoKey = indexes.join(',');
      let key = memo.get(memoKey);
      if (key === undefined) {
        const syscalls: OciSyscall[] = indexes.map((index) => seccomp.syscalls[index]!);
        key = verdictKey(evaluateSyscall({ ...seccomp, syscalls }, name));
        memo.set(memoKey, key);
      }
      table.set(`${label} ${name}`, key);
    }
  }
  return table;
}

const tableCache = new Map<string, Map<string, string>>();

/** [EDIT-4]: the verdicts of every name but `syscall`, over the grid, before and after. */
function expectOthersUnchanged(
  before: string,
  after: string,
  syscall: string,
  names: readonly string[],
): void {
  const all = [...new Set(names)];
  const cacheKey = `${all.join(' ')}\u0000${before}`;
  let was = tableCache.get(cacheKey);
  if (!was) {
    was = verdictTable(before, all);
    if (tableCache.size > 64) tableCache.clear();
    tableCache.set(cacheKey, was);
  }
  const now = verdictTable(after, all);
  const differences = [...was].filter(
    ([key, value]) => !key.endsWith(` ${syscall}`) && now.get(key) !== value,
  );
  expect(differences.map(([key, value]) => `${key}: ${value} → ${now.get(key)}`)).toEqual([]);
}

function mentionedNames(text: string): string[] {
  const names = new Set<string>();
  for (const rule of parsed(text).profile?.syscalls ?? []) {
    if (rule === null) continue;
    if (rule.name !== '') names.add(rule.name);
    for (const item of rule.names ?? []) names.add(item.value);
  }
  return [...names];
}

// ---------------------------------------------------------------------------------------------
// Examples

describe('edit examples on Docker’s default profile', () => {
  const text = dockerDefaultProfileText();
  const firstRule = () => parseProfile(text).profile!.syscalls![0]!;

  /** Where `name` goes in the first rule: just after the name it follows in the result. */
  function insertionPointInFirstRule(after: string, name: string): number {
    const newNames = parseProfile(after)
      .profile!.syscalls![0]!.names!.map((item) => item.value)
      .indexOf(name);
    expect(newNames).toBeGreaterThan(0);
    return firstRule().names![newNames - 1]!.node.end;
  }

  it('[EDIT-3] [EDIT-2] [EDIT-1] allowing mount adds it to the first rule and nothing else changes', () => {
    expect(isAllowed(verdictOf(text, 'mount'))).toBe(false);
    const result = changed(allowSyscall(text, 'mount', ctx));
    expect(isAllowed(verdictOf(result.text, 'mount'))).toBe(true);
    expect(result.edits).toHaveLength(1);
    expect(applyEdits(text, result.edits)).toBe(result.text);
    const at = insertionPointInFirstRule(result.text, 'mount');
    expectOnlyInserted(text, result.text, at, ',\n\t\t\t\t"mount"');
    const rule = firstRule().node;
    const { start, end } = result.edits[0]!;
    expect(start >= rule.start && end <= rule.end).toBe(true);
    expectMinimalEdit(text, result);
    expect(result.summary).toContain('rule 1');
  });

  it('[EDIT-5] blocking mount again restores the original bytes', () => {
    const allowed = changed(allowSyscall(text, 'mount', ctx));
    const blocked = changed(blockSyscall(allowed.text, 'mount', ctx));
    expect(blocked.text).toBe(text);
    expect(isBlocked(verdictOf(blocked.text, 'mount'))).toBe(true);
  });

  it('[EDIT-3] [EDIT-2] allowing clone3 (blocked with ENOSYS) adds it to the first rule', () => {
    const before = verdictOf(text, 'clone3');
    expect(isBlocked(before)).toBe(true);
    expect(verdictKey(before)).toBe('SCMP_ACT_ERRNO(38)');
    const result = changed(allowSyscall(text, 'clone3', ctx));
    expect(isAllowed(verdictOf(result.text, 'clone3'))).toBe(true);
    expectOnlyInserted(
      text,
      result.text,
      insertionPointInFirstRule(result.text, 'clone3'),
      ',\n\t\t\t\t"clone3"',
    );
    expectMinimalEdit(text, result);
    expectOthersUnchanged(text, result.text, 'clone3', mentionedNames(text));
    // Blocking takes it out of the first rule again, and the ENOSYS rule decides once more.
    const blocked = changed(blockSyscall(result.text, 'clone3', ctx));
    expect(blocked.text).toBe(text);
    expect(verdictKey(verdictOf(blocked.text, 'clone3'))).toBe('SCMP_ACT_ERRNO(38)');
  });

  it('[EDIT-3] allowing socket (conditional on the address family) makes it Allowed', () => {
    expect(verdictOf(text, 'socket').kind).toBe('conditional');
    const result = changed(allowSyscall(text, 'socket', ctx));
    expect(isAllowed(verdictOf(result.text, 'socket'))).toBe(true);
    expectMinimalEdit(text, result);
    expectOthersUnchanged(text, result.text, 'socket', mentionedNames(text));
  });

  it('[EDIT-5] ptrace (context-gated) is an exception: block then allow leaves it in the plain allow list', () => {
    expect(isAllowed(verdictOf(text, 'ptrace'))).toBe(true);
    const blocked = changed(blockSyscall(text, 'ptrace', ctx));
    expect(isBlocked(verdictOf(blocked.text, 'ptrace'))).toBe(true);
    const allowed = changed(allowSyscall(blocked.text, 'ptrace', ctx));
    expect(isAllowed(verdictOf(allowed.text, 'ptrace'))).toBe(true);
    expect(allowed.text).not.toBe(text);
    expect(parseProfile(allowed.text).profile!.syscalls![0]!.names!.map((n) => n.value)).toContain(
      'ptrace',
    );
  });
});

describe('edit examples on small profiles', () => {
  const denylist =
    '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod", "fchmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}';

  it('[EDIT-6] [EDIT-2] on a denylist, block adds the name to the errno rule at its sorted place', () => {
    const result = changed(blockSyscall(denylist, 'mount', ctx));
    expect(result.text).toBe(
      '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod", "fchmod", "mount"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}',
    );
    expect(isBlocked(verdictOf(result.text, 'mount'))).toBe(true);
    expectMinimalEdit(denylist, result);
    const earlier = changed(blockSyscall(denylist, 'chown', ctx));
    expect(earlier.text).toContain('["chmod", "chown", "fchmod"]');
    expect(changed(allowSyscall(result.text, 'mount', ctx)).text).toBe(denylist);
  });

  it('[EDIT-6] [EDIT-2] on a denylist, allow takes the name out of the errno rule', () => {
    const result = changed(allowSyscall(denylist, 'chmod', ctx));
    expect(result.text).toBe(
      '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["fchmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}',
    );
    expect(isAllowed(verdictOf(result.text, 'chmod'))).toBe(true);
    expectMinimalEdit(denylist, result);
    expect(changed(blockSyscall(result.text, 'chmod', ctx)).text).toBe(denylist);
    // Taking the last names out removes the rule whole.
    const both = changed(allowSyscall(result.text, 'fchmod', ctx));
    expect(both.text).toBe('{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": []}');
  });

  it('[EDIT-5] in a minified profile, a name taken out of a two-name list comes back with the file’s separator', () => {
    const minified =
      '{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["read","write"],"action":"SCMP_ACT_ALLOW"}]}';
    const blocked = changed(blockSyscall(minified, 'write', ctx));
    expect(blocked.text).toContain('"names":["read"]');
    expect(changed(allowSyscall(blocked.text, 'write', ctx)).text).toBe(minified);
    const spaced =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}';
    expect(changed(allowSyscall(spaced, 'write', ctx)).text).toContain('["read", "write"]');
  });

  it('[EDIT-3] [EDIT-2] under an EPERM default, block takes the name out of conditional rules that keep it conditional', () => {
    // A new errno rule would repeat the default (runc skips it), so removal is the only way.
    const conditionalOnly =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["mount"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38, "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}';
    expect(verdictOf(conditionalOnly, 'mount').kind).toBe('conditional');
    const blocked = changed(blockSyscall(conditionalOnly, 'mount', ctx));
    expect(blocked.text).toBe(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}',
    );
    expect(isBlocked(verdictOf(blocked.text, 'mount'))).toBe(true);
    expect(blocked.summary).toContain('rule 1');

    const thenAllowed =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["mount", "umount2"], "action": "SCMP_ACT_KILL", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}]}, {"names": ["mount"], "action": "SCMP_ACT_ALLOW"}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}';
    expect(isAllowed(verdictOf(thenAllowed, 'mount'))).toBe(true);
    const result = changed(blockSyscall(thenAllowed, 'mount', ctx));
    expect(isBlocked(verdictOf(result.text, 'mount'))).toBe(true);
    expect(result.summary).toContain('rule 1, rule 2');
    expectMinimalEdit(thenAllowed, result);
    expectOthersUnchanged(thenAllowed, result.text, 'mount', ['umount2', 'read']);
  });

  it('[EDIT-3] [EDIT-2] a name repeated in one rule is taken out every time it appears', () => {
    const repeated =
      '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mount", "mount", "socket"], "action": "SCMP_ACT_ERRNO"}]}';
    const result = changed(allowSyscall(repeated, 'mount', ctx));
    expect(result.text).toBe(
      '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["socket"], "action": "SCMP_ACT_ERRNO"}]}',
    );
    expect(isAllowed(verdictOf(result.text, 'mount'))).toBe(true);
    expect(result.summary).toMatch(/^Removes mount from rule 1, so/);
  });

  it('[EDIT-5] a rule that names nothing is not added to (taking the name out would remove it whole)', () => {
    const nothing =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": [], "action": "SCMP_ACT_ALLOW"}]}';
    const allowed = changed(allowSyscall(nothing, 'mount', ctx));
    expect(allowed.text).toBe(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": [], "action": "SCMP_ACT_ALLOW"}, {"names": ["mount"], "action": "SCMP_ACT_ALLOW"}]}',
    );
    expect(changed(blockSyscall(allowed.text, 'mount', ctx)).text).toBe(nothing);
  });

  it('[EDIT-2] [EDIT-5] a new rule in a CRLF file uses CRLF line breaks', () => {
    const crlf =
      '{\r\n\t"defaultAction": "SCMP_ACT_ALLOW",\r\n\t"syscalls": [\r\n\t\t{\r\n\t\t\t"names": [\r\n\t\t\t\t"chmod"\r\n\t\t\t],\r\n\t\t\t"action": "SCMP_ACT_LOG"\r\n\t\t}\r\n\t]\r\n}';
    const blocked = changed(blockSyscall(crlf, 'mount', ctx));
    expect(blocked.text).toBe(
      crlf.replace(
        '\t\t}\r\n\t]',
        '\t\t},\r\n\t\t{\r\n\t\t\t"names": [\r\n\t\t\t\t"mount"\r\n\t\t\t],\r\n\t\t\t"action": "SCMP_ACT_ERRNO"\r\n\t\t}\r\n\t]',
      ),
    );
    expect(changed(allowSyscall(blocked.text, 'mount', ctx)).text).toBe(crlf);
    const empty = '{\r\n\t"defaultAction": "SCMP_ACT_ALLOW",\r\n\t"syscalls": [\r\n\t]\r\n}';
    const created = changed(blockSyscall(empty, 'mount', ctx));
    expect(created.text).not.toMatch(/(?<!\r)\n/);
    expect(changed(allowSyscall(created.text, 'mount', ctx)).text).toBe(empty);
  });

  const empties: [string, string, string][] = [
    [
      'one line',
      '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}',
      '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names": ["mount"], "action": "SCMP_ACT_ERRNO"}]}',
    ],
    [
      'tab-indented, with an empty multi-line array',
      '{\n\t"defaultAction": "SCMP_ACT_ALLOW",\n\t"syscalls": [\n\t]\n}',
      '{\n\t"defaultAction": "SCMP_ACT_ALLOW",\n\t"syscalls": [\n\t\t{\n\t\t\t"names": [\n\t\t\t\t"mount"\n\t\t\t],\n\t\t\t"action": "SCMP_ACT_ERRNO"\n\t\t}\n\t]\n}',
    ],
    [
      'indented with 4 spaces, after an existing rule',
      '{\n    "defaultAction": "SCMP_ACT_ALLOW",\n    "syscalls": [\n        {\n            "names": [\n                "chmod"\n            ],\n            "action": "SCMP_ACT_LOG"\n        }\n    ]\n}',
      '{\n    "defaultAction": "SCMP_ACT_ALLOW",\n    "syscalls": [\n        {\n            "names": [\n                "chmod"\n            ],\n            "action": "SCMP_ACT_LOG"\n        },\n        {\n            "names": [\n                "mount"\n            ],\n            "action": "SCMP_ACT_ERRNO"\n        }\n    ]\n}',
    ],
  ];
  for (const [style, before, expected] of empties) {
    it(`[EDIT-2] [EDIT-5] with no rule to add to (${style}), block writes a new rule in the file's style and allow removes it`, () => {
      const blocked = changed(blockSyscall(before, 'mount', ctx));
      expect(blocked.text).toBe(expected);
      expect(isBlocked(verdictOf(blocked.text, 'mount'))).toBe(true);
      expectMinimalEdit(before, blocked);
      const allowed = changed(allowSyscall(blocked.text, 'mount', ctx));
      expect(allowed.text).toBe(before);
    });
  }

  it('[EDIT-1] a name taken out of rules far apart is one small replacement per rule, not one spanning the rules between', () => {
    const rule = (names: string[]) =>
      `    {\n      "names": [${names.map((name) => `"${name}"`).join(', ')}],\n      "action": "SCMP_ACT_ALLOW"\n    }`;
    const middle = Array.from({ length: 50 }, (_, index) => rule([`name${index}`]));
    const before = `{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n${[
      rule(['read', 'mount']),
      ...middle,
      rule(['mount', 'write']),
      rule(['mount']),
    ].join(',\n')}\n  ]\n}\n`;
    const result = changed(blockSyscall(before, 'mount', ctx));
    expect(isBlocked(verdictOf(result.text, 'mount'))).toBe(true);
    expectMinimalEdit(before, result);
    expect(result.edits).toHaveLength(3);
    const between = before.indexOf('"name0"');
    expect(result.edits[0]!.end).toBeLessThan(between);
    expect(result.edits[1]!.start).toBeGreaterThan(before.indexOf('"name49"'));
    expect(result.edits.every((edit) => edit.end - edit.start < 80)).toBe(true);
    expect(result.edits.map((edit) => before.slice(edit.start, edit.end))).toEqual([
      ', "mount"',
      '"mount", ',
      expect.stringContaining('"names": ["mount"]'),
    ]);
  });

  it('[EDIT-1] [MODEL-2] unknown keys and comment strings elsewhere stay byte-identical', () => {
    const before = [
      '{',
      '  "defaultAction": "SCMP_ACT_ERRNO",',
      '  "x-owner": {"team": "platform", "note": "// not a comment"},',
      '  "comment": "/* keep me */",',
      '  "syscalls": [',
      '    {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW", "comment": "basic I/O", "x-ticket": 42},',
      '    {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_PTRACE"]}, "comment": "debuggers"}',
      '  ],',
      '  "x-trailer": [1, 2, 3]',
      '}',
    ].join('\n');
    for (const [wanted, syscall] of [
      ['allow', 'mount'],
      ['block', 'write'],
      ['allow', 'ptrace'],
    ] as const) {
      const result = changed(edit(wanted, before, syscall, ctx));
      expectMinimalEdit(before, result);
      for (const kept of [
        '"x-owner": {"team": "platform", "note": "// not a comment"}',
        '"comment": "/* keep me */"',
        '"comment": "basic I/O", "x-ticket": 42',
        '"comment": "debuggers"',
        '"x-trailer": [1, 2, 3]',
      ]) {
        expect(result.text).toContain(kept);
      }
      const undone = edit(wanted === 'allow' ? 'block' : 'allow', result.text, syscall, ctx);
      expect(changed(undone).text).toBe(before);
    }
  });

  it('[EDIT-6] invalid JSON is not edited, and the error gives the line and column', () => {
    const text = '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n}';
    const { line, column } = parseProfile(text).syntaxError!;
    expect([line, column]).toEqual([2, 37]);
    for (const wanted of ['allow', 'block'] as const) {
      const result = edit(wanted, text, 'mount', ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('line 2, column 37');
    }
  });

  it('[EDIT-6] a profile Docker refuses is not edited', () => {
    for (const text of [
      '{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"], "archMap": [{"architecture": "SCMP_ARCH_X86_64"}]}',
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"name": "read", "names": ["write"], "action": "SCMP_ACT_ALLOW"}]}',
      '{"defaultAction": 3}',
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "four"}}]}',
      'null',
    ]) {
      for (const wanted of ['allow', 'block'] as const) {
        const result = edit(wanted, text, 'mount', ctx);
        expect(result.ok, text).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/Docker/);
      }
    }
  });

  it('[EDIT-6] a profile with no filter ({}) is not edited', () => {
    for (const wanted of ['allow', 'block'] as const) {
      const result = edit(wanted, '{}', 'mount', ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/no filter/);
    }
  });

  it('[EDIT-5] a profile without a syscalls array cannot take a new rule', () => {
    const result = blockSyscall('{"defaultAction": "SCMP_ACT_ALLOW"}', 'mount', ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/no syscalls array/);
    // …but what the default already gives needs no edit.
    const same = allowSyscall('{"defaultAction": "SCMP_ACT_ALLOW"}', 'mount', ctx);
    expect(same).toMatchObject({ ok: true, changed: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated profiles

const SEED = Number(process.env.EDIT_TEST_SEED ?? 20260611);
const NUM_RUNS = Number(process.env.EDIT_TEST_RUNS ?? 200);
console.info(
  `[edit.test] fast-check seed ${SEED} (set EDIT_TEST_SEED to change), ${NUM_RUNS} runs per property`,
);
const fcOptions = { seed: SEED, numRuns: NUM_RUNS };

const POOL = [
  'read',
  'write',
  'mount',
  'ptrace',
  'chmod',
  'socket',
  'bpf',
  'clone',
  'umount2',
  'setns',
  'unshare',
  'reboot',
] as const;

interface GeneratedRule {
  names: string[];
  /** Written as the legacy `name` (its first name only). */
  legacy: boolean;
  action: string;
  errnoRet: number | undefined;
  args: { index: number; value: number; valueTwo?: number; op: string }[] | undefined;
  includes: Record<string, unknown> | undefined;
  excludes: Record<string, unknown> | undefined;
  comment: string | undefined;
}

interface Generated {
  text: string;
  rules: GeneratedRule[];
  defaultAction: string;
}

const sometimes = <T>(arb: fc.Arbitrary<T>, weight = 1, never = 3): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: never }, { arbitrary: arb, weight });

const namesArb: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 0, max: 19 }),
  )
  .map(([names, twist]) => {
    const sorted = [...names].sort(byCodeUnits);
    if (twist === 0 && sorted.length > 1) return sorted.reverse(); // unsorted
    if (twist <= 2) return [sorted[0]!, ...sorted]; // a repeated name
    if (twist === 3) return []; // a rule that names nothing (Docker accepts it)
    return sorted;
  });

const filterArb = fc.record(
  {
    caps: fc.subarray([...CAPS], { minLength: 1 }),
    arches: fc.subarray([...ARCHES], { minLength: 1 }),
    minKernel: fc.constantFrom('4.8', '5.10'),
  },
  { requiredKeys: [] },
);

const argArb = fc
  .record({
    index: fc.integer({ min: 0, max: 2 }),
    value: fc.integer({ min: 0, max: 4 }),
    valueTwo: fc.integer({ min: 0, max: 4 }),
    op: fc.constantFrom('SCMP_CMP_EQ', 'SCMP_CMP_NE', 'SCMP_CMP_GT', 'SCMP_CMP_MASKED_EQ'),
  })
  .map(({ index, value, valueTwo, op }) =>
    op === 'SCMP_CMP_MASKED_EQ' ? { index, value, valueTwo, op } : { index, value, op },
  );

const actionArb = fc.oneof(
  fc.constant({ action: 'SCMP_ACT_ALLOW', errnoRet: undefined }),
  fc.record({
    action: fc.constant('SCMP_ACT_ERRNO'),
    errnoRet: fc.constantFrom(undefined, 1, 38),
  }),
  fc.constant({ action: 'SCMP_ACT_KILL', errnoRet: undefined }),
  fc.constant({ action: 'SCMP_ACT_LOG', errnoRet: undefined }),
  fc.constant({ action: 'SCMP_ACT_TRACE', errnoRet: undefined }),
);

const ruleArb: fc.Arbitrary<GeneratedRule> = fc
  .record({
    names: namesArb,
    legacy: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
    act: actionArb,
    args: sometimes(fc.array(argArb, { maxLength: 2 })),
    includes: sometimes(filterArb),
    excludes: sometimes(filterArb, 1, 4),
    comment: sometimes(fc.constantFrom('', 'allow "mount" // here', '/* not a comment */'), 1, 4),
  })
  .map(({ act, legacy, ...rest }) => ({
    ...rest,
    ...act,
    legacy: legacy && rest.names.length > 0,
  }));

function ruleJson(rule: GeneratedRule): Record<string, unknown> {
  return {
    ...(rule.legacy ? { name: rule.names[0] } : { names: rule.names }),
    action: rule.action,
    errnoRet: rule.errnoRet,
    args: rule.args,
    comment: rule.comment,
    includes: rule.includes,
    excludes: rule.excludes,
  };
}

interface ProfileShape {
  defaultAction: string;
  defaultErrnoRet: number | undefined;
  rules: GeneratedRule[];
  unknown: boolean;
  /** The indentation unit and the line break. */
  indent: [string, string];
}

function generated({
  defaultAction,
  defaultErrnoRet,
  rules,
  unknown,
  indent,
}: ProfileShape): Generated {
  const json = {
    defaultAction,
    // Only errno actions carry an errno (the OCI spec refuses it otherwise: LINT-2).
    defaultErrnoRet: defaultAction === 'SCMP_ACT_ERRNO' ? defaultErrnoRet : undefined,
    ...(unknown ? { 'x-generated': { by: 'edit.test', comment: '// keep' } } : {}),
    syscalls: rules.map(ruleJson),
  };
  const [unit, lineBreak] = indent;
  // Strings hold no raw line break, so every LF is a line break of the layout.
  const text = JSON.stringify(json, null, unit).replaceAll('\n', lineBreak);
  return { text, rules, defaultAction };
}

const indentArb = fc.tuple(
  fc.constantFrom('\t', '  ', '    ', ''),
  fc.constantFrom('\n', '\n', '\n', '\r\n'),
);

const profileArb: fc.Arbitrary<Generated> = fc
  .record({
    defaultAction: fc.constantFrom(
      'SCMP_ACT_ERRNO',
      'SCMP_ACT_ALLOW',
      'SCMP_ACT_KILL_PROCESS',
      'SCMP_ACT_LOG',
    ),
    defaultErrnoRet: fc.constantFrom(undefined, 1, 38),
    rules: fc.array(ruleArb, { maxLength: 6 }),
    unknown: fc.boolean(),
    indent: indentArb,
  })
  .map(generated);

const contextArb: fc.Arbitrary<ResolveContext> = fc
  .record({
    arch: fc.constantFrom(...ARCHES),
    caps: fc.subarray([...CAPS]),
    kernel: fc.constantFrom(...KERNELS),
  })
  .map(({ arch, caps, kernel }) => ({ arch, caps: new Set(caps), kernel: { ...kernel } }));

const caseArb = fc.record({
  profile: profileArb,
  syscall: fc.constantFrom(...POOL),
  context: contextArb,
  wanted: fc.constantFrom<Wanted>('allow', 'block'),
});

describe('edit properties over generated profiles', () => {
  it('[EDIT-3] after allow the syscall is Allowed, after block it is Blocked (failures are rare and explained)', () => {
    let runs = 0;
    const failures: string[] = [];
    fc.assert(
      fc.property(caseArb, ({ profile, syscall, context, wanted }) => {
        runs++;
        const result = edit(wanted, profile.text, syscall, context);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          failures.push(
            `${wanted} ${syscall} in ${contextLabel(context)}: ${result.error}\n  ${JSON.stringify(profile.text)}`,
          );
          return;
        }
        const verdict = verdictOf(result.text, syscall, context);
        if (wanted === 'allow') expect(isAllowed(verdict), verdictKey(verdict)).toBe(true);
        else expect(isBlocked(verdict), verdictKey(verdict)).toBe(true);
      }),
      fcOptions,
    );
    if (failures.length > 0) console.info(`[edit.test] EDIT-3 refusals:\n${failures.join('\n')}`);
    expect(failures.length).toBeLessThan(runs * 0.05);
  });

  it('[EDIT-4] no other syscall’s verdict changes, in any context of the grid', () => {
    fc.assert(
      fc.property(caseArb, ({ profile, syscall, context, wanted }) => {
        const result = edit(wanted, profile.text, syscall, context);
        if (!result.ok || !result.changed) return;
        expectOthersUnchanged(profile.text, result.text, syscall, POOL);
      }),
      fcOptions,
    );
  });

  it('[EDIT-1] the edit is one smallest replacement; the rest is byte-identical; the result parses', () => {
    fc.assert(
      fc.property(caseArb, ({ profile, syscall, context, wanted }) => {
        expectMinimalEdit(profile.text, edit(wanted, profile.text, syscall, context));
      }),
      fcOptions,
    );
  });

  it('[EDIT-5] for a name in no rule, allow then block (from blocked) and block then allow (from allowed) give back the bytes', () => {
    let runs = 0;
    const kinds = new Map<Wanted, number>();
    const roundTripArb = fc.record({
      profile: profileArb,
      pick: fc.nat(),
      preferUnmentioned: fc.boolean(),
      context: contextArb,
    });
    fc.assert(
      fc.property(roundTripArb, ({ profile, pick, preferUnmentioned, context }) => {
        runs++;
        const unmentioned = POOL.filter((name) => mentioning(profile.rules, name).length === 0);
        // Half the time, pick among the names the round trip is promised for.
        const candidates = preferUnmentioned && unmentioned.length > 0 ? unmentioned : POOL;
        const syscall = candidates[pick % candidates.length]!;
        const sorted = profile.rules.every((rule) => isSorted(rule.names, false));
        // Precondition: the first edit can only insert (the name is in no rule), into lists
        // kept sorted by code units.
        if (!sorted || mentioning(profile.rules, syscall).length > 0) return;
        const verdict = verdictOf(profile.text, syscall, context);
        const first: Wanted | undefined = isBlocked(verdict)
          ? 'allow'
          : isAllowed(verdict)
            ? 'block'
            : undefined;
        if (first === undefined) return; // e.g. SCMP_ACT_LOG: neither allowed nor blocked
        kinds.set(first, (kinds.get(first) ?? 0) + 1);
        const there = changed(edit(first, profile.text, syscall, context));
        const back = changed(
          edit(first === 'allow' ? 'block' : 'allow', there.text, syscall, context),
        );
        expect(back.text).toBe(profile.text);
      }),
      fcOptions,
    );
    const checked = (kinds.get('allow') ?? 0) + (kinds.get('block') ?? 0);
    console.info(
      `[edit.test] EDIT-5 (new name): the precondition held in ${checked} of ${runs} runs (allow first: ${kinds.get('allow') ?? 0}, block first: ${kinds.get('block') ?? 0})`,
    );
    expect(checked).toBeGreaterThanOrEqual(runs * 0.2);
    expect(kinds.get('allow') ?? 0).toBeGreaterThan(0);
    expect(kinds.get('block') ?? 0).toBeGreaterThan(0);
  });

  it('[EDIT-5] for a name in a sorted plain list, block then allow (allowlist) and allow then block (denylist) give back the bytes', () => {
    // The name sits once in one plain rule (names and action only) whose names are sorted and
    // distinct, with other names beside it, and that rule is the first plain rule with its
    // action; no other rule mentions the name. Taking it out and putting it back must find the
    // same rule and the same place.
    const listedArb = fc
      .record({
        syscall: fc.constantFrom(...POOL),
        others: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 }),
        allowlist: fc.boolean(),
        blockingDefault: fc.constantFrom('SCMP_ACT_ERRNO', 'SCMP_ACT_KILL_PROCESS'),
        defaultErrnoRet: fc.constantFrom(undefined, 1, 38),
        errnoRet: fc.constantFrom(undefined, 1),
        comment: sometimes(fc.constantFrom('', 'deny "mount" // here')),
        before: fc.array(ruleArb, { maxLength: 3 }),
        after: fc.array(ruleArb, { maxLength: 3 }),
        unknown: fc.boolean(),
        indent: indentArb,
        context: contextArb,
      })
      .map((input) => {
        const { syscall, allowlist } = input;
        const names = [...new Set([...input.others, syscall])].sort(byCodeUnits);
        if (names.length === 1) names.push(syscall === 'write' ? 'read' : 'write');
        names.sort(byCodeUnits);
        const bucket: GeneratedRule = {
          names,
          legacy: false,
          action: allowlist ? 'SCMP_ACT_ALLOW' : 'SCMP_ACT_ERRNO',
          errnoRet: allowlist ? undefined : input.errnoRet,
          args: undefined,
          includes: undefined,
          excludes: undefined,
          comment: input.comment,
        };
        const elsewhere = (rule: GeneratedRule) => mentioning([rule], syscall).length === 0;
        const rules = [
          ...input.before.filter(
            (rule) => elsewhere(rule) && !(isPlainName(rule) && sameBucket(rule, bucket)),
          ),
          bucket,
          ...input.after.filter(elsewhere),
        ];
        const profile = generated({
          defaultAction: allowlist ? input.blockingDefault : 'SCMP_ACT_ALLOW',
          defaultErrnoRet: input.defaultErrnoRet,
          rules,
          unknown: input.unknown,
          indent: input.indent,
        });
        return { profile, syscall, allowlist, context: input.context };
      });
    fc.assert(
      fc.property(listedArb, ({ profile, syscall, allowlist, context }) => {
        const verdict = verdictOf(profile.text, syscall, context);
        expect(allowlist ? isAllowed(verdict) : isBlocked(verdict)).toBe(true);
        const first: Wanted = allowlist ? 'block' : 'allow';
        const there = changed(edit(first, profile.text, syscall, context));
        expect(there.summary).toMatch(/^Removes /);
        const back = changed(edit(allowlist ? 'allow' : 'block', there.text, syscall, context));
        expect(back.text).toBe(profile.text);
      }),
      fcOptions,
    );
  });
});

function mentioning(rules: readonly GeneratedRule[], name: string): GeneratedRule[] {
  return rules.filter((rule) => (rule.legacy ? rule.names.slice(0, 1) : rule.names).includes(name));
}

function isSorted(names: readonly string[], strictly: boolean): boolean {
  return names.every((name, i) => {
    if (i === 0) return true;
    const order = byCodeUnits(names[i - 1]!, name);
    return strictly ? order < 0 : order <= 0;
  });
}

function isPlainName(rule: GeneratedRule): boolean {
  return (
    !rule.legacy &&
    (rule.args?.length ?? 0) === 0 &&
    isEmptyFilter(rule.includes) &&
    isEmptyFilter(rule.excludes)
  );
}

function isEmptyFilter(filter: Record<string, unknown> | undefined): boolean {
  return filter === undefined || Object.keys(filter).length === 0;
}

function sameBucket(a: GeneratedRule, b: GeneratedRule): boolean {
  if (a.action !== b.action) return false;
  return a.action !== 'SCMP_ACT_ERRNO' || (a.errnoRet ?? 1) === (b.errnoRet ?? 1);
}

// ---------------------------------------------------------------------------------------------
// Real profiles

const REAL_NAMES = [...POOL, 'chown', 'open', 'clone3'];

function acceptedWithFilter(text: string): boolean {
  const result = parsed(text);
  if (result.syntaxError || result.dockerError !== undefined || result.profile === null)
    return false;
  const resolved = resolveProfile(result.profile, ctx);
  return resolved.ok && resolved.seccomp !== null;
}

/**
 * Allows and blocks each of {@link REAL_NAMES} in the default context, checking [EDIT-1],
 * [EDIT-3] and [EDIT-4]; returns the edits the engine refused, with its reasons.
 */
function checkRealProfile(text: string): string[] {
  const refusals: string[] = [];
  const names = [...new Set([...mentionedNames(text), ...POOL])];
  for (const syscall of REAL_NAMES) {
    for (const wanted of ['allow', 'block'] as const) {
      const result = edit(wanted, text, syscall, ctx);
      if (!result.ok) {
        expect(result.error.length).toBeGreaterThan(0);
        refusals.push(`${wanted} ${syscall}: ${result.error}`);
        continue;
      }
      expectMinimalEdit(text, result);
      const verdict = verdictOf(result.text, syscall);
      if (wanted === 'allow') expect(isAllowed(verdict), `${wanted} ${syscall}`).toBe(true);
      else expect(isBlocked(verdict), `${wanted} ${syscall}`).toBe(true);
      if (result.changed) expectOthersUnchanged(text, result.text, syscall, names);
    }
  }
  return refusals;
}

describe('edit on real profiles', () => {
  it('[EDIT-3] [EDIT-4] hold on Docker’s default profile', () => {
    expect(checkRealProfile(dockerDefaultProfileText())).toEqual([]);
  });

  const corpus = hasShared('corpus') ? corpusProfiles() : [];
  it.skipIf(corpus.length === 0)(
    corpus.length === 0
      ? `[EDIT-3] [EDIT-4] on the corpus profiles: ${SHARED_MISSING}`
      : '[EDIT-3] [EDIT-4] hold on every corpus profile that Docker accepts and that has a filter',
    () => {
      const usable = corpus.filter(([, text]) => acceptedWithFilter(text));
      expect(usable.length).toBeGreaterThan(0);
      const unexpected: string[] = [];
      let expected = 0;
      for (const [name, text] of usable) {
        // The one refusal EDIT-5 allows: a profile without a `syscalls` array cannot take a new
        // rule (k8s-website-violation.json and spo-test-permissive.json are such profiles).
        const noSyscallsArray = !parsed(text).profile!.fields.has('syscalls');
        for (const refusal of checkRealProfile(text)) {
          if (
            noSyscallsArray &&
            refusal.endsWith('The profile has no syscalls array to add a rule to')
          )
            expected++;
          else unexpected.push(`${name}: ${refusal}`);
        }
      }
      console.info(
        `[edit.test] corpus: edited ${usable.length} of ${corpus.length} profiles; ${expected} refusals for want of a syscalls array`,
      );
      expect(unexpected).toEqual([]);
    },
  );

  it('[EDIT-5] block then allow gives back Docker’s default for at least 95% of its first rule’s 361 names', () => {
    const text = dockerDefaultProfileText();
    const names = parseProfile(text).profile!.syscalls![0]!.names!.map((item) => item.value);
    expect(names).toHaveLength(361);
    const exceptions: string[] = [];
    for (const syscall of names) {
      const blocked = changed(blockSyscall(text, syscall, ctx));
      expect(isBlocked(verdictOf(blocked.text, syscall))).toBe(true);
      const allowed = changed(allowSyscall(blocked.text, syscall, ctx));
      expect(isAllowed(verdictOf(allowed.text, syscall))).toBe(true);
      if (allowed.text !== text) exceptions.push(syscall);
    }
    const rate = (names.length - exceptions.length) / names.length;
    console.info(
      `[edit.test] Docker default round trip: ${names.length - exceptions.length}/${names.length} (${(rate * 100).toFixed(1)}%); exceptions: ${exceptions.join(', ')}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.95);
    expect(exceptions.length).toBeLessThanOrEqual(10);
  });
});

describe('a switch turned off: disallowSyscall (EDIT-7)', () => {
  it('[EDIT-7] [EDIT-5] on Docker’s default, switching a conditional syscall on and off gives back the bytes and its conditions', () => {
    const text = dockerDefaultProfileText();
    for (const name of ['clone', 'socket', 'personality']) {
      expect(verdictOf(text, name).kind, name).toBe('conditional');
      const on = changed(allowSyscall(text, name, ctx));
      expect(isAllowed(verdictOf(on.text, name))).toBe(true);
      const off = changed(disallowSyscall(on.text, name, ctx));
      expect(off.text, name).toBe(text);
      expect(verdictOf(off.text, name).kind).toBe('conditional');
      expect(off.summary).toMatch(
        /^Removes \w+ from rule 1, so only rules? [\d, ]+ still allows? or refuses? it, for some argument values$/,
      );
      expectMinimalEdit(on.text, off);
      expectOthersUnchanged(on.text, off.text, name, ['read', 'clone3', 'mount']);
    }
  });

  it('[EDIT-7] takes the name out of the unconditional allow rules only, and says what still decides it', () => {
    const text =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "mount"], "action": "SCMP_ACT_ALLOW"}, {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 2, "value": 1, "op": "SCMP_CMP_EQ"}]}, {"names": ["mount"], "action": "SCMP_ACT_ALLOW"}]}';
    const off = changed(disallowSyscall(text, 'mount', ctx));
    expect(off.text).toBe(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}, {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 2, "value": 1, "op": "SCMP_CMP_EQ"}]}]}',
    );
    expect(off.summary).toBe(
      'Removes mount from rule 1, rule 3, so only rule 2 still allows or refuses it, for some argument values',
    );
    expect(off.edits).toHaveLength(2);
    expectMinimalEdit(text, off);
    // Nothing left but the default: blocked, as the summary says.
    const plain =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "mount"], "action": "SCMP_ACT_ALLOW"}]}';
    const blocked = changed(disallowSyscall(plain, 'mount', ctx));
    expect(isBlocked(verdictOf(blocked.text, 'mount'))).toBe(true);
    expect(blocked.summary).toBe(
      'Removes mount from rule 1, so the default action (SCMP_ACT_ERRNO with errno 1) applies',
    );
    expect(describeEdit(plain, 'mount', ctx, 'disallow')).toBe(blocked.summary);
    // Allowing rules after one that decides every call otherwise decide nothing: left alone.
    const shadowed =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read", "mount"], "action": "SCMP_ACT_ALLOW"}, {"names": ["mount"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38}, {"names": ["mount", "write"], "action": "SCMP_ACT_ALLOW"}]}';
    const refused = changed(disallowSyscall(shadowed, 'mount', ctx));
    expect(refused.edits).toHaveLength(1);
    expect(refused.text).toBe(shadowed.replace('["read", "mount"]', '["read"]'));
    expect(refused.summary).toBe(
      'Removes mount from rule 1, so rule 2 (SCMP_ACT_ERRNO with errno 38) applies',
    );
    // A rule removed whole renumbers the ones after it: the summary keeps the text's numbers.
    const before =
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["mount"], "action": "SCMP_ACT_ALLOW"}, {"names": ["read"], "action": "SCMP_ACT_ALLOW"}, {"names": ["mount"], "action": "SCMP_ACT_LOG", "args": [{"index": 2, "value": 1, "op": "SCMP_CMP_EQ"}]}]}';
    expect(changed(disallowSyscall(before, 'mount', ctx)).summary).toBe(
      'Removes mount from rule 1, so only rule 3 still allows or refuses it, for some argument values',
    );
  });

  it('[EDIT-7] [EDIT-6] on a denylist it blocks, as blockSyscall does; a syscall not allowed for every call is left alone', () => {
    const denylist =
      '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chown"], "action": "SCMP_ACT_ERRNO"}]}';
    const off = changed(disallowSyscall(denylist, 'mount', ctx));
    expect(off.text).toBe(changed(blockSyscall(denylist, 'mount', ctx)).text);
    expect(isBlocked(verdictOf(off.text, 'mount'))).toBe(true);
    const unchanged = disallowSyscall(dockerDefaultProfileText(), 'clone', ctx);
    expect(unchanged).toEqual({
      ok: true,
      changed: false,
      text: dockerDefaultProfileText(),
      edits: [],
      summary: 'clone is already not allowed for every call here',
    });
    expect(disallowSyscall('{"defaultAction": ', 'mount', ctx)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The profile is not valid JSON \(line 1, column 19/),
    });
  });

  it('[EDIT-7] [EDIT-4] leaves every other syscall’s verdict alone and never leaves the syscall allowed, over generated profiles', async () => {
    const { generateLargeProfile } = await import('../testing/large-profile.ts');
    const text = generateLargeProfile(300, 5);
    const names = ['mount', 'clone', 'socket', 'ptrace', 'read', 'bpf'];
    for (const context of [ctx, defaultContext({ caps: new Set(['CAP_SYS_ADMIN']) })]) {
      for (const name of names) {
        const on = allowSyscall(text, name, context);
        if (!on.ok) continue;
        const off = disallowSyscall(on.text, name, context);
        if (!off.ok) throw new Error(off.error);
        expect(isAllowed(verdictOf(off.text, name, context)), name).toBe(false);
        expectMinimalEdit(on.text, off);
        expectOthersUnchanged(on.text, off.text, name, names);
      }
    }
  });
});

describe('taking a name out of every opposing rule at once (EDIT-6)', () => {
  it('gives the text one removal at a time gives, or declines', async () => {
    const { removeOpposingAtOnce, removeOpposingOneByOne, opposingRules, allowsEveryCall } =
      await import('./edit.ts');
    const { generateLargeProfile } = await import('../testing/large-profile.ts');
    const { dockerDefaultProfileText } = await import('./docker-default.ts');
    const { defaultContext } = await import('./context.ts');
    const { parseProfile } = await import('./parse.ts');
    const contexts = [defaultContext(), defaultContext({ caps: new Set(['CAP_SYS_ADMIN']) })];
    let compared = 0;
    for (const text of [dockerDefaultProfileText(), generateLargeProfile(200, 3)]) {
      const parsed = parseProfile(text);
      const names = new Set(
        (parsed.profile?.syscalls ?? []).flatMap((rule) => (rule?.names ?? []).map((n) => n.value)),
      );
      for (const context of contexts) {
        for (const name of names) {
          const removals = [
            ...(['allow', 'block'] as const).flatMap((wanted) =>
              [false, true].map((conditional) => ({
                label: `${wanted}${conditional ? ' (conditional too)' : ''}`,
                opposes: opposingRules(wanted, conditional),
              })),
            ),
            { label: 'disallow', opposes: allowsEveryCall },
          ];
          for (const { label, opposes } of removals) {
            const atOnce = removeOpposingAtOnce(parsed, name, context, opposes);
            if (atOnce === 'one by one') continue;
            const oneByOne = removeOpposingOneByOne(parsed, name, context, opposes);
            expect(atOnce?.parsed.text, `${label} ${name}`).toBe(oneByOne?.parsed.text);
            expect(atOnce?.rules).toEqual(oneByOne?.rules);
            if (atOnce) compared += 1;
          }
        }
      }
    }
    // The generated profile names each syscall in several rules (200 rules of three names from
    // 65): plenty of real comparisons where removals interact.
    expect(compared).toBeGreaterThan(100);
  });
});

describe('applyEdits', () => {
  it('applies edits in one pass as if from the last to the first', async () => {
    const { applyEdits } = await import('./edit.ts');
    const edits = [
      { start: 1, end: 2, newText: 'B' },
      { start: 4, end: 4, newText: 'x' },
      { start: 4, end: 4, newText: 'y' },
      { start: 0, end: 1, newText: '' },
    ];
    let expected = 'abcdef';
    for (const edit of [...edits].sort((a, b) => b.start - a.start))
      expected = expected.slice(0, edit.start) + edit.newText + expected.slice(edit.end);
    expect(applyEdits('abcdef', edits)).toBe(expected);
    expect(applyEdits('abcdef', edits)).toBe('Bcdyxef');
  });
});
