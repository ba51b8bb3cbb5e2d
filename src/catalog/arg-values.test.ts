import { OPERATORS } from '../core/model.ts';
import { describe, expect, it } from 'vitest';

import {
  ADDRESS_FAMILIES,
  CLONE_FLAGS,
  CLONE_NAMESPACE_FLAGS,
  addressFamilyName,
  addressFamilyNumber,
  cloneFlagsArgIndex,
  decodeCloneMask,
  decodePersonality,
  describeArgValue,
} from './arg-values.ts';
import { isDecodableArg } from './decodable-args.ts';
import type { Abi } from './generated/syscall-numbers.ts';

const NS7 =
  'CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET';

describe('clone flags', () => {
  it('has the UAPI values', () => {
    const value = (name: string): bigint | undefined =>
      CLONE_FLAGS.find((flag) => flag.name === name)?.value;
    expect(value('CLONE_NEWNS')).toBe(0x00020000n);
    expect(value('CLONE_NEWCGROUP')).toBe(0x02000000n);
    expect(value('CLONE_NEWUTS')).toBe(0x04000000n);
    expect(value('CLONE_NEWIPC')).toBe(0x08000000n);
    expect(value('CLONE_NEWUSER')).toBe(0x10000000n);
    expect(value('CLONE_NEWPID')).toBe(0x20000000n);
    expect(value('CLONE_NEWNET')).toBe(0x40000000n);
    expect(value('CLONE_NEWTIME')).toBe(0x80n);
    expect(value('CLONE_VM')).toBe(0x100n);
    expect(value('CLONE_THREAD')).toBe(0x10000n);
    expect(value('CLONE_INTO_CGROUP')).toBe(0x200000000n);
    expect(CLONE_NAMESPACE_FLAGS).toHaveLength(8);
    const all = CLONE_FLAGS.reduce((acc, flag) => {
      expect(acc & flag.value, flag.name).toBe(0n);
      return acc | flag.value;
    }, 0n);
    expect(all).toBe(0x3ffffff80n);
  });

  it("decodes Docker's namespace mask", () => {
    expect(decodeCloneMask(2114060288n)).toEqual(NS7.split(', '));
    expect(2114060288).toBe(0x7e020000);
  });

  it('treats the low byte by context', () => {
    expect(decodeCloneMask(0x11n | 0x100n)).toEqual(['CSIGNAL', 'CLONE_VM']);
    expect(decodeCloneMask(0x80n, 'unshare')).toEqual(['CLONE_NEWTIME']);
    expect(decodeCloneMask(0x81n, 'clone3')).toEqual(['CLONE_NEWTIME', '0x1']);
    expect(decodeCloneMask(0n)).toEqual([]);
    expect(decodeCloneMask(0x1000000000n)).toEqual(['0x1000000000']);
  });

  it('knows where s390 keeps the flags', () => {
    expect(cloneFlagsArgIndex('s390x')).toBe(1);
    expect(cloneFlagsArgIndex('s390')).toBe(1);
    expect(cloneFlagsArgIndex('x86_64')).toBe(0);
    expect(cloneFlagsArgIndex('aarch64')).toBe(0);
  });
});

describe('address families', () => {
  it('names 0 to 46', () => {
    for (let n = 0; n <= 46; n++) expect(ADDRESS_FAMILIES[n], String(n)).toBeDefined();
    expect(addressFamilyName(0n)).toBe('AF_UNSPEC');
    expect(addressFamilyName(1n)).toBe('AF_UNIX');
    expect(addressFamilyName(2)).toBe('AF_INET');
    expect(addressFamilyName(10n)).toBe('AF_INET6');
    expect(addressFamilyName(16n)).toBe('AF_NETLINK');
    expect(addressFamilyName(17n)).toBe('AF_PACKET');
    expect(addressFamilyName(38n)).toBe('AF_ALG');
    expect(addressFamilyName(39n)).toBe('AF_NFC');
    expect(addressFamilyName(40n)).toBe('AF_VSOCK');
    expect(addressFamilyName(44n)).toBe('AF_XDP');
    expect(addressFamilyName(1000n)).toBeUndefined();
    expect(addressFamilyName(-1n)).toBeUndefined();
  });

  it('maps names back to numbers', () => {
    expect(addressFamilyNumber('AF_VSOCK')).toBe(40);
    expect(addressFamilyNumber('pf_inet6')).toBe(10);
    expect(addressFamilyNumber('AF_LOCAL')).toBe(1);
    expect(addressFamilyNumber('AF_ROUTE')).toBe(16);
    expect(addressFamilyNumber('AF_NOPE')).toBeUndefined();
  });
});

describe('personality', () => {
  it('decodes the values in Docker profiles', () => {
    expect(decodePersonality(0n)).toBe('PER_LINUX');
    expect(decodePersonality(8n)).toBe('PER_LINUX32');
    expect(decodePersonality(0x20000n)).toBe('PER_LINUX | UNAME26');
    expect(decodePersonality(131080n)).toBe('PER_LINUX32 | UNAME26');
    expect(decodePersonality(0xffffffffn)).toBe('query');
  });

  it('prefers named personas and keeps unknown bits', () => {
    expect(decodePersonality(0x4100001n)).toBe('PER_SVR4');
    expect(decodePersonality(0x8000008n)).toBe('PER_LINUX32_3GB');
    expect(decodePersonality(0x40000n)).toBe('PER_LINUX | ADDR_NO_RANDOMIZE');
    expect(decodePersonality(0x400008n)).toBe('PER_LINUX32 | READ_IMPLIES_EXEC');
    expect(decodePersonality(0x10000000n | 0x42n)).toBe('0x42 | 0x10000000');
  });
});

