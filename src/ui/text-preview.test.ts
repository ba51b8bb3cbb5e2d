import { describe, expect, it } from 'vitest';
import { textPreview } from './text-preview.ts';

describe('textPreview', () => {
  it('keeps the first lines, without the break that ends the last', () => {
    expect(textPreview('a\nb\nc\nd', 2)).toBe('a\nb');
  });

  it('returns the whole text when it has no more lines than asked for', () => {
    expect(textPreview('a\nb', 2)).toBe('a\nb');
    expect(textPreview('a\nb', 5)).toBe('a\nb');
    expect(textPreview('', 3)).toBe('');
  });

  it('counts a trailing line break as the end of a line', () => {
    expect(textPreview('a\nb\n', 2)).toBe('a\nb');
  });
});
