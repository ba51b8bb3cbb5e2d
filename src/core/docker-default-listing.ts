/**
 * Docker's default seccomp profile, written as a listing of which system calls a container may
 * make and under which conditions. Docker itself generates `default.json` from Go code (moby's
 * `seccomp/default_linux.go`); this is the same listing told again in TypeScript, and it renders
 * to the very bytes of `default.json` at the commit recorded in {@link DOCKER_DEFAULT_SOURCE}.
 *
 * The rule order, and the order of names inside each rule, are Docker's: they are facts of the
 * file, and reproducing them is what makes the rendered text identical to Docker's.
 */
import { formatProfile } from './format.ts';
import type { Action, Operator } from './model.ts';
import { parseProfile } from './parse.ts';

import { DOCKER_DEFAULT_SOURCE } from './docker-default.ts';

export { DOCKER_DEFAULT_SOURCE };

// ---------------------------------------------------------------------------------------------
// The shape of Docker's profile.json, as plain JSON-compatible data.

/** Docker's capability names (`CAP_SYS_ADMIN`, …). */
type Capability = `CAP_${string}`;

/** Docker matches `includes.arches` / `excludes.arches` against Go's GOARCH names. */
type GoArch = 'amd64' | 'x86' | 'x32' | 'arm' | 'arm64' | 'ppc64le' | 's390' | 's390x' | 'riscv64';

interface ArchMapJson {
  architecture: string;
  /** `null` where the native ABI has no companions (Go's nil slice). */
  subArchitectures: string[] | null;
}

interface FilterJson {
  caps?: Capability[];
  arches?: GoArch[];
  minKernel?: string;
}

interface ArgJson {
  index: number;
  value: number;
  valueTwo?: number;
  op: Operator;
}

interface RuleJson {
  names: string[];
  action: Action;
  errnoRet?: number;
  args?: ArgJson[];
  comment?: string;
  includes?: FilterJson;
  excludes?: FilterJson;
}

interface ProfileJson {
  defaultAction: Action;
  defaultErrnoRet: number;
  archMap: ArchMapJson[];
  syscalls: RuleJson[];
}

/** When a rule applies: Docker keeps it only if `includes` all hold and `excludes` none. */
interface Conditions {
  includes?: FilterJson;
  excludes?: FilterJson;
  comment?: string;
}

// ---------------------------------------------------------------------------------------------
// Small builders.

/** A whitespace-separated list of syscall names, so long lists read like a table. */
const words = (list: string): string[] => list.trim().split(/\s+/);

const arch = (architecture: string, subArchitectures: string[] | null = null): ArchMapJson => ({
  architecture,
  subArchitectures,
});

/** Allows `names`, optionally only under `conditions`. */
const allow = (names: string | string[], conditions: Conditions = {}): RuleJson => ({
  names: typeof names === 'string' ? [names] : names,
  action: 'SCMP_ACT_ALLOW',
  ...conditions,
});

/** Allows one syscall when its arguments pass every check in `args`. */
const allowIf = (name: string, args: ArgJson[], conditions: Conditions = {}): RuleJson => ({
  ...allow(name, conditions),
  args,
});

/** Makes `names` fail with `errnoRet` instead of the default errno. */
const fail = (
  names: string | string[],
  errnoRet: number,
  conditions: Conditions = {},
): RuleJson => ({
  names: typeof names === 'string' ? [names] : names,
  action: 'SCMP_ACT_ERRNO',
  errnoRet,
  ...conditions,
});

const withCap = (cap: Capability): Conditions => ({ includes: { caps: [cap] } });
const onArches = (...arches: GoArch[]): Conditions => ({ includes: { arches } });

/** Argument checks, as libseccomp comparisons on argument `index`. */
const argEquals = (index: number, value: number): ArgJson => ({ index, value, op: 'SCMP_CMP_EQ' });
const argBelow = (index: number, value: number): ArgJson => ({ index, value, op: 'SCMP_CMP_LT' });
const argAbove = (index: number, value: number): ArgJson => ({ index, value, op: 'SCMP_CMP_GT' });
/** `(arg & mask) == 0`: none of the bits in `mask` is set. */
const argHasNoneOf = (index: number, mask: number): ArgJson => ({
  index,
  value: mask,
  op: 'SCMP_CMP_MASKED_EQ',
});

// ---------------------------------------------------------------------------------------------
// Constants from the Linux UAPI headers.

