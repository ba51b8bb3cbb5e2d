/**
 * Engine benchmark (issue 7, item 8): lint, resolve, explain and a minimal edit, on Docker's
 * default and on generated profiles of 5,000 rules (about 1 MB) and 4× that. Run with
 * `npm run bench:engine`; figures are reported by Vitest's bench (tinybench).
 */
import { bench, describe } from 'vitest';
import { generateLargeProfile } from '../testing/large-profile.ts';
import { defaultContext } from './context.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { allowSyscall } from './edit.ts';
import { lintProfile } from './lint.ts';
import { evaluateSyscall } from './outcome.ts';
import { parseProfile, parseProfileUncached } from './parse.ts';
import { resolveProfile } from './resolve.ts';

const context = defaultContext();
const profiles: [string, string][] = [
  ["Docker's default", dockerDefaultProfileText()],
  ['5,000 rules', generateLargeProfile(5_000)],
  ['20,000 rules', generateLargeProfile(20_000)],
];
const NAMES = ['read', 'mount', 'ptrace', 'socket', 'clone', 'bpf'];

for (const [label, text] of profiles) {
  describe(`${label} (${(text.length / 1024).toFixed(0)} KiB)`, () => {
    const parsed = parseProfile(text);
    bench('parse', () => {
      parseProfileUncached(text);
    });
    bench('parse + lint', () => {
      lintProfile(parseProfileUncached(text));
    });
    bench('resolve + evaluate 6 syscalls', () => {
      // A fresh (shallow) copy each time: resolutions are memoised per profile object, and the
      // figure is for a profile resolved for the first time (as after each edit).
      const resolved = resolveProfile(parsed.profile && { ...parsed.profile }, context);
      if (resolved.ok) for (const name of NAMES) evaluateSyscall(resolved.seccomp, name);
    });
    // A keystroke into the first rule: every rule after it stays where it was in the tree
    // (PARSE-9). A different letter each time, so that no parse comes from the cache.
    const typedAt = text.indexOf('"', text.indexOf('"names"') + 7) + 2;
    const typed = [...'abcdefghijklmnopqrstuvwxyz'].map(
      (letter) => text.slice(0, typedAt) + letter + text.slice(typedAt),
    );
    let keystroke = 0;
    bench('parse after a keystroke in the first rule', () => {
      parseProfile(text);
      parseProfile(typed[keystroke++ % typed.length]!);
    });
    // In the page the text being edited has been parsed already (the parse cache holds it).
    bench('minimal edit: allow mount', () => {
      allowSyscall(text, 'mount', context);
    });
  });
}
