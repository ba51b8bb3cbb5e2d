/**
 * Decoders for the argument values seccomp rules compare against: clone/unshare/setns namespace
 * flags, socket address families and personality() values. Values are bigint because rule values
 * are unsigned 64-bit. Constants are from the kernel's UAPI headers (linux/sched.h,
 * linux/socket.h, linux/personality.h).
 */
import { isDecodableArg } from './decodable-args.ts';
import type { Abi } from './generated/syscall-numbers.ts';

export { cloneFlagsArgIndex } from './decodable-args.ts';

// ---------------------------------------------------------------------------------------------
// clone / clone3 / unshare / setns flags

export interface FlagInfo {
  readonly name: string;
  readonly value: bigint;
  readonly note?: string;
}

/** Exit-signal field of clone(): the low byte holds a signal number, not flags. */
export const CSIGNAL = 0xffn;

/** CLONE_* flags by bit value. */
export const CLONE_FLAGS: readonly FlagInfo[] = [
  {
    name: 'CLONE_NEWTIME',
    value: 0x00000080n,
    note: 'clone3 and unshare only: in clone() this bit is part of the exit signal',
  },
  { name: 'CLONE_VM', value: 0x00000100n, note: 'share the address space' },
  { name: 'CLONE_FS', value: 0x00000200n, note: 'share root, cwd and umask' },
  { name: 'CLONE_FILES', value: 0x00000400n, note: 'share the file descriptor table' },
  { name: 'CLONE_SIGHAND', value: 0x00000800n, note: 'share signal handlers' },
  { name: 'CLONE_PIDFD', value: 0x00001000n, note: 'return a pidfd for the child' },
  { name: 'CLONE_PTRACE', value: 0x00002000n, note: 'let the tracer trace the child too' },
  { name: 'CLONE_VFORK', value: 0x00004000n, note: 'suspend the parent until exec or exit' },
  { name: 'CLONE_PARENT', value: 0x00008000n, note: "child gets the caller's parent" },
  { name: 'CLONE_THREAD', value: 0x00010000n, note: 'same thread group (a thread)' },
  { name: 'CLONE_NEWNS', value: 0x00020000n, note: 'new mount namespace' },
  { name: 'CLONE_SYSVSEM', value: 0x00040000n, note: 'share System V semaphore undo lists' },
  { name: 'CLONE_SETTLS', value: 0x00080000n, note: 'set the TLS pointer' },
  { name: 'CLONE_PARENT_SETTID', value: 0x00100000n, note: "store the child's TID in the parent" },
  { name: 'CLONE_CHILD_CLEARTID', value: 0x00200000n, note: 'clear and wake the TID word at exit' },
  { name: 'CLONE_DETACHED', value: 0x00400000n, note: 'ignored by the kernel' },
  { name: 'CLONE_UNTRACED', value: 0x00800000n, note: 'tracer cannot force CLONE_PTRACE' },
  { name: 'CLONE_CHILD_SETTID', value: 0x01000000n, note: "store the child's TID in the child" },
  { name: 'CLONE_NEWCGROUP', value: 0x02000000n, note: 'new cgroup namespace' },
  { name: 'CLONE_NEWUTS', value: 0x04000000n, note: 'new UTS (hostname) namespace' },
  { name: 'CLONE_NEWIPC', value: 0x08000000n, note: 'new IPC namespace' },
  { name: 'CLONE_NEWUSER', value: 0x10000000n, note: 'new user namespace' },
  { name: 'CLONE_NEWPID', value: 0x20000000n, note: 'new PID namespace' },
  { name: 'CLONE_NEWNET', value: 0x40000000n, note: 'new network namespace' },
  { name: 'CLONE_IO', value: 0x80000000n, note: 'share the I/O context' },
  { name: 'CLONE_CLEAR_SIGHAND', value: 0x100000000n, note: 'clone3 only: reset handlers' },
  { name: 'CLONE_INTO_CGROUP', value: 0x200000000n, note: 'clone3 only: start in a given cgroup' },
];

/** All CLONE_NEW* namespace flags (including CLONE_NEWTIME), by bit value. */
export const CLONE_NAMESPACE_FLAGS: readonly FlagInfo[] = CLONE_FLAGS.filter((flag) =>
  flag.name.startsWith('CLONE_NEW'),
);

/**
 * Which syscall's flag word is being decoded. In clone() the low byte is the exit signal
 * (CSIGNAL); in clone3, unshare and setns's nstype it is flag space (CLONE_NEWTIME = 0x80).
 */
export type CloneFlagsContext = 'clone' | 'clone3' | 'unshare' | 'setns';

