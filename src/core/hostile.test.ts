/**
 * Hostile input through the whole engine: whatever arrives, nothing throws, unparseable text
 * yields positioned errors, formatting is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusProfiles } from '../testing/shared.ts';
import { defaultContext } from './context.ts';
import { diffProfiles } from './diff.ts';
import { dockerDefaultProfile, dockerDefaultProfileText } from './docker-default.ts';
import { allowSyscall, blockSyscall } from './edit.ts';
import { explainSyscall } from './explain.ts';
import { formatProfile } from './format.ts';
import { lintProfile } from './lint.ts';
import { parseProfile } from './parse.ts';
import { resolveProfile } from './resolve.ts';

const SEED = Number(process.env.HOSTILE_TEST_SEED ?? 424242);
const RUNS = Number(process.env.HOSTILE_TEST_RUNS ?? 300);

const NAMES = [
  'read',
  'mount',
  'ptrace',
  '__proto__',
  'constructor',
  '',
  '<img src=x onerror=alert(1)>',
];

/** Runs every engine entry point on a text; any exception fails the property. */
function throughEverything(text: string): void {
  const parsed = parseProfile(text);
  const findings = lintProfile(parsed);
  if (parsed.syntaxError) {
    expect(findings[0]).toMatchObject({ code: 'json-syntax', severity: 'error' });
    expect(findings[0]!.line).toBeGreaterThanOrEqual(1);
    expect(findings[0]!.column).toBeGreaterThanOrEqual(1);
    return;
  }
  for (const finding of findings) {
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.end).toBeLessThanOrEqual(text.length);
  }
  const context = defaultContext();
  resolveProfile(parsed.profile, context);
  for (const name of NAMES) {
    explainSyscall(parsed, name, context);
    allowSyscall(text, name, context);
    blockSyscall(text, name, context);
  }
  diffProfiles(dockerDefaultProfile(), parsed, context, NAMES);
  if (parsed.profile && parsed.dockerError === undefined) {
    const once = formatProfile(parsed.profile);
    expect(formatProfile(parseProfile(once).profile!)).toBe(once);
  }
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });

/** Profiles shaped like the real thing, with wrong types and odd keys mixed in. */
const profileLike = fc.record(
  {
    defaultAction: fc.oneof(
      fc.constantFrom('SCMP_ACT_ERRNO', 'SCMP_ACT_ALLOW', 'SCMP_ACT_LOG', ''),
      jsonValue,
    ),
    defaultErrnoRet: fc.oneof(fc.nat(), fc.constant(-1), jsonValue),
    architectures: fc.oneof(
      fc.array(fc.constantFrom('SCMP_ARCH_X86_64', 'SCMP_ARCH_AARCH64', 'amd64')),
      jsonValue,
    ),
    syscalls: fc.array(
      fc.record(
        {
          names: fc.oneof(fc.array(fc.constantFrom(...NAMES)), jsonValue),
          name: fc.constantFrom(...NAMES),
          action: fc.oneof(
            fc.constantFrom('SCMP_ACT_ALLOW', 'SCMP_ACT_ERRNO', 'SCMP_ACT_KILL', 'SCMP_ACT_NOTIFY'),
            jsonValue,
          ),
          errnoRet: fc.oneof(fc.nat(), jsonValue),
          args: fc.oneof(
            fc.array(
              fc.record(
                {
                  index: fc.nat(7),
                  value: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
                  op: fc.constantFrom('SCMP_CMP_EQ', 'SCMP_CMP_MASKED_EQ', 'NOPE'),
                },
                { requiredKeys: [] },
              ),
            ),
            jsonValue,
          ),
          includes: fc.oneof(
            fc.record(
              {
                caps: fc.array(fc.constantFrom('CAP_SYS_ADMIN', 'SYS_ADMIN')),
                minKernel: fc.constantFrom('4.8', '0.0', '', 'x'),
              },
              { requiredKeys: [] },
            ),
            jsonValue,
          ),
          __proto__: jsonValue,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    ),
  },
  { requiredKeys: [] },
);

/** JSON text with bigints written as exact integers. */
function toJson(value: unknown, indent: number): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === 'bigint' ? `__BIG${item}__` : item),
    indent,
  ).replace(/"__BIG(\d+)__"/g, '$1');
}

describe('hostile input never breaks the engine', { timeout: 60_000 }, () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), throughEverything), {
      seed: SEED,
      numRuns: RUNS,
    });
  });

  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(jsonValue, fc.constantFrom(0, 2), (value, indent) =>
        throughEverything(JSON.stringify(value, null, indent)),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('profile-shaped values with wrong types mixed in', () => {
    fc.assert(
      fc.property(profileLike, fc.constantFrom(0, 1, '\t'), (value, indent) =>
        throughEverything(toJson(value, indent as number)),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("mutated real profiles (Docker's default and the corpus)", () => {
    const sources = [dockerDefaultProfileText(), ...corpusProfiles().map(([, text]) => text)];
    const mutation = fc.record({
      source: fc.nat(sources.length - 1),
      at: fc.nat(),
      cut: fc.nat(40),
      insert: fc.oneof(
        fc.constantFrom(
          '',
          '{',
          '}',
          '[',
          ']',
          ',',
          '"',
          ':',
          'null',
          '"__proto__": 1,',
          '18446744073709551616',
          '\\u0000',
          '\ufeff',
        ),
        fc.string({ maxLength: 8 }),
      ),
    });
    fc.assert(
      fc.property(mutation, ({ source, at, cut, insert }) => {
        const text = sources[source]!;
        const where = at % (text.length + 1);
        throughEverything(text.slice(0, where) + insert + text.slice(where + cut));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keys named __proto__, constructor and prototype are data, not object internals', () => {
    const text =
      '{"defaultAction": "SCMP_ACT_ERRNO", "__proto__": {"polluted": 1}, "constructor": 1, "prototype": 2, "syscalls": [{"names": ["__proto__"], "action": "SCMP_ACT_ALLOW", "__proto__": []}]}';
    throughEverything(text);
    const parsed = parseProfile(text);
    expect(parsed.profile!.unknownMembers.map((u) => u.member.key.value)).toEqual([
      '__proto__',
      'constructor',
      'prototype',
      '__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(formatProfile(parsed.profile!)).toContain('"__proto__": {\n\t\t"polluted": 1\n\t}');
  });
});
