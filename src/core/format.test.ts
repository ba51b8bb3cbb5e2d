import { describe, expect, it } from 'vitest';
import { hasShared, readShared, SHARED_MISSING, corpusProfiles } from '../testing/shared.ts';
import { formatProfile, goQuote } from './format.ts';
import { parseProfile } from './parse.ts';

const format = (text: string) => formatProfile(parseProfile(text).profile!);

describe('canonical format', () => {
  it('[FORMAT-1] writes Go MarshalIndent style: order, omitempty, escapes, tabs, no trailing newline', () => {
    const text =
      '{"syscalls": [{"excludes": {"caps": []}, "action": "SCMP_ACT_ALLOW", "names": ["a<b>&"], "comment": "", "args": [{"op": "SCMP_CMP_EQ", "value": 5, "valueTwo": 0, "index": 0}]}], "archMap": [{"subArchitectures": null, "architecture": "SCMP_ARCH_RISCV64"}], "defaultAction": "SCMP_ACT_ERRNO"}';
    expect(format(text)).toBe(
      '{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"archMap": [\n\t\t{\n\t\t\t"architecture": "SCMP_ARCH_RISCV64",\n\t\t\t"subArchitectures": null\n\t\t}\n\t],\n\t"syscalls": [\n\t\t{\n\t\t\t"names": [\n\t\t\t\t"a\\u003cb\\u003e\\u0026"\n\t\t\t],\n\t\t\t"action": "SCMP_ACT_ALLOW",\n\t\t\t"args": [\n\t\t\t\t{\n\t\t\t\t\t"index": 0,\n\t\t\t\t\t"value": 5,\n\t\t\t\t\t"op": "SCMP_CMP_EQ"\n\t\t\t\t}\n\t\t\t],\n\t\t\t"excludes": {}\n\t\t}\n\t]\n}',
    );
    expect(goQuote('\u2028\b\u0001\ud800')).toBe('"\\u2028\\b\\u0001\\ufffd"');
  });

  it.skipIf(!hasShared('reference/docker-default.json'))(
    `[FORMAT-2] formatting Docker's default.json reproduces it byte for byte (${SHARED_MISSING} otherwise)`,
    () => {
      const text = readShared('reference/docker-default.json');
      expect(format(text)).toBe(text);
    },
  );

  it('[FORMAT-3] keeps unknown keys after the known ones, in written order', () => {
    expect(
      format('{"zeta": {"x": [1, 2.50]}, "defaultAction": "SCMP_ACT_LOG", "alpha": null}'),
    ).toBe(
      '{\n\t"defaultAction": "SCMP_ACT_LOG",\n\t"zeta": {\n\t\t"x": [\n\t\t\t1,\n\t\t\t2.50\n\t\t]\n\t},\n\t"alpha": null\n}',
    );
  });

  it('[PARSE-3] uint64 arg values survive parse and format exactly', () => {
    const text = format(
      '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 18446744073709551615, "valueTwo": 9007199254740993, "op": "SCMP_CMP_MASKED_EQ"}]}]}',
    );
    expect(text).toContain('"value": 18446744073709551615');
    expect(text).toContain('"valueTwo": 9007199254740993');
  });

  it.skipIf(!hasShared('corpus'))(
    `[FORMAT-4] formatting is idempotent on every corpus profile (${SHARED_MISSING} otherwise)`,
    () => {
      let checked = 0;
      for (const [name, text] of corpusProfiles()) {
        const parsed = parseProfile(text);
        if (!parsed.profile || parsed.dockerError) continue;
        const once = formatProfile(parsed.profile);
        expect(format(once), name).toBe(once);
        checked++;
      }
      expect(checked).toBeGreaterThan(15);
    },
  );
});

describe('format on hostile input', () => {
  it('[PARSE-4] writes unknown values nested thousands of levels deep without overflowing the stack', () => {
    const depth = 9_990;
    const text = `{"defaultAction": "SCMP_ACT_LOG", "x": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const formatted = format(text);
    expect(formatted.startsWith('{\n\t"defaultAction": "SCMP_ACT_LOG",\n\t"x": [\n')).toBe(true);
    expect(parseProfile(formatted).syntaxError).toBeUndefined();
  });
});