const U64 = (value: bigint): bigint => BigInt.asUintN(64, value);
const hex = (value: bigint): string => `0x${value.toString(16)}`;

/**
 * Names of the CLONE_* bits set in `mask`, lowest bit first. Bits with no name come back as one
 * hex string; in the clone() context the exit-signal byte comes back as 'CSIGNAL'.
 * 2114060288 (0x7e020000, used by Docker's default profile) decodes to the seven CLONE_NEW*
 * flags other than CLONE_NEWTIME.
 */
export function decodeCloneMask(mask: bigint, context: CloneFlagsContext = 'clone'): string[] {
  let rest = U64(mask);
  const names: string[] = [];
  if (context === 'clone' && (rest & CSIGNAL) !== 0n) {
    names.push('CSIGNAL');
    rest &= ~CSIGNAL;
  }
  for (const flag of CLONE_FLAGS) {
    if ((rest & flag.value) !== 0n) {
      names.push(flag.name);
      rest &= ~flag.value;
    }
  }
  if (rest !== 0n) names.push(hex(rest));
  return names;
}

// ---------------------------------------------------------------------------------------------
// Address families (socket, socketpair argument 0)

/** AF_* by number (linux/socket.h). AF_MAX is one past the highest family. */
export const ADDRESS_FAMILIES: Readonly<Record<number, string>> = {
  0: 'AF_UNSPEC',
  1: 'AF_UNIX',
  2: 'AF_INET',
  3: 'AF_AX25',
  4: 'AF_IPX',
  5: 'AF_APPLETALK',
  6: 'AF_NETROM',
  7: 'AF_BRIDGE',
  8: 'AF_ATMPVC',
  9: 'AF_X25',
  10: 'AF_INET6',
  11: 'AF_ROSE',
  12: 'AF_DECnet',
  13: 'AF_NETBEUI',
  14: 'AF_SECURITY',
  15: 'AF_KEY',
  16: 'AF_NETLINK',
  17: 'AF_PACKET',
  18: 'AF_ASH',
  19: 'AF_ECONET',
  20: 'AF_ATMSVC',
  21: 'AF_RDS',
  22: 'AF_SNA',
  23: 'AF_IRDA',
  24: 'AF_PPPOX',
  25: 'AF_WANPIPE',
  26: 'AF_LLC',
  27: 'AF_IB',
  28: 'AF_MPLS',
  29: 'AF_CAN',
  30: 'AF_TIPC',
  31: 'AF_BLUETOOTH',
  32: 'AF_IUCV',
  33: 'AF_RXRPC',
  34: 'AF_ISDN',
  35: 'AF_PHONET',
  36: 'AF_IEEE802154',
  37: 'AF_CAIF',
  38: 'AF_ALG',
  39: 'AF_NFC',
  40: 'AF_VSOCK',
  41: 'AF_KCM',
  42: 'AF_QIPCRTR',
  43: 'AF_SMC',
  44: 'AF_XDP',
  45: 'AF_MCTP',
  46: 'AF_MAX',
};

/** Aliases accepted by addressFamilyNumber (same numbers as their canonical names). */
const ADDRESS_FAMILY_ALIASES: Readonly<Record<string, number>> = {
  AF_LOCAL: 1,
  AF_FILE: 1,
  AF_ROUTE: 16,
};

export function addressFamilyName(family: bigint | number): string | undefined {
  const n = typeof family === 'bigint' ? family : BigInt(family);
  if (n < 0n || n > 1000n) return undefined;
  const name = ADDRESS_FAMILIES[Number(n)];
  return name;
}