/** errno values. */
const EPERM = 1;
const ENOSYS = 38;

/** Address families (`<linux/socket.h>`). */
const AF_ALG = 38; // the kernel crypto API
const AF_VSOCK = 40; // host ↔ guest sockets

/** Execution domains (`<linux/personality.h>`). */
const PER_LINUX = 0x0000;
const PER_LINUX32 = 0x0008;
const UNAME26 = 0x0020000;
/** `personality(0xffffffff)` changes nothing and returns the current persona. */
const PERSONALITY_QUERY = 0xffffffff;

/** Namespace flags of clone(2) (`<linux/sched.h>`). */
const CLONE_NEWNS = 0x00020000;
const CLONE_NEWCGROUP = 0x02000000;
const CLONE_NEWUTS = 0x04000000;
const CLONE_NEWIPC = 0x08000000;
const CLONE_NEWUSER = 0x10000000;
const CLONE_NEWPID = 0x20000000;
const CLONE_NEWNET = 0x40000000;
/**
 * Every flag by which clone(2) creates a namespace (2114060288). CLONE_NEWTIME is not one of
 * them: in clone(2)'s flags its bit (0x80) belongs to the exit-signal byte.
 */
const CLONE_NAMESPACE_FLAGS =
  CLONE_NEWNS |
  CLONE_NEWCGROUP |
  CLONE_NEWUTS |
  CLONE_NEWIPC |
  CLONE_NEWUSER |
  CLONE_NEWPID |
  CLONE_NEWNET;

// ---------------------------------------------------------------------------------------------
// The profile.

/**
 * Native ABIs and the companion ABIs a process on them can also call (x86-64 runs 32-bit x86
 * and x32 code, for example), so each rule is installed for all of them.
 */
