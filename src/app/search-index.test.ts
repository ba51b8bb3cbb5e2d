import { describe, expect, it } from 'vitest';
import { plainSearchIndex, searchSyscalls } from './search-index.ts';

describe('the search index the page fetches', () => {
  it('is built once, and searches the threats that come with the catalog’s notes', () => {
    expect(plainSearchIndex()).toBe(plainSearchIndex());
    expect(searchSyscalls(plainSearchIndex(), 'verifier')).toEqual(['bpf']);
    expect(searchSyscalls(plainSearchIndex(), 'ptrace')[0]).toBe('ptrace');
  });
});
