import { describe, expect, it } from 'vitest';
import { catalogEntries } from '../catalog/catalog.ts';
import { syscallNotes } from '../catalog/syscall-notes.ts';
import { createFuzzyMatcher } from './fuzzy-search.ts';
import {
  createSearchIndex,
  normalizeQuery,
  searchDocumentsFor,
  searchSyscalls,
  withFuzzy,
  type SearchDocument,
} from './search.ts';

const documents = searchDocumentsFor(
  catalogEntries(),
  (name) => syscallNotes(name)?.threat?.threat,
);
const plain = createSearchIndex(documents);
const index = withFuzzy(plain, createFuzzyMatcher(documents));

describe('search ranking', () => {
  it('puts the exact name first, then names it starts, then the rest', () => {
    const results = searchSyscalls(index, 'ptrace');
    expect(results[0]).toBe('ptrace');
    const mount = searchSyscalls(index, 'mount');
    expect(mount[0]).toBe('mount');
    expect(mount.indexOf('mount_setattr')).toBeLessThan(mount.indexOf('umount2'));
    expect(mount.indexOf('umount2')).toBeLessThan(mount.indexOf('pivot_root'));
  });

  it('finds what a person means by words that are not names', () => {
    expect(searchSyscalls(index, 'keyring').slice(0, 3).sort()).toEqual([
      'add_key',
      'keyctl',
      'request_key',
    ]);
    expect(searchSyscalls(index, 'namespace')).toEqual(
      expect.arrayContaining(['setns', 'unshare', 'clone']),
    );
    expect(searchSyscalls(index, 'address family')).toContain('socket');
  });

  it('finds a syscall by the threat behind its reason, which comes with the notes', () => {
    // Words only bpf's and keyctl's threats have: nothing the table shows says them.
    expect(searchSyscalls(index, 'verifier')).toEqual(['bpf']);
    expect(searchSyscalls(index, 'kerberos tickets')).toEqual(['keyctl']);
    const withoutNotes = createSearchIndex(searchDocumentsFor(catalogEntries(), () => undefined));
    expect(searchSyscalls(withoutNotes, 'verifier')).toEqual([]);
  });

  it('treats a capability as "the syscalls it unlocks", best first', () => {
    for (const query of ['CAP_SYS_ADMIN', 'cap_sys_admin', 'sys_admin']) {
      const results = searchSyscalls(index, query);
      expect(results.slice(0, 8)).toContain('mount');
      expect(results).toEqual(expect.arrayContaining(['bpf', 'unshare', 'setns', 'umount2']));
    }
    expect(searchSyscalls(index, 'CAP_SYS_PTRACE').slice(0, 6).sort()).toEqual([
      'kcmp',
      'pidfd_getfd',
      'process_madvise',
      'process_vm_readv',
      'process_vm_writev',
      'ptrace',
    ]);
  });

  it('matches nothing for an empty query', () => {
    expect(searchSyscalls(index, '   ')).toEqual([]);
  });

  it('finds names despite a typo once the fuzzy matcher is there, and works without it', () => {
    expect(searchSyscalls(index, 'ptrce')[0]).toBe('ptrace');
    expect(searchSyscalls(index, 'unshre')).toContain('unshare');
    expect(searchSyscalls(plain, 'ptrce')).toEqual([]);
    // Everything but typos works before Fuse.js has arrived.
    expect(searchSyscalls(plain, 'keyring').slice(0, 3).sort()).toEqual([
      'add_key',
      'keyctl',
      'request_key',
    ]);
    expect(searchSyscalls(plain, 'clone').slice(0, 2)).toEqual(['clone', 'clone3']);
  });

  it('matches several words each at the start of a word, in any field', () => {
    expect(searchSyscalls(index, 'mount namespace')).toEqual(
      expect.arrayContaining(['mount', 'fsmount', 'move_mount']),
    );
    expect(searchSyscalls(index, 'mount namespace')).not.toContain('read');
    // A single letter matches names only, not every description with a word starting with it.
    expect(searchSyscalls(index, 'c').every((name) => name.includes('c'))).toBe(true);
  });

  it('ranks on a small index predictably', () => {
    const docs: SearchDocument[] = [
      {
        name: 'openat',
        description: 'Open a file',
        categoryLabel: '',
        reason: '',
        capabilities: [],
      },
      { name: 'open', description: 'Open a file', categoryLabel: '', reason: '', capabilities: [] },
      {
        name: 'fsopen',
        description: 'Filesystem context',
        categoryLabel: '',
        reason: '',
        capabilities: ['CAP_SYS_ADMIN'],
      },
      {
        name: 'read',
        description: 'Read from an fd',
        categoryLabel: '',
        reason: '',
        capabilities: [],
      },
    ];
    const small = withFuzzy(createSearchIndex(docs), createFuzzyMatcher(docs));
    expect(searchSyscalls(small, 'open')).toEqual(['open', 'openat', 'fsopen']);
    expect(searchSyscalls(small, 'CAP_SYS_ADMIN')).toEqual(['fsopen']);
  });

  it('normalises what was typed', () => {
    expect(normalizeQuery('  Address   FAMILY ')).toBe('address family');
  });
});
