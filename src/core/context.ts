/**
 * The context a profile is resolved in: the host architecture, the container's capability
 * bounding set and the host kernel version, exactly the three things Docker's loader looks at.
 */
import type { KernelVersion } from './model.ts';

/**
 * Docker's native architecture names: what `includes.arches` / `excludes.arches` are compared
 * with (moby's GOARCH → native table). `mips3l64n32` is moby's own spelling.
 */
export const DOCKER_ARCHES = [
  'amd64',
  'arm64',
  'x86',
  'arm',
  'loongarch64',
  'mips64',
  'mips64n32',
  'mipsel64',
  'mips3l64n32',
  'mipsel',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv64',
  's390',
  's390x',
] as const;
export type DockerArch = (typeof DOCKER_ARCHES)[number];

/** Other spellings people use for the same hosts (Go's GOARCH names among them). */
export const ARCH_ALIASES: Readonly<Record<string, DockerArch>> = {
  x86_64: 'amd64',
  '386': 'x86',
  i386: 'x86',
  i686: 'x86',
  aarch64: 'arm64',
  armhf: 'arm',
  loong64: 'loongarch64',
  mips64le: 'mipsel64',
  mips64p32: 'mips64n32',
  mips64p32le: 'mips3l64n32',
  mipsel64n32: 'mips3l64n32',
  mipsle: 'mipsel',
};

/**
 * The `archMap` entry Docker picks on each host (moby's native → SCMP_ARCH table). That
 * table is keyed `loong64` and `mipsle` while the host names are `loongarch64` and `mipsel`,
 * so on those two hosts no `archMap` entry is ever chosen: reproduced here on purpose.
 */
export const ARCH_MAP_KEY: Readonly<Partial<Record<DockerArch, string>>> = {
  x86: 'SCMP_ARCH_X86',
  amd64: 'SCMP_ARCH_X86_64',
  arm: 'SCMP_ARCH_ARM',
  arm64: 'SCMP_ARCH_AARCH64',
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

/** The seccomp architecture of each host's own (native) system-call ABI. */
export const NATIVE_SCMP_ARCH: Readonly<Record<DockerArch, string>> = {
  amd64: 'SCMP_ARCH_X86_64',
  arm64: 'SCMP_ARCH_AARCH64',
  x86: 'SCMP_ARCH_X86',
  arm: 'SCMP_ARCH_ARM',
  loongarch64: 'SCMP_ARCH_LOONGARCH64',
  mips64: 'SCMP_ARCH_MIPS64',
  mips64n32: 'SCMP_ARCH_MIPS64N32',
  mipsel64: 'SCMP_ARCH_MIPSEL64',
  mips3l64n32: 'SCMP_ARCH_MIPSEL64N32',
  mipsel: 'SCMP_ARCH_MIPSEL',
  ppc: 'SCMP_ARCH_PPC',
  ppc64: 'SCMP_ARCH_PPC64',
  ppc64le: 'SCMP_ARCH_PPC64LE',
  riscv64: 'SCMP_ARCH_RISCV64',
  s390: 'SCMP_ARCH_S390',
  s390x: 'SCMP_ARCH_S390X',
};

/** Every Linux capability, by number (0–40). */
export const ALL_CAPABILITIES = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
] as const;

/** The capabilities `docker run` grants when none are added or dropped (moby's default set). */
export const DOCKER_DEFAULT_CAPABILITIES = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
] as const;

/** The newest kernel this project knows of (libseccomp's table is for Linux 7.1). */
export const NEWEST_KERNEL: KernelVersion = { major: 7, minor: 1 };

export interface ResolveContext {
  arch: DockerArch;
  /** The container's capability bounding set, as `CAP_*` names. */
  caps: ReadonlySet<string>;
  kernel: KernelVersion;
}

/** Docker's default context: amd64, the default capability set, the newest kernel. */
export function defaultContext(overrides: Partial<ResolveContext> = {}): ResolveContext {
  return {
    arch: 'amd64',
    caps: new Set(DOCKER_DEFAULT_CAPABILITIES),
    kernel: NEWEST_KERNEL,
    ...overrides,
  };
}

/**
 * Turns `sys_admin`, `SYS_ADMIN` or `cap_sys_admin` into `CAP_SYS_ADMIN`, as `docker run
 * --cap-add` accepts them; `ALL` stays `ALL`. Returns undefined for a name Linux doesn't have.
 */
export function normalizeCapability(input: string): string | undefined {
  const upper = input.trim().toUpperCase();
  if (upper === 'ALL') return 'ALL';
  const name = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  return (ALL_CAPABILITIES as readonly string[]).includes(name) ? name : undefined;
}

/**
 * Applies `--cap-add` and `--cap-drop` the way `docker run` does: `--cap-add ALL` gives every
 * capability but the dropped ones; `--cap-drop ALL` keeps only the added ones; otherwise the
 * base set loses the dropped ones and gains the added ones.
 */
export function adjustCapabilities(
  base: Iterable<string>,
  add: readonly string[],
  drop: readonly string[],
): Set<string> {
  if (add.includes('ALL')) return new Set(ALL_CAPABILITIES.filter((cap) => !drop.includes(cap)));
  if (drop.includes('ALL')) return new Set(add);
  const result = new Set([...base].filter((cap) => !drop.includes(cap)));
  for (const cap of add) result.add(cap);
  return result;
}

/** Parses `"X.Y"` (or a full release such as `5.15.0-91-generic`) as Docker reads the host's. */
export function parseKernelRelease(release: string): KernelVersion | undefined {
  const match = /^(\d+)\.(\d+)/.exec(release.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Resolves an architecture name or alias to Docker's native name. */
export function parseArch(input: string): DockerArch | undefined {
  const lower = input.trim().toLowerCase();
  if ((DOCKER_ARCHES as readonly string[]).includes(lower)) return lower as DockerArch;
  return ARCH_ALIASES[lower];
}

/** Whether the host kernel is at least the given version (Docker compares major.minor only). */
export function kernelAtLeast(host: KernelVersion, minimum: KernelVersion): boolean {
  return (
    host.major > minimum.major || (host.major === minimum.major && host.minor >= minimum.minor)
  );
}

export function formatKernel(version: KernelVersion): string {
  return `${version.major}.${version.minor}`;
}

/** The newest kernel version before the given one (4.8 → 4.7; 5.0 → 4.255). */
export function kernelJustBefore(version: KernelVersion): KernelVersion {
  return version.minor > 0
    ? { major: version.major, minor: version.minor - 1 }
    : { major: version.major - 1, minor: 255 };
}
