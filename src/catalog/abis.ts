/**
 * Architecture names as they appear in seccomp profiles, mapped onto the ABI columns of
 * libseccomp's syscall table (src/catalog/generated/syscall-numbers.ts). Hand-written.
 *
 * Two naming schemes meet in a Docker profile:
 * - `SCMP_ARCH_*` names (libseccomp / OCI) in `architectures` and `archMap`;
 * - "native" names (moby's table, derived from Go's GOARCH) in `includes.arches` and
 *   `excludes.arches`, e.g. `amd64`, `arm64`, `ppc64le`.
 * libseccomp keeps one number column per ABI: little-endian variants (mipsel*, ppc64le, sh vs
 * sheb) share the numbers of their big-endian twin.
 */
import { SCMP_ARCHES } from '../core/model.ts';
import { ABIS, SYSCALL_NUMBERS, type Abi } from './generated/syscall-numbers.ts';

export { ABIS, type Abi };

/** Every `SCMP_ARCH_*` name the OCI runtime-spec schema accepts (the engine's list). */
export { SCMP_ARCHES };

export type ScmpArch = (typeof SCMP_ARCHES)[number];

/** `SCMP_ARCH_*` name → the libseccomp table column holding its syscall numbers. */
export const SCMP_ARCH_TO_ABI: Readonly<Record<ScmpArch, Abi>> = {
  SCMP_ARCH_X86: 'x86',
  SCMP_ARCH_X86_64: 'x86_64',
  SCMP_ARCH_X32: 'x32',
  SCMP_ARCH_ARM: 'arm',
  SCMP_ARCH_AARCH64: 'aarch64',
  SCMP_ARCH_LOONGARCH64: 'loongarch64',
  SCMP_ARCH_M68K: 'm68k',
  SCMP_ARCH_MIPS: 'mips',
  SCMP_ARCH_MIPS64: 'mips64',
  SCMP_ARCH_MIPS64N32: 'mips64n32',
  SCMP_ARCH_MIPSEL: 'mips',
  SCMP_ARCH_MIPSEL64: 'mips64',
  SCMP_ARCH_MIPSEL64N32: 'mips64n32',
  SCMP_ARCH_PPC: 'ppc',
  SCMP_ARCH_PPC64: 'ppc64',
  SCMP_ARCH_PPC64LE: 'ppc64',
  SCMP_ARCH_S390: 's390',
  SCMP_ARCH_S390X: 's390x',
  SCMP_ARCH_PARISC: 'parisc',
  SCMP_ARCH_PARISC64: 'parisc64',
  SCMP_ARCH_RISCV64: 'riscv64',
  SCMP_ARCH_SH: 'sh',
  SCMP_ARCH_SHEB: 'sh',
};

/**
 * Native arch names usable in `includes.arches` / `excludes.arches`.
 *
 * The host name moby compares with these lists is one of: x86, amd64, arm, arm64, loongarch64,
 * mips64, mips64n32, mipsel64, mips3l64n32 (moby's spelling of little-endian mips64n32), mipsel,
 * ppc, ppc64, ppc64le, riscv64, s390, s390x. Two more names are listed because real profiles use
 * them although no host ever reports them: `x32` (an ABI of amd64 hosts, not a host arch) and
 * `mips` (big-endian 32-bit MIPS has no entry in moby's GOARCH table).
 *
 * Quirk worth knowing: moby picks the `archMap` entry through a second table whose keys are
 * `loong64` and `mipsle`, not `loongarch64` and `mipsel`, so on those two hosts no `archMap`
 * entry is selected. `loong64` and `mipsle` are not valid in `includes.arches`.
 */
export const DOCKER_ARCHES = [
  'x86',
  'amd64',
  'x32',
  'arm',
  'arm64',
  'loongarch64',
  'mips',
  'mipsel',
  'mips64',
  'mips64n32',
  'mipsel64',
  'mips3l64n32',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv64',
  's390',
  's390x',
] as const;

export type DockerArch = (typeof DOCKER_ARCHES)[number];

