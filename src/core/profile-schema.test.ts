import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { corpusProfiles } from '../testing/shared.ts';
import { dockerDefaultProfileText } from './docker-default.ts';
import { parseProfile } from './parse.ts';
import { PROFILE_SCHEMA } from './profile-schema.ts';

const validate = new Ajv({ strict: false, allErrors: true }).compile(PROFILE_SCHEMA);

describe('the JSON Schema of the profile format', () => {
  it("accepts Docker's default and every corpus profile Docker accepts", () => {
    expect(validate(JSON.parse(dockerDefaultProfileText())), JSON.stringify(validate.errors)).toBe(
      true,
    );
    for (const [name, text] of corpusProfiles()) {
      const parsed = parseProfile(text);
      if (parsed.syntaxError || parsed.dockerError) continue;
      expect(validate(JSON.parse(text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects wrong types and unknown enum values', () => {
    expect(validate({ defaultAction: 'SCMP_ACT_ALOW' })).toBe(false);
    expect(
      validate({
        defaultAction: 'SCMP_ACT_ERRNO',
        syscalls: [{ names: 'read', action: 'SCMP_ACT_ALLOW' }],
      }),
    ).toBe(false);
    expect(
      validate({
        defaultAction: 'SCMP_ACT_ERRNO',
        syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW', includes: { minKernel: '4' } }],
      }),
    ).toBe(false);
    expect(
      validate({
        defaultAction: 'SCMP_ACT_ERRNO',
        syscalls: [
          {
            names: ['read'],
            action: 'SCMP_ACT_ALLOW',
            args: [{ index: 6, value: 1, op: 'SCMP_CMP_EQ' }],
          },
        ],
      }),
    ).toBe(false);
  });
});
