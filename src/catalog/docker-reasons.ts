/**
 * Why Docker's default seccomp profile does not let a syscall through unconditionally, for every
 * syscall name it refuses, filters or gates in the default context (amd64, Docker's default
 * capabilities, the newest kernel), plus every syscall in the table of "significant blocked
 * syscalls" in Docker's seccomp documentation. Hand-written; all wording is our own.
 *
 * Only what the table shows is here: the risk and the reason. What an attacker could do with the
 * syscall and what Docker's documentation says about it are read in the details panel only, so
 * they live in docker-threats.ts, outside the page's first JavaScript.
 *
 * Which capability or kernel version lets a syscall through is computed from the profile
 * elsewhere; reasons mention capabilities in prose only.
 */

export type Risk = 'critical' | 'high' | 'medium' | 'low';

export interface DockerReason {
  /** Why Docker's default doesn't allow it unconditionally, in our words (one or two sentences). */
  readonly reason: string;
  readonly risk: Risk;
}

/** [risk, reason] — see DockerReason. */
type Row = readonly [Risk, string];

// Shared wording.
const NEW = 'New syscall that Docker has not yet reviewed or added to its allowlist.';
const never = (what: string): string =>
  `${what}. Linux never implemented it (it returns ENOSYS) and nothing legitimate calls it, so Docker leaves it out.`;
const legacy = (what: string): string =>
  `${what}; C libraries have long used the newer call instead, and Docker never added it.`;
const onlyOn = (abis: string, hosts: string): string =>
  `Exists only on ${abis}. Docker allows it only on ${hosts} hosts, where it exists, so it is not in the filter on amd64.`;
const notListed = (abis: string, extra: string): string =>
  `Exists only on ${abis}, and Docker does not list it for any host. ${extra}`;
const NEW_MOUNT =
  'Part of the new mount API (fsopen, fsconfig, fsmount, move_mount), which can do all that mount can. Docker allows it only with CAP_SYS_ADMIN, as for mount.';
const IO_URING =
  'io_uring was dropped from Docker\u2019s allowlist: it has been a leading source of kernel privilege-escalation bugs, and operations submitted through the ring never pass the seccomp filter.';
const KEYRINGS =
  'Kernel keyrings are not partitioned per container: without a user namespace, container root shares UID 0\u2019s user keyring with the host. Docker refuses the keyring calls whatever the capabilities.';
const NUMA_CAP = 'Docker allows the NUMA policy calls only with CAP_SYS_NICE';
const SET_TIME =
  'CLOCK_REALTIME belongs to the host (time namespaces only offset the monotonic and boot-time clocks), so setting it changes every container\u2019s clock. Docker allows it only with CAP_SYS_TIME.';
const OLD_SIGNALS = 'Old signal call of 32-bit ABIs that works on a single-word signal mask';
const OLD_STAT = 'Stat call filling the oldest struct stat layout, from early 32-bit ABIs';