describe('describeArgValue', () => {
  it("renders Docker's socket rules", () => {
    expect(describeArgValue('socket', 0, 38n, 'SCMP_CMP_LT')).toBe(
      'address family below AF_ALG (38)',
    );
    expect(describeArgValue('socket', 0, 39n, 'SCMP_CMP_EQ')).toBe('address family is AF_NFC (39)');
    expect(describeArgValue('socket', 0, 40n, 'SCMP_CMP_GT')).toBe(
      'address family above AF_VSOCK (40)',
    );
    expect(describeArgValue('socket', 0, 99n, 'SCMP_CMP_NE')).toBe('address family is not 99');
    expect(describeArgValue('socket', 1, 3n, 'SCMP_CMP_EQ')).toBeUndefined();
  });

  it("renders Docker's clone rules", () => {
    expect(describeArgValue('clone', 0, 2114060288n, 'SCMP_CMP_MASKED_EQ', 0n)).toBe(
      `none of ${NS7} set`,
    );
    expect(describeArgValue('clone', 0, 2114060288n, 'SCMP_CMP_MASKED_EQ')).toBe(
      `none of ${NS7} set`,
    );
    expect(
      describeArgValue('clone', 1, 2114060288n, 'SCMP_CMP_MASKED_EQ', 0n, { abi: 's390x' }),
    ).toBe(`none of ${NS7} set`);
    expect(
      describeArgValue('clone', 0, 2114060288n, 'SCMP_CMP_MASKED_EQ', 0n, { abi: 's390x' }),
    ).toBeUndefined();
    expect(describeArgValue('clone', 1, 2114060288n, 'SCMP_CMP_MASKED_EQ', 0n)).toBe(
      `s390/s390x (flags are argument 1 there): none of ${NS7} set`,
    );
  });

  it('renders other flag comparisons', () => {
    expect(describeArgValue('clone', 0, 0x10000000n, 'SCMP_CMP_MASKED_EQ', 0x10000000n)).toBe(
      'all of CLONE_NEWUSER set',
    );
    expect(describeArgValue('unshare', 0, 0x30000000n, 'SCMP_CMP_MASKED_EQ', 0x10000000n)).toBe(
      'of CLONE_NEWUSER, CLONE_NEWPID: exactly CLONE_NEWUSER set',
    );
    expect(describeArgValue('unshare', 0, 0x10000000n, 'SCMP_CMP_MASKED_EQ', 0x1n)).toMatch(
      /^never true/,
    );
    expect(describeArgValue('unshare', 0, 0x80n, 'SCMP_CMP_EQ')).toBe(
      'unshare flags exactly CLONE_NEWTIME',
    );
    expect(describeArgValue('setns', 1, 0n, 'SCMP_CMP_EQ')).toBe('namespace type: any (nstype 0)');
    expect(describeArgValue('setns', 1, 0x40000000n, 'SCMP_CMP_EQ')).toBe(
      'namespace type exactly CLONE_NEWNET',
    );
    expect(describeArgValue('clone', 0, 0x100n, 'SCMP_CMP_GE')).toBe('clone flags at least 0x100');
  });

  it("renders Docker's personality rules", () => {
    expect(describeArgValue('personality', 0, 0n, 'SCMP_CMP_EQ')).toBe('persona is PER_LINUX (0)');
    expect(describeArgValue('personality', 0, 131080n, 'SCMP_CMP_EQ')).toBe(
      'persona is PER_LINUX32 | UNAME26 (131080)',
    );
    expect(describeArgValue('personality', 0, 4294967295n, 'SCMP_CMP_EQ')).toBe(
      'persona query (0xffffffff: read the persona without changing it)',
    );
  });

  it('returns undefined when it knows nothing', () => {
    expect(describeArgValue('read', 0, 1n, 'SCMP_CMP_EQ')).toBeUndefined();
    expect(describeArgValue('socket', 0, 1n, 'SCMP_CMP_BOGUS')).toBeUndefined();
  });

  it('decodes exactly the conditions isDecodableArg names (what the table relies on)', () => {
    const syscalls = ['socket', 'socketpair', 'clone', 'clone3', 'unshare', 'setns', 'personality'];
    const ops = [...OPERATORS, 'SCMP_CMP_BOGUS'];
    const abis: (Abi | undefined)[] = [undefined, 'x86_64', 's390x'];
    for (const syscall of [...syscalls, 'read'])
      for (let index = 0; index < 6; index++)
        for (const op of ops)
          for (const abi of abis) {
            const described = describeArgValue(syscall, index, 0x10n, op, 0n, abi ? { abi } : {});
            expect(
              isDecodableArg(syscall, index, op, abi),
              `${syscall} ${index} ${op} ${abi}`,
            ).toBe(described !== undefined);
          }
  });
});
