import { describe, expect, it } from 'vitest';
import type { Rule } from '../core/model.ts';
import { parseProfile } from '../core/parse.ts';
import {
  describeConditions,
  formatArgValue,
  hasArgumentFilter,
  isConditionalRule,
} from './rule-conditions.ts';

/** The rules of a profile written as JSON. */
function rules(syscalls: unknown[]): Rule[] {
  const parsed = parseProfile(JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO', syscalls }));
  expect(parsed.dockerError).toBeUndefined();
  return (parsed.profile?.syscalls ?? []).filter((rule): rule is Rule => rule !== null);
}

function only(syscall: unknown): Rule {
  const [rule] = rules([syscall]);
  if (rule === undefined) throw new Error('no rule');
  return rule;
}

describe('describeConditions', () => {
  it('says nothing about an unconditional rule', () => {
    const rule = only({ names: ['read'], action: 'SCMP_ACT_ALLOW', includes: {}, excludes: {} });
    expect(describeConditions(rule)).toEqual([]);
    expect(isConditionalRule(rule)).toBe(false);
    expect(hasArgumentFilter(rule)).toBe(false);
  });

  it('words a minimum kernel', () => {
    const rule = only({
      names: ['ptrace'],
      action: 'SCMP_ACT_ALLOW',
      includes: { minKernel: '4.8' },
    });
    expect(describeConditions(rule)).toEqual(['kernel ≥ 4.8']);
    expect(isConditionalRule(rule)).toBe(true);
  });

  it('words architectures and capabilities, included and excluded', () => {
    const rule = only({
      names: ['clone'],
      action: 'SCMP_ACT_ALLOW',
      includes: { arches: ['amd64', 'x32', 'x86'], caps: ['CAP_SYS_ADMIN', 'CAP_BPF'] },
      excludes: { arches: ['s390'], caps: ['CAP_SYS_BOOT', 'CAP_SYSLOG'], minKernel: '5.4' },
    });
    expect(describeConditions(rule)).toEqual([
      'on amd64, x32 or x86',
      'with CAP_SYS_ADMIN and CAP_BPF',
      'not on s390',
      'without CAP_SYS_BOOT or CAP_SYSLOG',
      'kernel < 5.4',
    ]);
  });

  it('words argument comparisons, masked ones included', () => {
    const rule = only({
      names: ['personality', 'clone'],
      action: 'SCMP_ACT_ALLOW',
      args: [
        { index: 0, value: 8, op: 'SCMP_CMP_EQ' },
        { index: 1, value: 2114060288, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' },
        { index: 2, value: 40, op: 'SCMP_CMP_NE' },
      ],
    });
    expect(describeConditions(rule)).toEqual([
      'argument 0 = 8',
      'argument 1 & 0x7e020000 = 0',
      'argument 2 ≠ 40',
    ]);
    expect(hasArgumentFilter(rule)).toBe(true);
    expect(isConditionalRule(rule)).toBe(false);
  });
});

describe('formatArgValue', () => {
  it('keeps small numbers decimal and writes large ones in hexadecimal', () => {
    expect(formatArgValue(0n)).toBe('0');
    expect(formatArgValue(255n)).toBe('255');
    expect(formatArgValue(4294967295n)).toBe('0xffffffff');
    expect(formatArgValue((1n << 64n) - 1n)).toBe('0xffffffffffffffff');
  });
});
