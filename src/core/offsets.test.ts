import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeProfile } from '../testing/large-profile.ts';
import { placed } from '../testing/placed.ts';
import { defaultContext } from './context.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { allowSyscall, blockSyscall } from './edit.ts';
import { explainSyscall } from './explain.ts';
import { lintProfile } from './lint.ts';
import { parseProfile, parseProfileUncached } from './parse.ts';

/**
 * A run of keystrokes parsed each against the last leaves the tree's nodes after each change
 * at their old offsets (PARSE-9); everything that reads a position must read it through the
 * parse's offsets and say what it says on a fresh parse of the same text.
 */
describe('positions after a run of edits parsed each against the last', () => {
  const context = defaultContext();
  const syscalls = ['mount', 'accept', 'ptrace', 'clone', 'bpf'];
  /** The same profile, parsed whole: a trailing space is no edit inside any container. */
  const freshly = (text: string) => `${text} `;

  it('[PARSE-9] lint, explanations and the edit engine read the same places as on a fresh parse', () => {
    const bases = [dockerDefaultProfileText(), generateLargeProfile(40)];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(
          fc.tuple(
            fc.double({ min: 0.05, max: 0.95, noNaN: true }),
            fc.constantFrom('x', ' ', '\n  ', '"comment": "c", ', ''),
            fc.nat({ max: 2 }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(...syscalls),
        (base, keystrokes, syscall) => {
          let text = base;
          parseProfile(text);
          for (const [where, typed, removed] of keystrokes) {
            const at = Math.floor(where * text.length);
            const after = text.slice(0, at) + typed + text.slice(at + removed);
            if (parseProfile(after).syntaxError) continue;
            text = after;
          }
          const chained = parseProfile(text);
          const fresh = parseProfileUncached(text);
          expect(lintProfile(chained)).toEqual(lintProfile(fresh));
          // (The explanation holds the deciding rule itself: its nodes placed first.)
          expect(placed(explainSyscall(chained, syscall, context), chained.offsets)).toEqual(
            explainSyscall(fresh, syscall, context),
          );
          for (const edit of [allowSyscall, blockSyscall]) {
            const onChained = edit(text, syscall, context);
            const onFresh = edit(freshly(text), syscall, context);
            expect(onChained.ok && onChained.edits).toEqual(onFresh.ok && onFresh.edits);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
