/**
 * resolveProfileFor (the verdict on one syscall from only the rules naming it) against the full
 * resolution: the same verdict for every syscall, profile and context (SPEC RESOLVE-7).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeProfile } from '../testing/large-profile.ts';
import { corpusProfiles } from '../testing/shared.ts';
import { defaultContext, NEWEST_KERNEL, type ResolveContext } from './context.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { evaluateSyscall, type Verdict } from './outcome.ts';
import { parseProfileUncached } from './parse.ts';
import { ruleNames } from './model.ts';
import { resolveProfile, resolveProfileFor, rulesNamingSyscall } from './resolve.ts';

const CONTEXTS: ResolveContext[] = [
  defaultContext(),
  defaultContext({ arch: 'arm64' }),
  defaultContext({ arch: 'x86' }),
  defaultContext({ arch: 's390x', kernel: { major: 4, minor: 8 } }),
  defaultContext({ caps: new Set() }),
  defaultContext({ caps: new Set(['CAP_SYS_ADMIN', 'CAP_SYS_PTRACE', 'CAP_BPF']) }),
  defaultContext({ kernel: { major: 3, minor: 0 } }),
  defaultContext({ kernel: { major: 5, minor: 0 }, caps: new Set(['CAP_SYS_ADMIN']) }),
  defaultContext({ kernel: NEWEST_KERNEL, arch: 'mips64' }),
];

const EXTRA_NAMES = ['read', 'ptrace', 'mount', 'clone', 'socket', 'no_such_call', '__proto__'];

/** A verdict with each rule named by its index in the profile (the objects differ). */
function comparable(verdict: Verdict): string {
  return JSON.stringify(verdict, (key, value: unknown) => {
    if (key === 'rule' && value && typeof value === 'object' && 'source' in value)
      return (value as { source: { index: number } }).source.index;
    return typeof value === 'bigint' ? `${value}n` : value;
  });
}

function expectSameVerdicts(text: string, contexts = CONTEXTS): void {
  const parsed = parseProfileUncached(text);
  const names = new Set(EXTRA_NAMES);
  for (const rule of parsed.profile?.syscalls ?? []) {
    if (rule === null) continue;
    for (const item of rule.names ?? []) names.add(item.value);
    if (rule.name) names.add(rule.name);
  }
  for (const name of names) {
    const expected = (parsed.profile?.syscalls ?? []).filter(
      (rule) => rule !== null && ruleNames(rule).some((item) => item.value === name),
    );
    expect(rulesNamingSyscall(parsed.profile, name), name).toEqual(expected);
  }
  for (const context of contexts) {
    // Fresh parses, so that neither side finds the other's memoised resolution.
    const full = resolveProfile(parseProfileUncached(text).profile, context);
    const fast = parseProfileUncached(text).profile;
    for (const name of names) {
      const one = resolveProfileFor(fast, context, name);
      expect(one.ok).toBe(full.ok);
      if (!full.ok || !one.ok) {
        expect(one).toMatchObject({ ok: false, error: full.ok ? '' : full.error });
        continue;
      }
      expect(comparable(evaluateSyscall(one.seccomp, name)), `${name} in ${context.arch}`).toBe(
        comparable(evaluateSyscall(full.seccomp, name)),
      );
    }
  }
}

describe('resolving for one syscall agrees with resolving the whole profile (RESOLVE-7)', () => {
  it("on Docker's default and a generated large profile", () => {
    expectSameVerdicts(dockerDefaultProfileText());
    expectSameVerdicts(generateLargeProfile(300, 7));
  });

  it.skipIf(corpusProfiles().length === 0)(
    'on every corpus profile (skipped without ../shared/corpus)',
    () => {
      for (const [, text] of corpusProfiles()) expectSameVerdicts(text);
    },
  );

  it('on generated profiles with conditions, odd names and refusals', () => {
    const name = fc.constantFrom('read', 'mount', 'ptrace', '', '__proto__');
    const rule = fc.record(
      {
        names: fc.oneof(fc.array(name, { maxLength: 3 }), fc.constant(null)),
        name,
        action: fc.constantFrom('SCMP_ACT_ALLOW', 'SCMP_ACT_ERRNO', 'SCMP_ACT_LOG'),
        errnoRet: fc.constantFrom(1, 38),
        args: fc.array(
          fc.record({
            index: fc.nat(2),
            value: fc.nat(40),
            op: fc.constantFrom('SCMP_CMP_EQ', 'SCMP_CMP_NE'),
          }),
          { maxLength: 2 },
        ),
        includes: fc.record(
          {
            caps: fc.array(fc.constantFrom('CAP_SYS_ADMIN', 'CAP_BPF')),
            arches: fc.array(fc.constantFrom('amd64', 'arm64', 'x86')),
            minKernel: fc.constantFrom('4.8', '5.0'),
          },
          { requiredKeys: [] },
        ),
        excludes: fc.record(
          {
            caps: fc.array(fc.constantFrom('CAP_SYS_ADMIN', 'CAP_SYS_PTRACE')),
            arches: fc.array(fc.constantFrom('arm64', 's390x')),
            minKernel: fc.constantFrom('4.8', '6.0'),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['action'] },
    );
    const profile = fc.record(
      {
        defaultAction: fc.constantFrom('SCMP_ACT_ERRNO', 'SCMP_ACT_ALLOW', ''),
        architectures: fc.constantFrom([], ['SCMP_ARCH_X86_64']),
        archMap: fc.constantFrom([], [{ architecture: 'SCMP_ARCH_X86_64' }]),
        syscalls: fc.array(fc.oneof({ weight: 20, arbitrary: rule }, fc.constant(null)), {
          maxLength: 8,
        }),
      },
      { requiredKeys: ['syscalls'] },
    );
    fc.assert(
      fc.property(profile, (value) => expectSameVerdicts(JSON.stringify(value))),
      { numRuns: 200, seed: 2026 },
    );
  });
});