const ARCH_MAP: ArchMapJson[] = [
  arch('SCMP_ARCH_X86_64', ['SCMP_ARCH_X86', 'SCMP_ARCH_X32']),
  arch('SCMP_ARCH_AARCH64', ['SCMP_ARCH_ARM']),
  arch('SCMP_ARCH_MIPS64', ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64N32']),
  arch('SCMP_ARCH_MIPS64N32', ['SCMP_ARCH_MIPS', 'SCMP_ARCH_MIPS64']),
  arch('SCMP_ARCH_MIPSEL64', ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64N32']),
  arch('SCMP_ARCH_MIPSEL64N32', ['SCMP_ARCH_MIPSEL', 'SCMP_ARCH_MIPSEL64']),
  arch('SCMP_ARCH_S390X', ['SCMP_ARCH_S390']),
  arch('SCMP_ARCH_RISCV64'),
  arch('SCMP_ARCH_LOONGARCH64'),
];

/**
 * What every container may call, whatever its capabilities: the ordinary business of a process
 * (files, memory, signals, sockets, timers, identities within its own namespaces). In Docker's
 * order, which is alphabetical but for a few names.
 */
const ALWAYS_ALLOWED = words(`
  accept accept4 access adjtimex alarm
  bind brk
  cachestat capget capset chdir chmod chown chown32 clock_adjtime clock_adjtime64 clock_getres
  clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep clock_nanosleep_time64 close
  close_range connect copy_file_range creat
  dup dup2 dup3
  epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait
  epoll_wait_old eventfd eventfd2 execve execveat exit exit_group
  faccessat faccessat2 fadvise64 fadvise64_64 fallocate fanotify_mark fchdir fchmod fchmodat
  fchmodat2 fchown fchown32 fchownat fcntl fcntl64 fdatasync fgetxattr flistxattr flock fork
  fremovexattr fsetxattr fstat fstat64 fstatat64 fstatfs fstatfs64 fsync ftruncate ftruncate64
  futex futex_requeue futex_time64 futex_wait futex_waitv futex_wake futimesat
  getcpu getcwd getdents getdents64 getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups
  getgroups32 getitimer getpeername getpgid getpgrp getpid getppid getpriority getrandom
  getresgid getresgid32 getresuid getresuid32 getrlimit get_robust_list getrusage getsid
  getsockname getsockopt get_thread_area gettid gettimeofday getuid getuid32 getxattr getxattrat
  inotify_add_watch inotify_init inotify_init1 inotify_rm_watch io_cancel ioctl io_destroy
  io_getevents io_pgetevents io_pgetevents_time64 ioprio_get ioprio_set io_setup io_submit ipc
  kill
  landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown lchown32 lgetxattr link
  linkat listen listmount listxattr listxattrat llistxattr _llseek lremovexattr lseek lsetxattr
  lstat lstat64
  madvise map_shadow_stack membarrier memfd_create memfd_secret mincore mkdir mkdirat mknod
  mknodat mlock mlock2 mlockall mmap mmap2 mprotect mq_getsetattr mq_notify mq_open
  mq_timedreceive mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 mq_unlink mremap mseal
  msgctl msgget msgrcv msgsnd msync munlock munlockall munmap
  name_to_handle_at nanosleep newfstatat _newselect
  open openat openat2
  pause pidfd_open pidfd_send_signal pipe pipe2 pkey_alloc pkey_free pkey_mprotect poll ppoll
  ppoll_time64 prctl pread64 preadv preadv2 prlimit64 process_mrelease pselect6 pselect6_time64
  pwrite64 pwritev pwritev2
  read readahead readlink readlinkat readv recv recvfrom recvmmsg recvmmsg_time64 recvmsg
  remap_file_pages removexattr removexattrat rename renameat renameat2 restart_syscall
  riscv_hwprobe rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn
  rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 rt_tgsigqueueinfo
  sched_getaffinity sched_getattr sched_getparam sched_get_priority_max sched_get_priority_min
  sched_getscheduler sched_rr_get_interval sched_rr_get_interval_time64 sched_setaffinity
  sched_setattr sched_setparam sched_setscheduler sched_yield seccomp select semctl semget semop
  semtimedop semtimedop_time64 send sendfile sendfile64 sendmmsg sendmsg sendto setfsgid
  setfsgid32 setfsuid setfsuid32 setgid setgid32 setgroups setgroups32 setitimer setpgid
  setpriority setregid setregid32 setresgid setresgid32 setresuid setresuid32 setreuid setreuid32
  setrlimit set_robust_list setsid setsockopt set_thread_area set_tid_address setuid setuid32
  setxattr setxattrat shmat shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4
  sigprocmask sigreturn socketcall socketpair splice stat stat64 statfs statfs64 statmount statx
  symlink symlinkat sync sync_file_range syncfs sysinfo
  tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime timer_gettime64
  timer_settime timer_settime64 timerfd_create timerfd_gettime timerfd_gettime64 timerfd_settime
  timerfd_settime64 times tkill truncate truncate64
  ugetrlimit umask uname unlink unlinkat uretprobe utime utimensat utimensat_time64 utimes
  vfork vmsplice
  wait4 waitid waitpid write writev
`);

/** The rules, in Docker's order. */
const RULES: RuleJson[] = [
  allow(ALWAYS_ALLOWED),

  // Before Linux 4.8 a tracer could rewrite a syscall after seccomp had checked it, so tracing
  // and cross-process memory access are allowed to everyone only on kernels that re-check.
  allow(['process_vm_readv', 'process_vm_writev', 'ptrace'], { includes: { minKernel: '4.8' } }),

  // Sockets of every family but the kernel crypto API (AF_ALG) and host–guest sockets
  // (AF_VSOCK): every family below AF_ALG, the one between them, and every one above AF_VSOCK.
  allowIf('socket', [argBelow(0, AF_ALG)]),
  allowIf('socket', [argEquals(0, AF_ALG + 1)]),
  allowIf('socket', [argAbove(0, AF_VSOCK)]),

  // personality(2) could switch off address-space randomisation and other hardening, so only
  // the plain Linux persona and its 32-bit variant, each with or without a 2.6-style uname
  // (UNAME26), and the query are allowed.
  allowIf('personality', [argEquals(0, PER_LINUX)]),
  allowIf('personality', [argEquals(0, PER_LINUX32)]),
  allowIf('personality', [argEquals(0, UNAME26)]),
  allowIf('personality', [argEquals(0, PER_LINUX32 | UNAME26)]),
  allowIf('personality', [argEquals(0, PERSONALITY_QUERY)]),

  // Ordinary calls that exist only on some architectures.
  allow(['sync_file_range2', 'swapcontext'], onArches('ppc64le')),
  allow(
    words('arm_fadvise64_64 arm_sync_file_range sync_file_range2 breakpoint cacheflush set_tls'),
    onArches('arm', 'arm64'),
  ),
  allow('arch_prctl', onArches('amd64', 'x32')),
  allow('modify_ldt', onArches('amd64', 'x32', 'x86')),
  allow(
    ['s390_pci_mmio_read', 's390_pci_mmio_write', 's390_runtime_instr'],
    onArches('s390', 's390x'),
  ),
  allow('riscv_flush_icache', onArches('riscv64')),

  // Opening a file by handle skips the path walk and its permission checks, the hole the
  // "shocker" container escape used.
  allow('open_by_handle_at', withCap('CAP_DAC_READ_SEARCH')),

  // Namespace and mount administration, and the other powers CAP_SYS_ADMIN stands for, are only
  // safe to offer when the container was given CAP_SYS_ADMIN.
  allow(
    words(`
      bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick lookup_dcookie
      lsm_get_self_attr lsm_list_modules lsm_set_self_attr mount mount_setattr move_mount open_tree
      perf_event_open quotactl quotactl_fd setdomainname sethostname setns syslog umount umount2
      unshare
    `),
    withCap('CAP_SYS_ADMIN'),
  ),

  // Without CAP_SYS_ADMIN a process may still clone, but not into new namespaces.
  allowIf('clone', [argHasNoneOf(0, CLONE_NAMESPACE_FLAGS)], {
    excludes: { caps: ['CAP_SYS_ADMIN'], arches: ['s390', 's390x'] },
  }),
  // s390 passes the stack first and the flags second.
  allowIf('clone', [argHasNoneOf(1, CLONE_NAMESPACE_FLAGS)], {
    comment: 's390 parameter ordering for clone is different',
    includes: { arches: ['s390', 's390x'] },
    excludes: { caps: ['CAP_SYS_ADMIN'] },
  }),
  // clone3 passes its flags in a struct seccomp cannot read, so without CAP_SYS_ADMIN it reports
  // ENOSYS ("not implemented"), which makes libc fall back to clone and the check above.
  fail('clone3', ENOSYS, { excludes: { caps: ['CAP_SYS_ADMIN'] } }),

  // Each remaining power is offered exactly when the capability that guards it was granted.
  allow('reboot', withCap('CAP_SYS_BOOT')),
  allow('chroot', withCap('CAP_SYS_CHROOT')),
  allow(['delete_module', 'init_module', 'finit_module'], withCap('CAP_SYS_MODULE')),
  allow('acct', withCap('CAP_SYS_PACCT')),
  // With CAP_SYS_PTRACE, tracing is allowed on any kernel, with its companions.
  allow(
    ['kcmp', 'pidfd_getfd', 'process_madvise', 'process_vm_readv', 'process_vm_writev', 'ptrace'],
    withCap('CAP_SYS_PTRACE'),
  ),
  allow(['iopl', 'ioperm'], withCap('CAP_SYS_RAWIO')),
  allow(['settimeofday', 'stime', 'clock_settime', 'clock_settime64'], withCap('CAP_SYS_TIME')),
  allow('vhangup', withCap('CAP_SYS_TTY_CONFIG')),
  allow(
    ['get_mempolicy', 'mbind', 'set_mempolicy', 'set_mempolicy_home_node'],
    withCap('CAP_SYS_NICE'),
  ),
  // These three are also in the CAP_SYS_ADMIN group; their narrower capabilities suffice too.
  allow('syslog', withCap('CAP_SYSLOG')),
  allow('bpf', withCap('CAP_BPF')),
  allow('perf_event_open', withCap('CAP_PERFMON')),
];

/** Refuse everything not listed above with EPERM ("operation not permitted"). */
const DOCKER_DEFAULT: ProfileJson = {
  defaultAction: 'SCMP_ACT_ERRNO',
  defaultErrnoRet: EPERM,
  archMap: ARCH_MAP,
  syscalls: RULES,
};

// ---------------------------------------------------------------------------------------------
// Rendering.

/**
 * Docker's default profile rendered from the listing in Docker's canonical style (tab-indented,
 * no trailing newline), as `default.json` at {@link DOCKER_DEFAULT_SOURCE} has it. The page
 * reads the same text from generated/docker-default-text.ts (a test keeps the two equal).
 */
export function renderDockerDefaultProfileText(): string {
  const parsed = parseProfile(JSON.stringify(DOCKER_DEFAULT));
  if (!parsed.profile || parsed.problems.length > 0) {
    throw new Error('the built-in Docker default profile does not decode cleanly');
  }
  return formatProfile(parsed.profile);
}
