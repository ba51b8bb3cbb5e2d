/**
 * For every syscall with a reason in docker-reasons.ts: what an attacker inside a container could
 * do with it, whether Docker's seccomp documentation lists it among the significant blocked
 * syscalls, and where that documentation and today's default disagree. Hand-written; all
 * wording is our own.
 *
 * Only the details panel, the search's full index and the command line read these, so they are
 * kept apart from the reasons the table shows: the page fetches them after its first paint.
 */

export interface DockerThreat {
  /** One line: what an attacker inside a container could do with it. */
  readonly threat: string;
  /** True when the syscall is in Docker's documented table of significant blocked syscalls. */
  readonly documented: boolean;
  /** Where Docker's docs and today's default disagree, what the docs say (our words). */
  readonly docsNote?: string;
}

/** The syscalls named in the blocked-syscalls table of Docker's seccomp documentation. */
// prettier-ignore
const DOCUMENTED: ReadonlySet<string> = new Set([
  '_sysctl', 'acct', 'add_key', 'adjtimex', 'bpf', 'clock_adjtime', 'clock_settime', 'clone',
  'create_module', 'delete_module', 'finit_module', 'get_kernel_syms', 'get_mempolicy',
  'init_module', 'ioperm', 'iopl', 'kcmp', 'kexec_file_load', 'kexec_load', 'keyctl',
  'lookup_dcookie', 'mbind', 'mount', 'move_pages', 'name_to_handle_at', 'nfsservctl',
  'open_by_handle_at', 'perf_event_open', 'personality', 'pivot_root', 'process_vm_readv',
  'process_vm_writev', 'ptrace', 'query_module', 'quotactl', 'reboot', 'request_key',
  'set_mempolicy', 'setns', 'settimeofday', 'socket', 'socketcall', 'stime', 'swapoff', 'swapon',
  'sysfs', 'umount', 'umount2', 'unshare', 'uselib', 'userfaultfd', 'ustat', 'vm86', 'vm86old',
]);

/** [threat, docsNote?] — see DockerThreat. */
type Row = readonly [string, string?];

// Shared wording.
const NONE = 'Nothing: the kernel has no implementation behind it.';
const GONE = 'Nothing on current kernels, which return ENOSYS.';
const IO_URING_THREAT =
  'Exploit io_uring bugs for kernel privilege escalation, or do file and network I/O the filter never inspects.';
const TIME_THREAT =
  'Move the host\u2019s wall clock, breaking certificate checks, token expiry, logs and scheduled jobs host-wide.';

