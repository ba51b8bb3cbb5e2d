import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { CAPABILITIES } from './capabilities.ts';
import { SYSCALL_NUMBERS } from './generated/syscall-numbers.ts';
import { manPageOf, manPageUrl } from './man-pages.ts';
import {
  CATEGORY_LABELS,
  SYSCALL_TEXT,
  syscallText,
  type SyscallCategory,
} from './syscall-text.ts';
import { wordRuns } from '../testing/word-runs.ts';

const DOCS = fileURLToPath(
  new URL('../../../shared/reference/docker-seccomp-docs.txt', import.meta.url),
);
const haveDocs = existsSync(DOCS);

describe('SYSCALL_TEXT', () => {
  const tableNames = [...SYSCALL_NUMBERS.names].sort();
  const textNames = Object.keys(SYSCALL_TEXT).sort();

  it('covers exactly the names in the generated table', () => {
    expect(textNames).toEqual(tableNames);
  });

  it('gives every name a short description and a known category', () => {
    const categories = Object.keys(CATEGORY_LABELS);
    for (const name of textNames) {
      const entry = SYSCALL_TEXT[name];
      expect(entry, name).toBeDefined();
      const description = entry?.description ?? '';
      expect(description.trim(), name).not.toBe('');
      expect(description.length, name).toBeLessThanOrEqual(140);
      expect(description, name).not.toMatch(/\s$|^\s|[^.]\.$/);
      expect(categories, name).toContain(entry?.category);
    }
  });

  it('uses every category', () => {
    const used = new Set(Object.values(SYSCALL_TEXT).map((entry) => entry.category));
    expect([...used].sort()).toEqual(Object.keys(CATEGORY_LABELS).sort());
  });

  it('files unimplemented slots under obsolete', () => {
    const unimplemented = [
      'afs_syscall',
      'tuxcall',
      'security',
      'vserver',
      'putpmsg',
      'getpmsg',
      'break',
      'ftime',
      'gtty',
      'stty',
      'lock',
      'mpx',
      'prof',
      'profil',
      'ulimit',
      'idle',
      'epoll_ctl_old',
      'epoll_wait_old',
      'multiplexer',
      'create_module',
      'query_module',
      'get_kernel_syms',
      'nfsservctl',
      '_sysctl',
    ];
    for (const name of unimplemented) {
      expect(SYSCALL_TEXT[name]?.category, name).toBe<SyscallCategory>('obsolete');
    }
  });

  it('says what the variants are', () => {
    expect(SYSCALL_TEXT.clock_gettime64?.description).toBe(
      'clock_gettime with 64-bit time_t on 32-bit ABIs',
    );
    expect(SYSCALL_TEXT.chown32?.description).toMatch(/^chown with 32-bit IDs/);
    expect(SYSCALL_TEXT.fstat64?.description).toMatch(/^fstat /);
  });

  it('does not resolve Object.prototype names', () => {
    expect(SYSCALL_TEXT.toString).toBeUndefined();
    expect(syscallText('constructor')).toBeUndefined();
    expect(syscallText('ptrace')?.category).toBe('tracing-debugging');
  });
});

describe('manPageUrl', () => {
  it('defaults to the page named after the syscall', () => {
    expect(manPageUrl('ptrace')).toBe('https://man7.org/linux/man-pages/man2/ptrace.2.html');
    expect(manPageUrl('openat2')).toBe('https://man7.org/linux/man-pages/man2/openat2.2.html');
  });

  it('follows variants to the page that documents them', () => {
    const page = (name: string): string | undefined =>
      manPageUrl(name)?.replace('https://man7.org/linux/man-pages/', '');
    expect(page('fstat64')).toBe('man2/stat.2.html');
    expect(page('accept4')).toBe('man2/accept.2.html');
    expect(page('_llseek')).toBe('man2/llseek.2.html');
    expect(page('clock_gettime64')).toBe('man2/clock_getres.2.html');
    expect(page('mq_open')).toBe('man3/mq_open.3.html');
    expect(page('getcwd')).toBe('man3/getcwd.3.html');
    expect(page('tuxcall')).toBe('man2/unimplemented.2.html');
  });

  it('returns undefined when there is no page or no such syscall', () => {
    expect(manPageUrl('riscv_hwprobe')).toBeUndefined();
    expect(manPageUrl('set_tls')).toBeUndefined();
    expect(manPageUrl('no_such_syscall')).toBeUndefined();
    expect(manPageUrl('__proto__')).toBeUndefined();
  });

  it('only ever names well-formed pages', () => {
    for (const name of Object.keys(SYSCALL_TEXT)) {
      const page = manPageOf(name);
      expect(page, name).toBeDefined();
      if (page === '') continue;
      expect(page, name).toMatch(/^[a-z0-9_]+\.[23]$/);
    }
    expect(manPageOf('no_such_syscall')).toBeUndefined();
    expect(manPageOf('constructor')).toBeUndefined();
  });
});

describe.skipIf(!haveDocs)(
  'own wording (skipped: ../shared/reference/docker-seccomp-docs.txt not found)',
  () => {
    it('shares no run of 8 words with the Docker docs', () => {
      const docRuns = wordRuns(readFileSync(DOCS, 'utf8'), 8);
      const texts = [
        ...Object.entries(SYSCALL_TEXT).map(([name, entry]) => [name, entry.description]),
        ...CAPABILITIES.map((cap) => [cap.name, cap.description]),
      ];
      for (const [name, text] of texts) {
        const shared = [...wordRuns(text ?? '', 8)].filter((run) => docRuns.has(run));
        expect(shared, name).toEqual([]);
      }
    });
  },
);
