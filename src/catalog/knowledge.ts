/**
 * The catalog's syscall knowledge in the shape the engine's lint asks for: which names Linux
 * has, on which architectures, and what a mistyped or libc-only name most likely meant.
 */
import { closest, type SyscallKnowledge } from '../core/lint.ts';
import {
  SCMP_ARCH_TO_ABI,
  allSyscallNames,
  isKnownSyscall,
  isScmpArch,
  syscallNumber,
} from './abis.ts';

export { allSyscallNames };

/**
 * Names people write that are libc functions or other spellings, with the syscall that does
 * the job (the kernel's name is what seccomp matches).
 */
const LIBC_AND_OTHER_NAMES: Readonly<Record<string, string>> = {
  sysctl: '_sysctl',
  posix_fadvise: 'fadvise64',
  posix_fallocate: 'fallocate',
  posix_madvise: 'madvise',
  posix_spawn: 'clone',
  llseek: '_llseek',
  lseek64: 'lseek',
  newselect: '_newselect',
  fstatat: 'newfstatat',
  fstatat64: 'fstatat64',
  open64: 'open',
  openat64: 'openat',
  pread: 'pread64',
  pwrite: 'pwrite64',
  mmap64: 'mmap',
  prlimit: 'prlimit64',
  sbrk: 'brk',
  wait: 'wait4',
  sigaction: 'rt_sigaction',
  sigprocmask: 'rt_sigprocmask',
  sigreturn: 'rt_sigreturn',
  sigsuspend: 'rt_sigsuspend',
  sigqueue: 'rt_sigqueueinfo',
  sigtimedwait: 'rt_sigtimedwait',
  sigwaitinfo: 'rt_sigtimedwait',
  clock_gettime32: 'clock_gettime',
  sched_setaffinity_np: 'sched_setaffinity',
  getdents32: 'getdents',
  accept3: 'accept4',
};

/** Lint's view of the catalog. */
export const syscallKnowledge: SyscallKnowledge = {
  isKnown: isKnownSyscall,
  existsOn(name, scmpArch) {
    if (!isKnownSyscall(name) || !isScmpArch(scmpArch)) return undefined;
    return syscallNumber(name, SCMP_ARCH_TO_ABI[scmpArch]) !== undefined;
  },
  suggest(name) {
    const lower = name.toLowerCase();
    if (isKnownSyscall(lower)) return lower;
    return LIBC_AND_OTHER_NAMES[lower] ?? closest(lower, allSyscallNames());
  },
};
