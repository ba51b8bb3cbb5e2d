import { describe, expect, it } from 'vitest';
import { completionsAt, shorten, type CompletionSources } from './completion.ts';
import { cursorPlace } from './json-location.ts';

const sources: CompletionSources = {
  syscalls: [
    { name: 'mount', description: 'Attach a filesystem' },
    { name: 'prctl', description: 'Per-process controls' },
    { name: 'ptrace', description: 'Observe and control another process' },
    { name: 'read', description: 'Read from a file descriptor' },
  ],
  statusOf: (name) => (name === 'mount' ? 'Blocked (EPERM)' : 'Allowed'),
  reasonOf: (name) => (name === 'mount' ? 'Mounts build a container’s view.' : undefined),
};

function completions(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return completionsAt(cursorPlace(text, offset), sources);
}

describe('completion', () => {
  it('offers syscall names in names with what they do and their status here', () => {
    const items = completions('{"syscalls": [{"names": ["read", "ptr|"]}]}');
    expect(items.map((item) => item.label)).toEqual(['mount', 'prctl', 'ptrace']);
    const ptrace = items.find((item) => item.label === 'ptrace')!;
    expect(ptrace).toMatchObject({
      labelDetail: ' Observe and control another process',
      labelDescription: 'Allowed',
      detail: 'Allowed here',
      insertText: '"ptrace"',
      filterText: '"ptrace"',
      snippet: false,
      kind: 'syscall',
      replace: { start: 33, end: 38 },
    });
    const mount = items.find((item) => item.label === 'mount')!;
    expect(mount).toMatchObject({ labelDescription: 'Blocked', detail: 'Blocked (EPERM) here' });
    expect(mount.documentation).toContain('Docker’s default: Mounts build');
  });

  it('filters a bare word without its quotes, and writes them', () => {
    const [ptrace] = completions('{"syscalls": [{"names": [ptr|]}]}').filter(
      (item) => item.label === 'ptrace',
    );
    expect(ptrace).toMatchObject({ insertText: '"ptrace"', filterText: 'ptrace' });
  });

  it('offers actions, operators, arches, capabilities and flags where they go', () => {
    const labels = (marked: string) => completions(marked).map((item) => item.label);
    expect(labels('{"defaultAction": "|"}')).toContain('SCMP_ACT_ERRNO');
    expect(completions('{"syscalls": [{"action": "|"}]}')[0]!.detail).toMatch(/^Kill/);
    expect(labels('{"syscalls": [{"args": [{"op": "|"}]}]}')).toContain('SCMP_CMP_MASKED_EQ');
    expect(labels('{"architectures": ["SCMP_ARCH_X86", "|"]}')).not.toContain('SCMP_ARCH_X86');
    expect(labels('{"architectures": ["|"]}')).toContain('SCMP_ARCH_AARCH64');
    const arches = labels('{"syscalls": [{"includes": {"arches": ["|"]}}]}');
    expect(arches).toContain('s390x');
    expect(arches.some((label) => label.startsWith('SCMP_ARCH'))).toBe(false);
    const caps = completions('{"syscalls": [{"includes": {"caps": ["|"]}}]}');
    expect(caps.find((item) => item.label === 'CAP_SYS_PTRACE')?.labelDetail).toMatch(/Trace/);
    expect(caps.find((item) => item.label === 'CAP_CHOWN')?.labelDescription).toBe(
      'in Docker’s default set',
    );
    expect(labels('{"flags": ["|"]}')).toContain('SECCOMP_FILTER_FLAG_LOG');
  });

  it('offers the keys an object lacks, with a value snippet of the right type', () => {
    const items = completions('{"syscalls": [{"names": [], "|"}]}');
    expect(items.map((item) => item.label)).toEqual([
      'action',
      'errnoRet',
      'args',
      'name',
      'comment',
      'includes',
      'excludes',
    ]);
    expect(items.find((item) => item.label === 'args')).toMatchObject({
      insertText: '"args": [$0]',
      snippet: true,
    });
    expect(items.find((item) => item.label === 'includes')?.insertText).toBe('"includes": {$0}');
    expect(items.find((item) => item.label === 'action')?.insertText).toBe('"action": "$0"');
    expect(items.find((item) => item.label === 'errnoRet')?.insertText).toBe('"errnoRet": $0');
    const renaming = completions('{"syscalls": [{"acti|": "SCMP_ACT_ALLOW"}]}');
    expect(renaming.find((item) => item.label === 'action')).toMatchObject({
      insertText: '"action"',
      snippet: false,
    });
  });

  it('keeps long descriptions short in the list, cut between words', () => {
    expect(shorten('Get and/or set a resource limit of any process', 30)).toBe(
      'Get and/or set a resource…',
    );
    expect(shorten('short', 30)).toBe('short');
  });

  it('offers nothing where the format names nothing', () => {
    expect(completions('{"comment": "|"}')).toEqual([]);
    expect(completionsAt(undefined, sources)).toEqual([]);
  });
});