// prettier-ignore
const ROWS: Readonly<Record<string, Row>> = {
  _sysctl: ['On old kernels built with it, change host-wide kernel tunables despite the read-only /proc/sys mount.'],
  acct: ['Turn off or redirect process accounting (the host\u2019s, if it shares the host PID namespace), or fill a disk with records.'],
  add_key: ['Plant or replace keys in keyrings the host also uses, or reach keyring code that has had privilege-escalation bugs.'],
  adjtimex: ['With CAP_SYS_TIME, skew or step the host clock that all containers share; without it, only read clock status.', 'Docs list it as blocked; today\u2019s default allows it for everyone and leaves changes to the kernel\u2019s CAP_SYS_TIME check.'],
  afs_syscall: [NONE],
  arm_fadvise64_64: ['Nothing beyond fadvise64: hints about how it will access a file.'],
  arm_sync_file_range: ['Nothing beyond sync_file_range: start writeback of its own file data.'],
  atomic_barrier: ['Nothing notable: it only helps implement atomics on old CPUs.'],
  atomic_cmpxchg_32: ['Nothing notable: it only helps implement atomics on old CPUs.'],
  bdflush: ['Nothing on current kernels.'],
  bpf: ['Trace host processes, read kernel memory, or exploit verifier bugs to run code in the host kernel.', 'Docs name only CAP_SYS_ADMIN; today CAP_BPF alone also lets it through.'],
  break: [NONE],
  breakpoint: ['Nothing notable: it raises SIGTRAP in the caller.'],
  cachectl: [NONE],
  cacheflush: ['Nothing notable: it flushes caches for the caller\u2019s own memory.'],
  clock_adjtime: ['With CAP_SYS_TIME, slew or step the host clock that all containers share.', 'Docs list it as blocked; today\u2019s default allows it and leaves changes to the kernel\u2019s CAP_SYS_TIME check.'],
  clock_settime: [TIME_THREAT],
  clock_settime64: [TIME_THREAT],
  clone: ['Create a user namespace to gain namespace-root capabilities and reach kernel code with a history of privilege-escalation bugs.'],
  clone3: ['Request namespace flags (such as a new user namespace) that the clone filter refuses, if clone3 were let through.'],
  create_module: [GONE],
  delete_module: ['Unload host modules (filesystems, netfilter, drivers) to break services or weaken the host\u2019s firewall.'],
  fanotify_init: ['Watch file access across whole mounts shared with the host, or stall other processes\u2019 opens with permission events.'],
  file_getattr: ['Little: read inode flags and project IDs of files it can reach.'],
  file_setattr: ['Little: change inode flags it could already change by ioctl; immutable and append-only still need CAP_LINUX_IMMUTABLE.'],
  finit_module: ['Load a malicious module and run arbitrary code in the host kernel, unless module signing is enforced.'],
  fsconfig: ['Exploit parameter-parsing bugs such as CVE-2022-0185, or create a superblock to mount, with the same escape routes as mount.'],
  fsmount: ['Turn a configured filesystem into a mount, with the same escape routes as mount.'],
  fsopen: ['Start a fresh filesystem instance (cgroup, proc, a host block device) to mount, with the same escape routes as mount.'],
  fspick: ['Reconfigure an existing superblock, for example to make a read-only filesystem writable.'],
  ftime: [NONE],
  get_kernel_syms: [GONE],
  get_mempolicy: ['Learn the host\u2019s NUMA layout; little else.'],
  get_tls: ['Nothing notable: it returns the caller\u2019s own TLS pointer.'],
  getpagesize: ['Nothing notable: it returns the page size.'],
  getpmsg: [NONE],
  gtty: [NONE],
  idle: [GONE],
  init_module: ['Load a malicious module and run arbitrary code in the host kernel, unless module signing is enforced.'],
  io_uring_enter: [IO_URING_THREAT],
  io_uring_register: [IO_URING_THREAT],
  io_uring_setup: [IO_URING_THREAT],
  ioperm: ['Drive host hardware directly (PCI configuration, CMOS, legacy devices) to corrupt or take over the host.'],
  iopl: ['Drive host hardware directly (PCI configuration, CMOS, legacy devices) to corrupt or take over the host.'],
  kcmp: ['Learn which processes share files or memory: a minor information leak about processes in view.'],
  kexec_file_load: ['Stage a replacement for the host kernel, to run at the next reboot or at once via reboot.'],
  kexec_load: ['Stage a kernel of its choosing for the host, to run at the next reboot or at once via reboot.'],
  keyctl: ['Read or tamper with host root\u2019s keys (Kerberos tickets, disk-encryption keys) or exploit keyring bugs such as CVE-2016-0728.'],
  listns: ['Learn which namespaces (other containers) exist, as far as the kernel\u2019s own permission checks allow.'],
  lock: [NONE],
  lookup_dcookie: ['On old kernels with profiling, resolve the paths of files in use elsewhere on the host.'],
  lsm_get_self_attr: ['Learn which LSM confines it and under what label, to pick an evasion route.'],
  lsm_list_modules: ['Learn which security modules the host runs.'],
  lsm_set_self_attr: ['Try to move itself to a weaker AppArmor profile or SELinux label, subject to the policy\u2019s transition rules.'],
  mbind: ['Pin or migrate its memory across NUMA nodes, affecting memory locality for neighbours on the host.'],
  migrate_pages: ['Move other processes\u2019 memory to remote NUMA nodes, slowing them down.'],
  mount: ['Mount cgroupfs, procfs or host block devices, e.g. to abuse a cgroup v1 release_agent and run commands on the host.'],
  mount_setattr: ['Clear read-only or nosuid on mounts it can reach, or change their propagation to or from the host.'],
  move_mount: ['Attach a detached mount anywhere, or move mounts that Docker uses to hide host paths.'],
  move_pages: ['Learn or change where another process\u2019s memory sits, degrading its performance.'],
  mpx: [NONE],
  multiplexer: [NONE],
  name_to_handle_at: ['Obtain handles (inode number and generation) for files it can already reach; useful only with open_by_handle_at.', 'Docs list it as blocked and tie it to a capability; today\u2019s default allows it for everyone, and the kernel needs no capability for it.'],
  nfsservctl: ['Nothing on current kernels; on old ones, reconfigure the host\u2019s NFS server.'],
  nice: ['Nothing beyond setpriority, which is already allowed.'],
  oldfstat: ['Nothing beyond fstat.'],
  oldlstat: ['Nothing beyond lstat.'],
  oldolduname: ['Nothing beyond uname.'],
  oldstat: ['Nothing beyond stat.'],
  olduname: ['Nothing beyond uname.'],
  open_by_handle_at: ['Guess handles for host inodes to open files outside the container\u2019s mounts, such as the host\u2019s /etc/shadow.'],
  open_tree: ['Copy a mount tree, including paths under Docker\u2019s masking mounts, and attach the copy elsewhere.'],
  open_tree_attr: ['As open_tree plus mount_setattr: copy mount trees and change their attributes.'],
  pciconfig_iobase: ['Learn host PCI bus addresses.'],
  pciconfig_read: ['Read configuration space of the host\u2019s PCI devices.'],
  pciconfig_write: ['Reprogram the host\u2019s PCI devices, e.g. their memory windows, to corrupt or take over the host.'],
  perf_event_open: ['Profile host processes or the kernel, leak kernel addresses and data, or exploit perf subsystem bugs.', 'Docs list it as blocked with no capability exception; today CAP_SYS_ADMIN or CAP_PERFMON lets it through.'],
  personality: ['Reach rarely exercised execution-domain code, or switch off ASLR or make data executable for its own programs.', 'Docs list personality as blocked outright; today\u2019s default allows the common values.'],
  pidfd_getfd: ['Take over sockets or open files held by another process it can trace.'],
  pivot_root: ['With mount rights, swap its root for another mount, undoing the filesystem confinement runc set up.'],
  process_madvise: ['Force another process\u2019s memory out to swap or reclaim, degrading its performance.'],
  process_vm_readv: ['Read secrets from other processes it could ptrace inside the container.', 'Docs list it as blocked, tied to CAP_SYS_PTRACE; today it is allowed on kernel 4.8+ for everyone and with CAP_SYS_PTRACE on any kernel.'],
  process_vm_writev: ['Write data or code into other processes it could ptrace inside the container.', 'Docs list it as blocked, tied to CAP_SYS_PTRACE; today it is allowed on kernel 4.8+ for everyone and with CAP_SYS_PTRACE on any kernel.'],
  prof: [NONE],
  profil: [NONE],
  ptrace: ['Inspect or hijack processes it may trace; on kernels before 4.8, also bypass the seccomp filter itself.', 'Docs list ptrace as blocked; today it is allowed on kernel 4.8 and later, and on any kernel with CAP_SYS_PTRACE.'],
  putpmsg: [NONE],
  query_module: [GONE],
  quotactl: ['Turn quotas off or raise its own limits on a shared filesystem, then fill it.'],
  quotactl_fd: ['Turn quotas off or raise its own limits on a shared filesystem, then fill it.'],
  readdir: ['Nothing beyond getdents.'],
  reboot: ['Reboot or power off the host when sharing its PID namespace; otherwise kill its own container.'],
  request_key: ['Make the host run its request-key helper with chosen key type and callout data, or reach keys shared with the host.'],
  riscv_flush_icache: ['Nothing notable: it syncs the instruction cache for the caller\u2019s own code.'],
  rseq_slice_yield: ['Little: it only affects the caller\u2019s own scheduling.'],
  rtas: ['Invoke host platform firmware, e.g. to change hardware state.'],
  s390_guarded_storage: ['Nothing notable: it controls a per-thread CPU facility.'],
  s390_pci_mmio_read: ['Read MMIO space of PCI functions whose memory it has mapped.'],
  s390_pci_mmio_write: ['Write MMIO space of PCI functions whose memory it has mapped.'],
  s390_runtime_instr: ['Nothing notable: it toggles CPU runtime instrumentation for its own thread.'],
  s390_sthyi: ['Learn details of the host machine and its hypervisor.'],
  security: [NONE],
  set_mempolicy: ['Pin its memory to chosen NUMA nodes, affecting memory locality for neighbours on the host.'],
  set_mempolicy_home_node: ['Pin its memory to chosen NUMA nodes, affecting memory locality for neighbours on the host.'],
  set_tls: ['Nothing notable: it sets the caller\u2019s own TLS pointer.'],
  setdomainname: ['Rename the host\u2019s domain if the container shares the host UTS namespace; otherwise only its own.'],
  sethostname: ['Rename the host if the container shares the host UTS namespace; otherwise only itself.'],
  setns: ['Join the host\u2019s namespaces through a leaked namespace fd or a host process\u2019s /proc/<pid>/ns, escaping the container.', 'Docs list setns as blocked; today it is allowed when the container has CAP_SYS_ADMIN.'],
  settimeofday: [TIME_THREAT],
  sgetmask: ['Nothing beyond rt_sigprocmask.'],
  sigaction: ['Nothing beyond rt_sigaction.'],
  signal: ['Nothing beyond rt_sigaction.'],
  sigpending: ['Nothing beyond rt_sigpending.'],
  sigsuspend: ['Nothing beyond rt_sigsuspend.'],
  socket: ['Exploit crypto-API bugs for root via the page cache, or talk to host and hypervisor services over vsock.', 'Docs say only AF_UNIX, AF_INET, AF_INET6, AF_NETLINK and AF_PACKET are permitted; today every family except AF_ALG and AF_VSOCK is.'],
  socketcall: ['From 32-bit code, create sockets of families the socket rule refuses, where no LSM policy stops it.', 'Docs describe socketcall as limited to the same five families as socket; the filter cannot check its arguments, and today\u2019s default allows it outright.'],
  spu_create: ['Reach little-used Cell SPU kernel code.'],
  spu_run: ['Reach little-used Cell SPU kernel code.'],
  ssetmask: ['Nothing beyond rt_sigprocmask.'],
  stime: [TIME_THREAT],
  stty: [NONE],
  subpage_prot: ['Reach little-used PowerPC memory-management code.'],
  swapcontext: ['Nothing notable: it switches the caller\u2019s own user context.'],
  swapoff: ['Disable host swap to push the host toward out-of-memory kills.'],
  swapon: ['Make a file it controls host swap, so other processes\u2019 memory lands where it can read it, or exhaust host storage.'],
  switch_endian: ['Reach little-used PowerPC code paths.'],
  sync_file_range2: ['Nothing beyond sync_file_range: start writeback of its own file data.'],
  sys_debug_setcontext: ['Reach little-used PowerPC debug code.'],
  syscall: ['Invoke another syscall indirectly, hoping the filter judges only the wrapper.'],
  sysfs: ['Learn which filesystem types the host kernel supports, as /proc/filesystems already shows.'],
  syslog: ['Read host kernel messages (addresses, other containers\u2019 events) or clear the log to hide traces.'],
  sysmips: ['Reach little-used MIPS kernel code.'],
  timerfd: [GONE],
  tuxcall: [NONE],
  ulimit: [NONE],
  umount: ['Remove Docker\u2019s masking mounts over /proc and /sys paths to expose host information.'],
  umount2: ['Remove Docker\u2019s masking mounts over /proc and /sys paths to expose host information.'],
  unshare: ['Create a user namespace to gain namespace-root capabilities and reach kernel code with a history of privilege-escalation bugs.'],
  uprobe: ['Nothing: outside the kernel\u2019s trampoline it fails.'],
  uselib: ['Reach old, little-maintained binary-loader code.'],
  userfaultfd: ['Pause the kernel mid-operation to turn race-condition bugs into reliable privilege escalation.'],
  usr26: ['Nothing on current CPUs.'],
  usr32: ['Nothing on current CPUs.'],
  ustat: ['Learn free space on host filesystems by device number.'],
  vhangup: ['Hang up the terminal it is attached to, disrupting sessions that share it.'],
  vm86: ['On 32-bit x86 hosts, reach old, rarely exercised vm86 kernel code.'],
  vm86old: ['On 32-bit x86 hosts, reach old, rarely exercised vm86 kernel code.'],
  vserver: [NONE],
};

function toThreat(name: string, [threat, docsNote]: Row): DockerThreat {
  const documented = DOCUMENTED.has(name);
  return docsNote === undefined ? { threat, documented } : { threat, documented, docsNote };
}

/** Threats by syscall name: the same names as DOCKER_REASONS. Null prototype: only real names resolve. */
export const DOCKER_THREATS: Readonly<Record<string, DockerThreat>> = Object.setPrototypeOf(
  Object.fromEntries(Object.entries(ROWS).map(([name, row]) => [name, toThreat(name, row)])),
  null,
);

/** The threat entry for `name`, or undefined when Docker's default has no reason for it. */
export function dockerThreat(name: string): DockerThreat | undefined {
  return Object.prototype.hasOwnProperty.call(DOCKER_THREATS, name)
    ? DOCKER_THREATS[name]
    : undefined;
}
