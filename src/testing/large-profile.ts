/**
 * Generated large profiles for benchmarks and stress tests: Docker-style text (tabs), with a
 * realistic mix of plain, capability-gated, architecture-gated, kernel-gated and
 * argument-filtered rules. Deterministic for a given size and seed.
 */
import { seededRandom } from './random.ts';

const SYSCALLS = [
  'read',
  'write',
  'openat',
  'close',
  'mmap',
  'mprotect',
  'munmap',
  'brk',
  'ioctl',
  'pread64',
  'pwrite64',
  'readv',
  'writev',
  'access',
  'pipe2',
  'select',
  'sched_yield',
  'mremap',
  'msync',
  'madvise',
  'shmget',
  'dup3',
  'nanosleep',
  'getpid',
  'sendfile',
  'socket',
  'connect',
  'accept4',
  'sendto',
  'recvfrom',
  'bind',
  'listen',
  'clone',
  'fork',
  'execve',
  'exit',
  'wait4',
  'kill',
  'uname',
  'fcntl',
  'flock',
  'fsync',
  'truncate',
  'getdents64',
  'getcwd',
  'chdir',
  'rename',
  'mkdirat',
  'unlinkat',
  'symlinkat',
  'chmod',
  'fchownat',
  'umask',
  'gettimeofday',
  'getrlimit',
  'ptrace',
  'mount',
  'umount2',
  'setns',
  'unshare',
  'bpf',
  'perf_event_open',
  'reboot',
  'acct',
];
const CAPS = ['CAP_SYS_ADMIN', 'CAP_SYS_PTRACE', 'CAP_NET_ADMIN', 'CAP_BPF', 'CAP_SYS_NICE'];
const ARCHES = ['amd64', 'arm64', 's390x', 'ppc64le'];

/**
 * A profile with `rules` rules (about 200 bytes each, so 5,000 rules is about 1 MB).
 *
 * The first rule allows `accept` alone, a name no other rule mentions: editing it changes that
 * syscall's verdict, whatever the size (the bench's hand edit types into it).
 *
 * @param rules - how many rules
 * @param seed - varies the content, not the shape
 */
export function generateLargeProfile(rules: number, seed = 1): string {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const parts: string[] = [];
  if (rules > 0) {
    parts.push(
      '\t\t{\n\t\t\t"names": [\n\t\t\t\t"accept"\n\t\t\t],\n\t\t\t"action": "SCMP_ACT_ALLOW"\n\t\t}',
    );
  }
  for (let i = 1; i < rules; i++) {
    const names = [pick(SYSCALLS), pick(SYSCALLS), pick(SYSCALLS)]
      .filter((n, j, all) => all.indexOf(n) === j)
      .sort();
    const lines = [`\t\t\t"names": [\n${names.map((n) => `\t\t\t\t"${n}"`).join(',\n')}\n\t\t\t]`];
    const kind = next();
    lines.push(`\t\t\t"action": "${kind < 0.8 ? 'SCMP_ACT_ALLOW' : 'SCMP_ACT_ERRNO'}"`);
    if (kind >= 0.8) lines.push('\t\t\t"errnoRet": 38');
    const shape = next();
    if (shape < 0.2) {
      lines.push(
        `\t\t\t"args": [\n\t\t\t\t{\n\t\t\t\t\t"index": ${Math.floor(next() * 3)},\n\t\t\t\t\t"value": ${Math.floor(next() * 1e9)},\n\t\t\t\t\t"op": "SCMP_CMP_EQ"\n\t\t\t\t}\n\t\t\t]`,
      );
    } else if (shape < 0.4) {
      lines.push(
        `\t\t\t"includes": {\n\t\t\t\t"caps": [\n\t\t\t\t\t"${pick(CAPS)}"\n\t\t\t\t]\n\t\t\t}`,
      );
    } else if (shape < 0.5) {
      lines.push(
        `\t\t\t"includes": {\n\t\t\t\t"arches": [\n\t\t\t\t\t"${pick(ARCHES)}"\n\t\t\t\t]\n\t\t\t}`,
      );
    } else if (shape < 0.6) {
      lines.push(
        `\t\t\t"excludes": {\n\t\t\t\t"minKernel": "${4 + Math.floor(next() * 3)}.${Math.floor(next() * 20)}"\n\t\t\t}`,
      );
    } else {
      lines.push(`\t\t\t"comment": "generated rule ${i}"`);
    }
    parts.push(`\t\t{\n${lines.join(',\n')}\n\t\t}`);
  }
  return `{\n\t"defaultAction": "SCMP_ACT_ERRNO",\n\t"defaultErrnoRet": 1,\n\t"architectures": [\n\t\t"SCMP_ARCH_X86_64",\n\t\t"SCMP_ARCH_X86",\n\t\t"SCMP_ARCH_X32"\n\t],\n\t"syscalls": [\n${parts.join(',\n')}\n\t]\n}`;
}
