import { describe, expect, it } from 'vitest';

import {
  ABIS,
  ABI_NR_BASE,
  DOCKER_ARCHES,
  DOCKER_ARCH_TO_ABIS,
  DOCKER_ARCH_TO_SCMP_ARCH,
  SCMP_ARCHES,
  SCMP_ARCH_TO_ABI,
  abisWithSyscall,
  isDockerArch,
  isKnownSyscall,
  isScmpArch,
  kernelSyscallNumber,
  syscallNumber,
} from './abis.ts';

describe('arch maps', () => {
  it('maps every SCMP_ARCH_* name to an ABI column', () => {
    expect(Object.keys(SCMP_ARCH_TO_ABI).sort()).toEqual([...SCMP_ARCHES].sort());
    for (const abi of Object.values(SCMP_ARCH_TO_ABI)) expect(ABIS).toContain(abi);
    expect(SCMP_ARCH_TO_ABI.SCMP_ARCH_PPC64LE).toBe('ppc64');
    expect(SCMP_ARCH_TO_ABI.SCMP_ARCH_MIPSEL64N32).toBe('mips64n32');
    expect(SCMP_ARCH_TO_ABI.SCMP_ARCH_SHEB).toBe('sh');
  });

  it('maps the Docker native names', () => {
    expect(Object.keys(DOCKER_ARCH_TO_ABIS).sort()).toEqual([...DOCKER_ARCHES].sort());
    expect(DOCKER_ARCH_TO_ABIS.amd64).toBe('x86_64');
    expect(DOCKER_ARCH_TO_ABIS.arm64).toBe('aarch64');
    expect(DOCKER_ARCH_TO_ABIS.ppc64le).toBe('ppc64');
    expect(DOCKER_ARCH_TO_ABIS.mipsel64).toBe('mips64');
    expect(DOCKER_ARCH_TO_ABIS.mips3l64n32).toBe('mips64n32');
    expect(DOCKER_ARCH_TO_ABIS.mipsel).toBe('mips');
    expect(DOCKER_ARCH_TO_ABIS.s390x).toBe('s390x');
    for (const arch of DOCKER_ARCHES) {
      expect(SCMP_ARCH_TO_ABI[DOCKER_ARCH_TO_SCMP_ARCH[arch]]).toBe(DOCKER_ARCH_TO_ABIS[arch]);
    }
  });

  it('guards lookups', () => {
    expect(isScmpArch('SCMP_ARCH_X86_64')).toBe(true);
    expect(isScmpArch('toString')).toBe(false);
    expect(isDockerArch('amd64')).toBe(true);
    expect(isDockerArch('loong64')).toBe(false);
    expect(isKnownSyscall('ptrace')).toBe(true);
    expect(isKnownSyscall('constructor')).toBe(false);
  });
});

describe('syscall numbers', () => {
  it('returns table and kernel numbers', () => {
    expect(syscallNumber('ptrace', 'x86_64')).toBe(101);
    expect(syscallNumber('mkdir', 'aarch64')).toBeUndefined();
    expect(syscallNumber('nope', 'x86_64')).toBeUndefined();
    expect(kernelSyscallNumber('ptrace', 'mips')).toBe(4026);
    expect(kernelSyscallNumber('ptrace', 'mips64')).toBe(5099);
    expect(kernelSyscallNumber('ptrace', 'mips64n32')).toBe(6099);
    expect(kernelSyscallNumber('ptrace', 'x32')).toBe(0x40000000 + 521);
    expect(kernelSyscallNumber('ptrace', 'aarch64')).toBe(117);
    expect(Object.keys(ABI_NR_BASE).sort()).toEqual([...ABIS].sort());
  });

  it('lists the ABIs that have a syscall', () => {
    expect(abisWithSyscall('arch_prctl')).toEqual(['x86', 'x86_64', 'x32']);
    expect(abisWithSyscall('riscv_hwprobe')).toEqual(['riscv64']);
    expect(abisWithSyscall('nope')).toEqual([]);
  });
});