/** AF_* or PF_* name (any case) → number. */
export function addressFamilyNumber(name: string): number | undefined {
  const upper = name.trim().toUpperCase().replace(/^PF_/, 'AF_');
  if (Object.prototype.hasOwnProperty.call(ADDRESS_FAMILY_ALIASES, upper)) {
    return ADDRESS_FAMILY_ALIASES[upper];
  }
  for (const [number, family] of Object.entries(ADDRESS_FAMILIES)) {
    if (family.toUpperCase() === upper) return Number(number);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// personality()

/** personality(0xffffffff) only reads the current persona. */
export const PERSONALITY_QUERY = 0xffffffffn;

/** Persona flag bits (linux/personality.h). */
export const PERSONALITY_FLAGS: readonly FlagInfo[] = [
  { name: 'UNAME26', value: 0x0020000n, note: 'uname reports a 2.6.x version' },
  { name: 'ADDR_NO_RANDOMIZE', value: 0x0040000n, note: 'turn off address-space randomisation' },
  { name: 'FDPIC_FUNCPTRS', value: 0x0080000n, note: 'function pointers are FDPIC descriptors' },
  { name: 'MMAP_PAGE_ZERO', value: 0x0100000n, note: 'map page 0 read-only (SVr4 habit)' },
  { name: 'ADDR_COMPAT_LAYOUT', value: 0x0200000n, note: 'legacy virtual memory layout' },
  { name: 'READ_IMPLIES_EXEC', value: 0x0400000n, note: 'readable mappings are executable' },
  { name: 'ADDR_LIMIT_32BIT', value: 0x0800000n, note: 'keep addresses below 4 GiB' },
  { name: 'SHORT_INODE', value: 0x1000000n, note: 'no effect' },
  { name: 'WHOLE_SECONDS', value: 0x2000000n, note: 'no effect' },
  { name: 'STICKY_TIMEOUTS', value: 0x4000000n, note: 'select does not update its timeout' },
  { name: 'ADDR_LIMIT_3GB', value: 0x8000000n, note: 'keep addresses below 3 GiB' },
];

/** Named personas, full values including their implied flags (linux/personality.h). */
export const PERSONALITIES: Readonly<Record<string, number>> = {
  PER_LINUX: 0x0000,
  PER_LINUX_32BIT: 0x0800000,
  PER_LINUX_FDPIC: 0x0080000,
  PER_SVR4: 0x4100001,
  PER_SVR3: 0x5000002,
  PER_SCOSVR3: 0x7000003,
  PER_OSR5: 0x6000003,
  PER_WYSEV386: 0x5000004,
  PER_ISCR4: 0x4000005,
  PER_BSD: 0x0006,
  PER_SUNOS: 0x4000006,
  PER_XENIX: 0x5000007,
  PER_LINUX32: 0x0008,
  PER_LINUX32_3GB: 0x8000008,
  PER_IRIX32: 0x4000009,
  PER_IRIXN32: 0x400000a,
  PER_IRIX64: 0x400000b,
  PER_RISCOS: 0x000c,
  PER_SOLARIS: 0x400000d,
  PER_UW7: 0x410000e,
  PER_OSF4: 0x000f,
  PER_HPUX: 0x0010,
};

/** Base persona names by low byte (PER_MASK), used when a value is not a named persona. */
const PERSONA_BY_LOW_BYTE: Readonly<Record<number, string>> = {
  0x00: 'PER_LINUX',
  0x01: 'PER_SVR4',
  0x02: 'PER_SVR3',
  0x03: 'PER_SCOSVR3',
  0x04: 'PER_WYSEV386',
  0x05: 'PER_ISCR4',
  0x06: 'PER_BSD',
  0x07: 'PER_XENIX',
  0x08: 'PER_LINUX32',
  0x09: 'PER_IRIX32',
  0x0a: 'PER_IRIXN32',
  0x0b: 'PER_IRIX64',
  0x0c: 'PER_RISCOS',
  0x0d: 'PER_SOLARIS',
  0x0e: 'PER_UW7',
  0x0f: 'PER_OSF4',
  0x10: 'PER_HPUX',
};

/**
 * Symbolic form of a personality() argument: `PER_LINUX32 | UNAME26` for 131080,
 * `query` for 0xffffffff. Named personas win over base-plus-flags (0x4100001 is PER_SVR4).
 */
export function decodePersonality(value: bigint): string {
  const v = U64(value);
  if (v === PERSONALITY_QUERY) return 'query';
  if (v <= 0xffffffffn) {
    for (const [name, persona] of Object.entries(PERSONALITIES)) {
      if (BigInt(persona) === v) return name;
    }
  }
  const parts: string[] = [PERSONA_BY_LOW_BYTE[Number(v & 0xffn)] ?? hex(v & 0xffn)];
  let rest = v & ~0xffn;
  for (const flag of PERSONALITY_FLAGS) {
    if ((rest & flag.value) !== 0n) {
      parts.push(flag.name);
      rest &= ~flag.value;
    }
  }
  if (rest !== 0n) parts.push(hex(rest));
  return parts.join(' | ');
}

// ---------------------------------------------------------------------------------------------
// Human rendering of a rule condition

export type SeccompOperator =
  | 'SCMP_CMP_NE'
  | 'SCMP_CMP_LT'
  | 'SCMP_CMP_LE'
  | 'SCMP_CMP_EQ'
  | 'SCMP_CMP_GE'
  | 'SCMP_CMP_GT'
  | 'SCMP_CMP_MASKED_EQ';

const COMPARISONS: Readonly<Record<Exclude<SeccompOperator, 'SCMP_CMP_MASKED_EQ'>, string>> = {
  SCMP_CMP_EQ: 'is',
  SCMP_CMP_NE: 'is not',
  SCMP_CMP_LT: 'below',
  SCMP_CMP_LE: 'at most',
  SCMP_CMP_GT: 'above',
  SCMP_CMP_GE: 'at least',
};

export interface DescribeOptions {
  /** ABI the rule applies to; decides where clone() keeps its flags (see cloneFlagsArgIndex). */
  readonly abi?: Abi;
}

function describeFamily(value: bigint, op: string, valueTwo: bigint | undefined): string {
  const label = (v: bigint): string => {
    const name = addressFamilyName(v);
    return name === undefined ? v.toString() : `${name} (${v.toString()})`;
  };
  if (op === 'SCMP_CMP_MASKED_EQ') {
    return `address family & ${hex(value)} == ${hex(valueTwo ?? 0n)}`;
  }
  const verb = COMPARISONS[op as keyof typeof COMPARISONS];
  return `address family ${verb} ${label(value)}`;
}

function joinFlags(names: readonly string[]): string {
  return names.length === 0 ? 'no flags' : names.join(' | ');
}

function describeFlags(
  noun: string,
  value: bigint,
  op: string,
  valueTwo: bigint | undefined,
  context: CloneFlagsContext,
): string {
  const v = U64(value);
  if (op === 'SCMP_CMP_MASKED_EQ') {
    const masked = decodeCloneMask(v, context);
    const want = U64(valueTwo ?? 0n);
    if (masked.length === 0) return `${noun}: mask 0 (true only when the compared value is 0)`;
    if (want === 0n) return `none of ${masked.join(', ')} set`;
    if (want === v) return `all of ${masked.join(', ')} set`;
    if ((want & ~v) !== 0n) return `never true: ${hex(want)} has bits outside the mask ${hex(v)}`;
    return `of ${masked.join(', ')}: exactly ${joinFlags(decodeCloneMask(want, context))} set`;
  }
  if (op === 'SCMP_CMP_EQ' || op === 'SCMP_CMP_NE') {
    const verb = op === 'SCMP_CMP_EQ' ? 'exactly' : 'not exactly';
    return `${noun} ${verb} ${joinFlags(decodeCloneMask(v, context))}`;
  }
  const verb = COMPARISONS[op as keyof typeof COMPARISONS];
  return `${noun} ${verb} ${hex(v)}`;
}

function describePersona(value: bigint, op: string, valueTwo: bigint | undefined): string {
  const v = U64(value);
  if (op === 'SCMP_CMP_MASKED_EQ') return `persona & ${hex(v)} == ${hex(U64(valueTwo ?? 0n))}`;
  const verb = COMPARISONS[op as keyof typeof COMPARISONS];
  if (v === PERSONALITY_QUERY) {
    return op === 'SCMP_CMP_EQ'
      ? 'persona query (0xffffffff: read the persona without changing it)'
      : `persona ${verb} 0xffffffff (the query value)`;
  }
  return `persona ${verb} ${decodePersonality(v)} (${v.toString()})`;
}

/**
 * Short human rendering of one argument condition, or undefined when nothing specific is known
 * about that syscall argument (the caller then shows the raw numbers). Examples:
 * - socket, 0, 38, SCMP_CMP_LT → 'address family below AF_ALG (38)'
 * - clone, 0, 2114060288, SCMP_CMP_MASKED_EQ, 0 → 'none of CLONE_NEWNS, …, CLONE_NEWNET set'
 * - personality, 0, 131080, SCMP_CMP_EQ → 'persona is PER_LINUX32 | UNAME26 (131080)'
 */
export function describeArgValue(
  syscall: string,
  argIndex: number,
  value: bigint,
  op: string,
  valueTwo?: bigint,
  options: DescribeOptions = {},
): string | undefined {
  if (!isDecodableArg(syscall, argIndex, op, options.abi)) return undefined;
  switch (syscall) {
    case 'socket':
    case 'socketpair':
      return describeFamily(U64(value), op, valueTwo);
    case 'clone': {
      const flags = describeFlags('clone flags', value, op, valueTwo, 'clone');
      // Without an ABI, argument 1 can only be the flags of s390/s390x.
      return options.abi === undefined && argIndex === 1
        ? `s390/s390x (flags are argument 1 there): ${flags}`
        : flags;
    }
    case 'unshare':
      return describeFlags('unshare flags', value, op, valueTwo, 'unshare');
    case 'setns':
      if (op === 'SCMP_CMP_EQ' && U64(value) === 0n) return 'namespace type: any (nstype 0)';
      return describeFlags('namespace type', value, op, valueTwo, 'setns');
    case 'personality':
      return describePersona(value, op, valueTwo);
    default:
      return undefined;
  }
}
