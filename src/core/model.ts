/**
 * The profile model: Docker's `profile.json` (moby/profiles' `Seccomp` type, which embeds the
 * OCI `LinuxSeccomp`) as Docker's loader sees it, with every value tied to its place in the text.
 *
 * Values follow Go's zero-value conventions so that resolution can mirror Docker exactly:
 * an absent or `null` string is `''`, an absent or `null` list is `null` (Go's nil slice),
 * and unsigned integers are `bigint` so that uint64 argument values survive exactly.
 */
import type { JsonMember, JsonNode } from './json.ts';

/** A JSON path as segments: `['syscalls', 3, 'names', 0]`. */
export type JsonPath = readonly (string | number)[];

/** Something in the profile with its place in the text. */
export interface Located {
  node: JsonNode;
  path: JsonPath;
}

/** The members that set each known field of an object (the last one when a key repeats). */
export type FieldMembers = ReadonlyMap<string, JsonMember>;

export interface StringItem extends Located {
  value: string;
}

export interface Profile extends Located {
  defaultAction: string;
  defaultErrnoRet: bigint | undefined;
  architectures: StringItem[] | null;
  archMap: ArchMapEntry[] | null;
  flags: StringItem[] | null;
  listenerPath: string;
  listenerMetadata: string;
  /** `null` entries are rules Docker would dereference as nil pointers. */
  syscalls: (Rule | null)[] | null;
  fields: FieldMembers;
  unknownMembers: UnknownMember[];
  /**
   * Docker's decoding error on 32-bit hosts only (x86, arm, …), where Go's `uint` fields
   * (`index`, `errnoRet`, `defaultErrnoRet`) cannot hold values above 2^32−1.
   */
  dockerErrorOn32BitHosts?: string;
}

export interface ArchMapEntry extends Located {
  architecture: string;
  subArchitectures: StringItem[] | null;
  fields: FieldMembers;
}

export interface Rule extends Located {
  /** Position of the rule in `syscalls`. */
  index: number;
  names: StringItem[] | null;
  /** The legacy single-name form (Docker 1.10–1.12). */
  name: string;
  action: string;
  errnoRet: bigint | undefined;
  args: Arg[] | null;
  comment: string;
  includes: Filter | null;
  excludes: Filter | null;
  fields: FieldMembers;
}

export interface Arg extends Located {
  index: bigint;
  value: bigint;
  valueTwo: bigint;
  op: string;
  fields: FieldMembers;
}

export interface Filter extends Located {
  caps: StringItem[] | null;
  arches: StringItem[] | null;
  /** Go's `*KernelVersion`: `null` when absent; `{0,0}` when written as `""`. */
  minKernel: KernelVersion | null;
  fields: FieldMembers;
}

export interface KernelVersion {
  major: number;
  minor: number;
}

/** A key Docker's loader does not know, kept so nothing the user wrote is ever dropped. */
export interface UnknownMember {
  member: JsonMember;
  /** The object that holds it. */
  parent: JsonNode;
  path: JsonPath;
}

export const ACTIONS = [
  'SCMP_ACT_KILL',
  'SCMP_ACT_KILL_PROCESS',
  'SCMP_ACT_KILL_THREAD',
  'SCMP_ACT_TRAP',
  'SCMP_ACT_ERRNO',
  'SCMP_ACT_TRACE',
  'SCMP_ACT_ALLOW',
  'SCMP_ACT_LOG',
  'SCMP_ACT_NOTIFY',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions that carry an errno (`errnoRet` / `defaultErrnoRet`). */
export const ERRNO_ACTIONS: ReadonlySet<string> = new Set(['SCMP_ACT_ERRNO', 'SCMP_ACT_TRACE']);

export const OPERATORS = [
  'SCMP_CMP_NE',
  'SCMP_CMP_LT',
  'SCMP_CMP_LE',
  'SCMP_CMP_EQ',
  'SCMP_CMP_GE',
  'SCMP_CMP_GT',
  'SCMP_CMP_MASKED_EQ',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const FLAGS = [
  'SECCOMP_FILTER_FLAG_TSYNC',
  'SECCOMP_FILTER_FLAG_LOG',
  'SECCOMP_FILTER_FLAG_SPEC_ALLOW',
  'SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV',
] as const;

export const SCMP_ARCHES = [
  'SCMP_ARCH_X86',
  'SCMP_ARCH_X86_64',
  'SCMP_ARCH_X32',
  'SCMP_ARCH_ARM',
  'SCMP_ARCH_AARCH64',
  'SCMP_ARCH_LOONGARCH64',
  'SCMP_ARCH_M68K',
  'SCMP_ARCH_MIPS',
  'SCMP_ARCH_MIPS64',
  'SCMP_ARCH_MIPS64N32',
  'SCMP_ARCH_MIPSEL',
  'SCMP_ARCH_MIPSEL64',
  'SCMP_ARCH_MIPSEL64N32',
  'SCMP_ARCH_PPC',
  'SCMP_ARCH_PPC64',
  'SCMP_ARCH_PPC64LE',
  'SCMP_ARCH_S390',
  'SCMP_ARCH_S390X',
  'SCMP_ARCH_PARISC',
  'SCMP_ARCH_PARISC64',
  'SCMP_ARCH_RISCV64',
  'SCMP_ARCH_SH',
  'SCMP_ARCH_SHEB',
] as const;

/** Renders a path the way findings show it: `$.syscalls[3].names[0]`. */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The names a rule applies to, as Docker reads them (legacy `name` folded in). */
export function ruleNames(rule: Rule): StringItem[] {
  if (rule.name !== '' && (rule.names === null || rule.names.length === 0)) {
    const member = rule.fields.get('name');
    return member ? [{ value: rule.name, node: member.value, path: [...rule.path, 'name'] }] : [];
  }
  return rule.names ?? [];
}
