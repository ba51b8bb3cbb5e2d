import { describe, expect, it } from 'vitest';
import { cursorPlace, objectKindAt, syscallNameAt, valueKindAt } from './json-location.ts';

/** The text with `|` removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const place = (marked: string) => cursorPlace(...at(marked));

describe('where the cursor is, for completion', () => {
  it('inside a string in a names array: a syscall, replacing the whole string', () => {
    const [text, offset] = at('{"syscalls": [{"names": ["read", "ptr|"]}]}');
    const found = cursorPlace(text, offset);
    expect(found).toMatchObject({
      type: 'value',
      kind: 'syscall',
      prefix: 'ptr',
      quoted: true,
      siblings: ['read'],
    });
    expect(text.slice(found!.replace.start, found!.replace.end)).toBe('"ptr"');
  });

  it('a bare word typed without quotes, and an empty array', () => {
    const [text, offset] = at('{"syscalls": [{"names": [ptr|]}]}');
    const found = cursorPlace(text, offset);
    expect(found).toMatchObject({ type: 'value', kind: 'syscall', prefix: 'ptr', quoted: false });
    expect(text.slice(found!.replace.start, found!.replace.end)).toBe('ptr');
    expect(place('{"syscalls": [{"names": [|]}]}')).toMatchObject({
      kind: 'syscall',
      prefix: '',
      replace: { start: 25, end: 25 },
    });
  });

  it('keeps working in text that does not parse', () => {
    expect(place('{\n "a": 1\n "syscalls": [{"names": ["pt|"]}]}')).toMatchObject({
      kind: 'syscall',
      prefix: 'pt',
    });
    expect(place('{"syscalls": [{"names": ["pt|')).toMatchObject({ kind: 'syscall', prefix: 'pt' });
  });

  it('knows actions, operators, both kinds of architecture names, capabilities and flags', () => {
    expect(place('{"defaultAction": "|"}')).toMatchObject({ kind: 'action' });
    expect(place('{"syscalls": [{"action": |}]}')).toMatchObject({ kind: 'action' });
    expect(place('{"syscalls": [{"args": [{"op": "SCMP_CMP_|"}]}]}')).toMatchObject({
      kind: 'operator',
      prefix: 'SCMP_CMP_',
    });
    expect(place('{"architectures": ["|"]}')).toMatchObject({ kind: 'scmp-arch' });
    expect(place('{"archMap": [{"architecture": "|"}]}')).toMatchObject({ kind: 'scmp-arch' });
    expect(place('{"archMap": [{"subArchitectures": ["|"]}]}')).toMatchObject({
      kind: 'scmp-arch',
    });
    expect(place('{"syscalls": [{"includes": {"arches": ["|"]}}]}')).toMatchObject({
      kind: 'docker-arch',
    });
    expect(place('{"syscalls": [{"excludes": {"caps": ["CAP|"]}}]}')).toMatchObject({
      kind: 'capability',
      prefix: 'CAP',
    });
    expect(place('{"flags": ["|"]}')).toMatchObject({ kind: 'flag' });
  });

  it('offers keys of the object the cursor is in, minus the ones it has', () => {
    expect(place('{"syscalls": [{"names": [], "ac|"}]}')).toMatchObject({
      type: 'key',
      object: 'rule',
      prefix: 'ac',
      present: ['names'],
      hasValue: false,
    });
    expect(place('{"syscalls": [{"ac|": "SCMP_ACT_ALLOW"}]}')).toMatchObject({
      type: 'key',
      hasValue: true,
    });
    expect(place('{|}')).toMatchObject({ type: 'key', object: 'profile' });
    expect(place('{"syscalls": [{"includes": {|}}]}')).toMatchObject({ object: 'filter' });
    expect(place('{"syscalls": [{"args": [{|}]}]}')).toMatchObject({ object: 'arg' });
    expect(place('{"archMap": [{|}]}')).toMatchObject({ object: 'archMap' });
  });

  it('reads siblings and present keys from the container the cursor is in, not its neighbours', () => {
    const rules = [
      '{"names": ["read", "write"], "action": "SCMP_ACT_ALLOW", "comment": "io"}',
      '{"names": ["mount", "pt|", "umount2"], "action": "SCMP_ACT_ERRNO"}',
      '{"names": ["clone"], "includes": {"caps": ["CAP_SYS_ADMIN"]}}',
    ];
    const text = `{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [${rules.join(', ')}]}`;
    expect(place(text)).toMatchObject({ kind: 'syscall', siblings: ['mount', 'umount2'] });
    const keyed = text.replace('"pt|"', '"ptrace"').replace('"action": "SCMP_ACT_ERRNO"', '"ac|"');
    expect(place(keyed)).toMatchObject({ type: 'key', object: 'rule', present: ['names'] });
    expect(place(`{"defaultAction": "x", "syscalls": [], "ar|"}`)).toMatchObject({
      object: 'profile',
      present: ['defaultAction', 'syscalls'],
    });
    // An array still being written runs to the end of the text.
    expect(place('{"syscalls": [{"names": ["read", "wr|')).toMatchObject({
      siblings: ['read'],
    });
  });

  it('offers nothing after a complete value, in numbers, or in unknown objects', () => {
    expect(place('{"syscalls": [{"names": ["read"|]}]}')).toBeUndefined();
    expect(place('{"defaultErrnoRet": 1|}')).toBeUndefined();
    expect(place('{"other": {"x": "|"}}')).toBeUndefined();
    expect(place('{"other": {|}}')).toBeUndefined();
  });

  it('names value and object kinds by path', () => {
    expect(valueKindAt(['syscalls', 2, 'name'])).toBe('syscall');
    expect(valueKindAt(['syscalls', 'x', 'names', 0])).toBeUndefined();
    expect(objectKindAt(['syscalls', 0, 'excludes', ''])).toBe('filter');
  });
});

describe('the syscall name under the cursor', () => {
  it('finds a name in names or name, anywhere in its string', () => {
    const text = '{"syscalls": [{"names": ["read", "ptrace"]}, {"name": "mount"}]}';
    for (const offset of [33, 34, 38, 41]) {
      expect(syscallNameAt(text, offset)).toEqual({
        name: 'ptrace',
        span: { start: 33, end: 41 },
      });
    }
    expect(syscallNameAt(text, text.indexOf('mount'))?.name).toBe('mount');
  });

  it('is undefined elsewhere', () => {
    const text = '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"]}]}';
    expect(syscallNameAt(text, 20)).toBeUndefined();
    expect(syscallNameAt(text, 3)).toBeUndefined();
    expect(syscallNameAt('{"syscalls": [{"names": ["rea', 27)).toBeUndefined();
  });
});

describe('text nested too deeply for the parser', () => {
  it('finds nothing, and throws nothing', () => {
    const depth = 100_000;
    const text = `{"syscalls": [{"names": ${'['.repeat(depth)}"read"${']'.repeat(depth)}}]}`;
    const inside = text.indexOf('read');
    expect(cursorPlace(text, inside)).toBeUndefined();
    expect(syscallNameAt(text, inside)).toBeUndefined();
  });
});