/** Native (Docker `includes.arches`) name → the libseccomp table column used for numbers. */
export const DOCKER_ARCH_TO_ABIS: Readonly<Record<DockerArch, Abi>> = {
  x86: 'x86',
  amd64: 'x86_64',
  x32: 'x32',
  arm: 'arm',
  arm64: 'aarch64',
  loongarch64: 'loongarch64',
  mips: 'mips',
  mipsel: 'mips',
  mips64: 'mips64',
  mips64n32: 'mips64n32',
  mipsel64: 'mips64',
  mips3l64n32: 'mips64n32',
  ppc: 'ppc',
  ppc64: 'ppc64',
  ppc64le: 'ppc64',
  riscv64: 'riscv64',
  s390: 's390',
  s390x: 's390x',
};

/** Native name → the `SCMP_ARCH_*` name of the same architecture. */
export const DOCKER_ARCH_TO_SCMP_ARCH: Readonly<Record<DockerArch, ScmpArch>> = {
  x86: 'SCMP_ARCH_X86',
  amd64: 'SCMP_ARCH_X86_64',
  x32: 'SCMP_ARCH_X32',
  arm: 'SCMP_ARCH_ARM',
  arm64: 'SCMP_ARCH_AARCH64',
  loongarch64: 'SCMP_ARCH_LOONGARCH64',
  mips: 'SCMP_ARCH_MIPS',
  mipsel: 'SCMP_ARCH_MIPSEL',
  mips64: 'SCMP_ARCH_MIPS64',
  mips64n32: 'SCMP_ARCH_MIPS64N32',
  mipsel64: 'SCMP_ARCH_MIPSEL64',
  mips3l64n32: 'SCMP_ARCH_MIPSEL64N32',
  ppc: 'SCMP_ARCH_PPC',
  ppc64: 'SCMP_ARCH_PPC64',
  ppc64le: 'SCMP_ARCH_PPC64LE',
  riscv64: 'SCMP_ARCH_RISCV64',
  s390: 'SCMP_ARCH_S390',
  s390x: 'SCMP_ARCH_S390X',
};

/**
 * What the kernel adds to libseccomp's table number to get the real syscall number: the o32, n64
 * and n32 MIPS ABIs start at 4000, 5000 and 6000, and x32 syscalls set bit 30 (__X32_SYSCALL_BIT).
 * Zero everywhere else (ARM's private calls such as cacheflush are already stored as 0xf0000+n).
 */
export const ABI_NR_BASE: Readonly<Record<Abi, number>> = {
  x86: 0,
  x86_64: 0,
  x32: 0x40000000,
  arm: 0,
  aarch64: 0,
  loongarch64: 0,
  m68k: 0,
  mips: 4000,
  mips64: 5000,
  mips64n32: 6000,
  parisc: 0,
  parisc64: 0,
  ppc: 0,
  ppc64: 0,
  riscv64: 0,
  s390: 0,
  s390x: 0,
  sh: 0,
};

const hasOwn = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key);

export function isScmpArch(name: string): name is ScmpArch {
  return hasOwn(SCMP_ARCH_TO_ABI, name);
}

export function isDockerArch(name: string): name is DockerArch {
  return hasOwn(DOCKER_ARCH_TO_ABIS, name);
}

/** True when `name` is in libseccomp's table (on any ABI). */
export function isKnownSyscall(name: string): boolean {
  return SYSCALL_NUMBERS.has(name);
}

/** libseccomp's table number of `name` on `abi`, or undefined when it does not exist there. */
export function syscallNumber(name: string, abi: Abi): number | undefined {
  return SYSCALL_NUMBERS.number(name, abi);
}

/** The number the kernel really uses (what seccomp's `nr` sees), or undefined when absent. */
export function kernelSyscallNumber(name: string, abi: Abi): number | undefined {
  const n = syscallNumber(name, abi);
  return n === undefined ? undefined : n + ABI_NR_BASE[abi];
}

/** ABIs on which `name` exists, in table order. */
export function abisWithSyscall(name: string): Abi[] {
  return ABIS.filter((abi) => syscallNumber(name, abi) !== undefined);
}

/** Every syscall name in the table, sorted. */
export function allSyscallNames(): readonly string[] {
  return SYSCALL_NUMBERS.names;
}