// prettier-ignore
const ROWS: Readonly<Record<string, Row>> = {
  _sysctl: ['medium', 'Binary sysctl interface, superseded by /proc/sys and deleted in Linux 5.5. Where it still exists it reaches the tunables it covers without going through the read-only /proc/sys mount Docker sets up.'],
  acct: ['medium', 'Switches BSD process accounting on or off for the caller\u2019s PID namespace. The kernel needs CAP_SYS_PACCT, and Docker allows it only with that capability, since accounting is an audit trail the host may rely on.'],
  add_key: ['high', KEYRINGS],
  adjtimex: ['low', 'Allowed today: with no mode bits it only reads clock state (NTP sync status, offset, frequency), and any change to the clock needs CAP_SYS_TIME, which containers lack by default.'],
  afs_syscall: ['low', never('Slot reserved for the Andrew File System')],
  arm_fadvise64_64: ['low', onlyOn('32-bit ARM', 'arm and arm64')],
  arm_sync_file_range: ['low', onlyOn('32-bit ARM', 'arm and arm64')],
  atomic_barrier: ['low', notListed('m68k', 'Docker does not support m68k hosts.')],
  atomic_cmpxchg_32: ['low', notListed('m68k', 'Docker does not support m68k hosts.')],
  bdflush: ['low', 'Tuned the old buffer-flush daemon; it has done nothing useful since Linux 2.6 and is absent on x86-64. Docker never added it.'],
  bpf: ['critical', 'Loads eBPF programs and maps into the shared kernel, where pinned or attached ones can outlive the container. Docker allows it only with CAP_SYS_ADMIN or CAP_BPF; many hosts also disable unprivileged BPF by sysctl.'],
  break: ['low', never('Historic UNIX syscall slot')],
  breakpoint: ['low', onlyOn('32-bit ARM (as a private ARM call)', 'arm and arm64')],
  cachectl: ['low', notListed('MIPS', 'Linux never gave it a working implementation.')],
  cacheflush: ['low', 'Docker allows it only on arm and arm64 hosts, where JITs need it to keep the instruction cache coherent. Other ABIs that have it (MIPS, m68k, PA-RISC, SH) are not covered, and x86 has no such call.'],
  clock_adjtime: ['low', 'Allowed today: reading a clock\u2019s state is harmless, and adjusting the system clocks needs CAP_SYS_TIME, which containers lack by default.'],
  clock_settime: ['medium', SET_TIME],
  clock_settime64: ['medium', `clock_settime with 64-bit time_t for 32-bit ABIs. ${SET_TIME}`],
  clone: ['high', 'Filtered on its flags: asking for a new mount, UTS, IPC, user, PID, network or cgroup namespace is refused unless the container has CAP_SYS_ADMIN, while plain process and thread creation passes. On s390 the flags are the second argument.'],
  clone3: ['high', 'Its flags sit in a struct in user memory that seccomp cannot read, so without CAP_SYS_ADMIN Docker fails it with ENOSYS, not EPERM. glibc takes ENOSYS as \u201cnot supported\u201d and falls back to clone, whose namespace flags the filter does check.'],
  create_module: ['low', 'Part of the module loader removed in Linux 2.6, and it needed CAP_SYS_MODULE. Docker never allows it.'],
  delete_module: ['high', 'Unloads a module from the kernel every container shares. The kernel needs CAP_SYS_MODULE, and Docker allows it only with that capability.'],
  fanotify_init: ['medium', 'Creates an fanotify group; mount- and filesystem-wide marks and permission events need CAP_SYS_ADMIN, while newer kernels allow a limited unprivileged mode. Docker allows it only with CAP_SYS_ADMIN.'],
  file_getattr: ['low', `Reads inode attributes (fsxattr) by path. ${NEW} The FS_IOC_FSGETXATTR ioctl already gives the same data.`],
  file_setattr: ['low', `Changes inode attributes (fsxattr) by path. ${NEW} The kernel applies the same checks as the FS_IOC_FSSETXATTR ioctl.`],
  finit_module: ['critical', 'Loads a module from a file into the kernel every container shares. The kernel needs CAP_SYS_MODULE, and Docker allows it only with that capability.'],
  fsconfig: ['critical', NEW_MOUNT],
  fsmount: ['critical', NEW_MOUNT],
  fsopen: ['critical', NEW_MOUNT],
  fspick: ['high', NEW_MOUNT],
  ftime: ['low', never('Historic time-with-milliseconds slot')],
  get_kernel_syms: ['low', 'Part of the module loader removed in Linux 2.6; it exposed kernel symbol addresses. Docker never allows it.'],
  get_mempolicy: ['low', `Reads NUMA memory policy and needs no capability in the kernel. ${NUMA_CAP}, so numactl and libnuma get EPERM in default containers.`],
  get_tls: ['low', notListed('32-bit ARM (as a private ARM call)', 'Programs normally read the TLS register directly.')],
  getpagesize: ['low', notListed('m68k in libseccomp\u2019s table', 'C libraries take the page size from the auxiliary vector.')],
  getpmsg: ['low', never('STREAMS receive slot')],
  gtty: ['low', never('Historic terminal-settings slot')],
  idle: ['low', 'Boot-time call that turned process 0 into the idle task, removed in Linux 2.3. Docker never added it.'],
  init_module: ['critical', 'Loads a module image from memory into the kernel every container shares. The kernel needs CAP_SYS_MODULE, and Docker allows it only with that capability.'],
  io_uring_enter: ['high', IO_URING],
  io_uring_register: ['high', IO_URING],
  io_uring_setup: ['high', IO_URING],
  ioperm: ['critical', 'Grants direct access to x86 I/O ports, that is, to the host\u2019s hardware, which no namespace covers. The kernel needs CAP_SYS_RAWIO, and Docker allows it only with that capability.'],
  iopl: ['critical', 'Raises the I/O privilege level so every x86 port is reachable (emulated as full port access since Linux 5.5). The kernel needs CAP_SYS_RAWIO, and Docker allows it only with that capability.'],
  kcmp: ['low', 'Compares kernel objects (files, memory, fd tables) of two processes; the kernel requires ptrace read access to both. Docker allows it only with CAP_SYS_PTRACE; checkpoint tools such as CRIU use it.'],
  kexec_file_load: ['critical', 'File-descriptor variant of kexec_load that can enforce signature checks on the new kernel. Docker refuses it even with CAP_SYS_BOOT, which the kernel requires.'],
  kexec_load: ['critical', 'Stages a new kernel to boot in place of the running one, which is the host\u2019s. Docker refuses it even with CAP_SYS_BOOT, which the kernel requires.'],
  keyctl: ['high', KEYRINGS],
  listns: ['low', `Enumerates namespaces by ID, type and owner. ${NEW}`],
  lock: ['low', never('Historic file-locking slot')],
  lookup_dcookie: ['low', 'oprofile helper that turned a directory-entry cookie into a path; the kernel needed CAP_SYS_ADMIN and dropped it in Linux 6.4. Docker allows it only with CAP_SYS_ADMIN.'],
  lsm_get_self_attr: ['low', 'Reads the caller\u2019s LSM attributes, such as its AppArmor or SELinux label. Docker allows the LSM syscalls only with CAP_SYS_ADMIN, although /proc/self/attr exposes much the same for reading.'],
  lsm_list_modules: ['low', 'Lists the active Linux security modules. Docker allows the LSM syscalls only with CAP_SYS_ADMIN.'],
  lsm_set_self_attr: ['medium', 'Sets the caller\u2019s LSM attributes, like writes to /proc/self/attr; the LSM policy decides whether a change is allowed. Docker allows the LSM syscalls only with CAP_SYS_ADMIN.'],
  mbind: ['low', `Sets NUMA policy for a range of the caller\u2019s memory; in the kernel only MPOL_MF_MOVE_ALL needs CAP_SYS_NICE. ${NUMA_CAP}.`],
  migrate_pages: ['low', 'Moves all pages of a process from one set of NUMA nodes to another; acting on other users\u2019 processes needs CAP_SYS_NICE. Docker never allows it, not even with CAP_SYS_NICE.'],
  mount: ['critical', 'Mounts build a container\u2019s view of the filesystem. Without a user namespace the kernel checks CAP_SYS_ADMIN against the host, and Docker allows mount only with CAP_SYS_ADMIN.'],
  mount_setattr: ['high', 'Changes attributes of a mount tree (read-only, nosuid, ID mapping, propagation); the kernel needs CAP_SYS_ADMIN over the mount namespace. Docker allows it only with CAP_SYS_ADMIN.'],
  move_mount: ['critical', NEW_MOUNT],
  move_pages: ['low', 'Moves single pages to other NUMA nodes or reports where they are; acting on another process needs ptrace-level access. Docker never allows it, not even with CAP_SYS_NICE.'],
  mpx: ['low', never('Historic slot, unrelated to Intel MPX')],
  multiplexer: ['low', never('PowerPC slot reserved for a syscall multiplexer')],
  name_to_handle_at: ['low', 'Allowed today: producing a file handle needs no privilege and reveals little. The dangerous half is open_by_handle_at, which turns handles into open files and is allowed only with CAP_DAC_READ_SEARCH.'],
  nfsservctl: ['low', 'Controlled the in-kernel NFS server; removed in Linux 3.1. Docker never allows it.'],
  nice: ['low', 'Legacy call of older 32-bit ABIs (absent on x86-64). glibc implements nice() with getpriority and setpriority, which Docker allows, so the old call was never added.'],
  oldfstat: ['low', legacy(OLD_STAT)],
  oldlstat: ['low', legacy(OLD_STAT)],
  oldolduname: ['low', legacy('uname filling the oldest utsname layout, from early 32-bit ABIs')],
  oldstat: ['low', legacy(OLD_STAT)],
  olduname: ['low', legacy('uname filling an old utsname layout, from early 32-bit ABIs')],
  open_by_handle_at: ['critical', 'Opens a file from a handle with no path lookup, so mount boundaries don\u2019t apply; the 2014 \u201cshocker\u201d escape guessed handles to read host files. Docker allows it only with CAP_DAC_READ_SEARCH.'],
  open_tree: ['high', 'Returns an fd for a mount or, with OPEN_TREE_CLONE, a detached copy of a mount tree, which the kernel allows only with CAP_SYS_ADMIN. Docker allows the call only with CAP_SYS_ADMIN.'],
  open_tree_attr: ['high', `open_tree that also applies mount attributes to the copy. ${NEW} Unlike open_tree it is not allowed even with CAP_SYS_ADMIN.`],
  pciconfig_iobase: ['low', notListed('ARM and PowerPC', 'It reports PCI bus I/O base addresses; x86 has no such call.')],
  pciconfig_read: ['medium', notListed('ARM and PowerPC', 'It reads PCI configuration space and needs CAP_SYS_ADMIN; x86 has no such call.')],
  pciconfig_write: ['high', notListed('ARM and PowerPC', 'It writes PCI configuration space and needs CAP_SYS_ADMIN; x86 has no such call.')],
  perf_event_open: ['high', 'Opens performance counters and tracepoints that can observe the whole host. Docker allows it only with CAP_SYS_ADMIN or CAP_PERFMON; the host\u2019s perf_event_paranoid sysctl also limits unprivileged use.'],
  personality: ['low', 'Filtered on its argument: only plain Linux, PER_LINUX32, UNAME26 and their combination are allowed, plus 0xffffffff to query. Foreign execution domains and flags such as ADDR_NO_RANDOMIZE or READ_IMPLIES_EXEC are refused.'],
  pidfd_getfd: ['medium', 'Copies a file descriptor out of another process; the kernel requires ptrace attach rights over it. Docker allows it only with CAP_SYS_PTRACE.'],
  pivot_root: ['medium', 'Replaces the root mount of the mount namespace. runc calls it while setting up, before the filter applies, and nothing inside a container should need it again, so Docker refuses it even with CAP_SYS_ADMIN.'],
  process_madvise: ['low', 'Gives memory advice for another process\u2019s ranges; the kernel requires ptrace read access and, for most advice, CAP_SYS_NICE. Docker allows it only with CAP_SYS_PTRACE.'],
  process_vm_readv: ['high', 'Copies memory out of another process under the same permission check as ptrace attach. Like ptrace, Docker allows it on kernel 4.8 and later for everyone, and on older kernels only with CAP_SYS_PTRACE.'],
  process_vm_writev: ['high', 'Copies memory into another process under the same permission check as ptrace attach. Like ptrace, Docker allows it on kernel 4.8 and later for everyone, and on older kernels only with CAP_SYS_PTRACE.'],
  prof: ['low', never('Historic profiling slot')],
  profil: ['low', never('Historic execution-profiling slot')],
  ptrace: ['high', 'Before Linux 4.8 a tracer could change a syscall after seccomp had checked it, defeating the filter, so Docker refuses ptrace on older kernels unless CAP_SYS_PTRACE is given. From 4.8 seccomp rechecks and ptrace is allowed.'],
  putpmsg: ['low', never('STREAMS send slot')],
  query_module: ['low', 'Part of the module loader removed in Linux 2.6; it reported loaded modules and their symbols. Docker never allows it.'],
  quotactl: ['medium', 'Manages disk quotas of a whole filesystem, often one shared with the host or other containers; changes need CAP_SYS_ADMIN. Docker allows it only with CAP_SYS_ADMIN.'],
  quotactl_fd: ['medium', 'quotactl for the filesystem holding an open file; quotas cover a whole, often shared, filesystem and changes need CAP_SYS_ADMIN. Docker allows it only with CAP_SYS_ADMIN.'],
  readdir: ['low', legacy('Reads one directory entry per call, from early 32-bit ABIs')],
  reboot: ['high', 'In a child PID namespace the kernel turns a restart or power-off into ending that namespace\u2019s init, but in the host PID namespace it acts on the machine. Docker allows it only with CAP_SYS_BOOT, which the kernel requires.'],
  request_key: ['high', `${KEYRINGS} A missing key can also make the kernel run the host\u2019s request-key helper.`],
  riscv_flush_icache: ['low', onlyOn('RISC-V', 'riscv64')],
  rseq_slice_yield: ['low', `Hands back a scheduler time-slice extension granted through rseq. ${NEW}`],
  rtas: ['medium', notListed('PowerPC', 'It calls RTAS platform firmware; the kernel needs CAP_SYS_ADMIN and filters which services may be called.')],
  s390_guarded_storage: ['low', notListed('s390', 'Docker\u2019s s390 rule covers only PCI MMIO access and runtime instrumentation.')],
  s390_pci_mmio_read: ['low', onlyOn('s390', 's390 and s390x')],
  s390_pci_mmio_write: ['low', onlyOn('s390', 's390 and s390x')],
  s390_runtime_instr: ['low', onlyOn('s390', 's390 and s390x')],
  s390_sthyi: ['low', notListed('s390', 'It reports hypervisor and machine capacity data.')],
  security: ['low', never('x86-64 slot reserved for security modules')],
  set_mempolicy: ['low', `Sets the thread\u2019s default NUMA policy and needs no capability in the kernel. ${NUMA_CAP}.`],
  set_mempolicy_home_node: ['low', `Sets the preferred NUMA node for a range of the caller\u2019s memory. ${NUMA_CAP}.`],
  set_tls: ['low', onlyOn('32-bit ARM (as a private ARM call)', 'arm and arm64')],
  setdomainname: ['low', 'Sets the NIS domain name of the UTS namespace; the kernel needs CAP_SYS_ADMIN. Docker allows it only with that capability, since the container\u2019s names are set when it is created.'],
  sethostname: ['low', 'Sets the hostname of the UTS namespace; the kernel needs CAP_SYS_ADMIN. Docker allows it only with that capability, since the container\u2019s names are set when it is created.'],
  setns: ['high', 'Moves the caller into an existing namespace named by a namespace fd or pidfd; the kernel needs CAP_SYS_ADMIN over the target. Docker allows setns only with CAP_SYS_ADMIN.'],
  settimeofday: ['medium', SET_TIME],
  sgetmask: ['low', legacy(OLD_SIGNALS)],
  sigaction: ['low', legacy(OLD_SIGNALS)],
  signal: ['low', legacy('Old call of 32-bit ABIs that installs a one-shot System V signal handler')],
  sigpending: ['low', legacy(OLD_SIGNALS)],
  sigsuspend: ['low', legacy(OLD_SIGNALS)],
  socket: ['high', 'Filtered on the address family: every family is allowed except AF_ALG (38) and AF_VSOCK (40). VSOCK reaches the hypervisor or host from any container; AF_ALG, the kernel crypto API, was blocked after CVE-2026-31431 (\u201cCopy Fail\u201d).'],
  socketcall: ['medium', 'Allowed today: on the 32-bit ABIs that have it, the socket family sits behind a pointer seccomp cannot read. A short-lived deny broke 32-bit programs and was reverted; Docker blocks AF_ALG there through AppArmor or SELinux instead.'],
  spu_create: ['low', notListed('PowerPC (Cell processors)', 'It creates a Synergistic Processor Unit context.')],
  spu_run: ['low', notListed('PowerPC (Cell processors)', 'It runs a Synergistic Processor Unit context.')],
  ssetmask: ['low', legacy(OLD_SIGNALS)],
  stime: ['medium', `Sets the time in whole seconds on older 32-bit ABIs. ${SET_TIME}`],
  stty: ['low', never('Historic terminal-settings slot')],
  subpage_prot: ['low', notListed('PowerPC', 'It sets protection on 4 KiB pieces of 64 KiB pages.')],
  swapcontext: ['low', onlyOn('PowerPC', 'ppc64le')],
  swapoff: ['medium', 'Stops swapping to a device or file, which affects memory pressure on the whole host. Docker refuses it even with CAP_SYS_ADMIN, which the kernel requires.'],
  swapon: ['high', 'Adds swap space to the host\u2019s single, shared pool. Docker refuses it even with CAP_SYS_ADMIN, which the kernel requires.'],
  switch_endian: ['low', notListed('64-bit PowerPC', 'It flips the thread\u2019s byte order.')],
  sync_file_range2: ['low', onlyOn('PowerPC, ARM and SH (flags before the 64-bit arguments)', 'ppc64le, arm and arm64')],
  sys_debug_setcontext: ['low', notListed('32-bit PowerPC', 'It switches user context with debug tracing settings.')],
  syscall: ['low', notListed('MIPS o32', 'It runs another syscall by number, and a filter would have to see through the wrapper.')],
  sysfs: ['low', 'Obsolete query of the filesystem types the kernel knows, superseded by /proc/filesystems. Docker never allows it.'],
  syslog: ['medium', 'Reads or clears the kernel log, which holds messages from the host and every container, or sets the console log level. Docker allows it only with CAP_SYS_ADMIN or CAP_SYSLOG.'],
  sysmips: ['low', notListed('MIPS', 'It bundles machine-specific operations, some needing CAP_SYS_ADMIN.')],
  timerfd: ['low', 'Slot of the short-lived first timerfd interface, replaced by timerfd_create in Linux 2.6.25. Docker never lists it.'],
  tuxcall: ['low', never('Slot reserved for the out-of-tree TUX web server')],
  ulimit: ['low', never('Historic ulimit slot')],
  umount: ['high', 'Unmount without flags, on older ABIs. Docker allows it only with CAP_SYS_ADMIN, since unmounting can expose what Docker hid.'],
  umount2: ['high', 'Unmounting can remove the bind mounts Docker places over sensitive /proc and /sys paths. The kernel needs CAP_SYS_ADMIN, and Docker allows it only with that capability.'],
  unshare: ['high', 'Creates new namespaces, and a user namespace opens kernel code (netfilter, some filesystems) with many past privilege-escalation bugs. Docker refuses every unshare without CAP_SYS_ADMIN, even flag-only uses such as CLONE_FILES.'],
  uprobe: ['low', 'Used only by the kernel\u2019s uprobe trampoline on x86-64. Docker has not listed it, but current kernels exempt it from seccomp, and called from anywhere else it just fails.'],
  uselib: ['low', 'Loads an a.out shared library; only kernels built with CONFIG_USELIB have it, and nothing has used it for decades. Docker never allows it.'],
  userfaultfd: ['high', 'Lets a process hold a kernel access to its memory at a moment it chooses, a standard way to win kernel race conditions in exploits. Docker never allows it; kernels also restrict it through vm.unprivileged_userfaultfd.'],
  usr26: ['low', notListed('32-bit ARM (as a private ARM call)', 'It switched old CPUs to 26-bit mode.')],
  usr32: ['low', notListed('32-bit ARM (as a private ARM call)', 'It switched old CPUs back from 26-bit mode.')],
  ustat: ['low', 'Obsolete free-space query by device number, superseded by statfs. Docker never allows it.'],
  vhangup: ['low', 'Hangs up the current terminal; the kernel needs CAP_SYS_TTY_CONFIG. Docker allows it only with that capability.'],
  vm86: ['low', 'Enters virtual-8086 mode; only 32-bit x86 kernels implement it, and 64-bit kernels return ENOSYS even to 32-bit programs. Docker never allows it.'],
  vm86old: ['low', 'Original form of vm86; only 32-bit x86 kernels implement it, and 64-bit kernels return ENOSYS even to 32-bit programs. Docker never allows it.'],
  vserver: ['low', never('Slot reserved for the out-of-tree Linux-VServer project')],
};

/** Reasons by syscall name. Null prototype: only real names resolve. */
export const DOCKER_REASONS: Readonly<Record<string, DockerReason>> = Object.setPrototypeOf(
  Object.fromEntries(
    Object.entries(ROWS).map(([name, [risk, reason]]) => [name, { reason, risk }]),
  ),
  null,
);

/**
 * Why Docker's default doesn't allow `name` unconditionally (or, for a syscall in Docker's docs
 * table, why the docs list it). Undefined when there is no entry: Docker allows the syscall
 * unconditionally, or the name is unknown.
 */
export function dockerReason(name: string): DockerReason | undefined {
  return Object.prototype.hasOwnProperty.call(DOCKER_REASONS, name)
    ? DOCKER_REASONS[name]
    : undefined;
}
