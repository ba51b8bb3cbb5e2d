/**
 * Why Docker's default seccomp profile does not let a syscall through unconditionally, for every
 * syscall name it refuses, filters or gates in the default context (amd64, Docker's default
 * capabilities, the newest kernel), plus every syscall in the table of "significant blocked
 * syscalls" in Docker's seccomp documentation. Hand-written; all wording is our own.
 *
 * Which capability or kernel version lets a syscall through is computed from the profile
 * elsewhere; reasons mention capabilities in prose only.
 */

export type Risk = 'critical' | 'high' | 'medium' | 'low';

export interface DockerReason {
  /** Why Docker's default doesn't allow it unconditionally, in our words (one or two sentences). */
  readonly reason: string;
  readonly risk: Risk;
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

/** [risk, reason, threat, docsNote?] — see DockerReason. */
type Row = readonly [Risk, string, string, string?];

// Shared wording.
const NONE = 'Nothing: the kernel has no implementation behind it.';
const GONE = 'Nothing on current kernels, which return ENOSYS.';
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
const IO_URING_THREAT =
  'Exploit io_uring bugs for kernel privilege escalation, or do file and network I/O the filter never inspects.';
const KEYRINGS =
  'Kernel keyrings are not partitioned per container: without a user namespace, container root shares UID 0\u2019s user keyring with the host. Docker refuses the keyring calls whatever the capabilities.';
const NUMA_CAP = 'Docker allows the NUMA policy calls only with CAP_SYS_NICE';
const SET_TIME =
  'CLOCK_REALTIME belongs to the host (time namespaces only offset the monotonic and boot-time clocks), so setting it changes every container\u2019s clock. Docker allows it only with CAP_SYS_TIME.';
const TIME_THREAT =
  'Move the host\u2019s wall clock, breaking certificate checks, token expiry, logs and scheduled jobs host-wide.';
const OLD_SIGNALS = 'Old signal call of 32-bit ABIs that works on a single-word signal mask';
const OLD_STAT = 'Stat call filling the oldest struct stat layout, from early 32-bit ABIs';

// prettier-ignore
const ROWS: Readonly<Record<string, Row>> = {
  _sysctl: ['medium', 'Binary sysctl interface, superseded by /proc/sys and deleted in Linux 5.5. Where it still exists it reaches the tunables it covers without going through the read-only /proc/sys mount Docker sets up.', 'On old kernels built with it, change host-wide kernel tunables despite the read-only /proc/sys mount.'],
  acct: ['medium', 'Switches BSD process accounting on or off for the caller\u2019s PID namespace. The kernel needs CAP_SYS_PACCT, and Docker allows it only with that capability, since accounting is an audit trail the host may rely on.', 'Turn off or redirect process accounting (the host\u2019s, if it shares the host PID namespace), or fill a disk with records.'],
  add_key: ['high', KEYRINGS, 'Plant or replace keys in keyrings the host also uses, or reach keyring code that has had privilege-escalation bugs.'],
  adjtimex: ['low', 'Allowed today: with no mode bits it only reads clock state (NTP sync status, offset, frequency), and any change to the clock needs CAP_SYS_TIME, which containers lack by default.', 'With CAP_SYS_TIME, skew or step the host clock that all containers share; without it, only read clock status.', 'Docs list it as blocked; today\u2019s default allows it for everyone and leaves changes to the kernel\u2019s CAP_SYS_TIME check.'],
  afs_syscall: ['low', never('Slot reserved for the Andrew File System'), NONE],
  arm_fadvise64_64: ['low', onlyOn('32-bit ARM', 'arm and arm64'), 'Nothing beyond fadvise64: hints about how it will access a file.'],
  arm_sync_file_range: ['low', onlyOn('32-bit ARM', 'arm and arm64'), 'Nothing beyond sync_file_range: start writeback of its own file data.'],
  atomic_barrier: ['low', notListed('m68k', 'Docker does not support m68k hosts.'), 'Nothing notable: it only helps implement atomics on old CPUs.'],
  atomic_cmpxchg_32: ['low', notListed('m68k', 'Docker does not support m68k hosts.'), 'Nothing notable: it only helps implement atomics on old CPUs.'],
  bdflush: ['low', 'Tuned the old buffer-flush daemon; it has done nothing useful since Linux 2.6 and is absent on x86-64. Docker never added it.', 'Nothing on current kernels.'],
  bpf: ['critical', 'Loads eBPF programs and maps into the shared kernel, where pinned or attached ones can outlive the container. Docker allows it only with CAP_SYS_ADMIN or CAP_BPF; many hosts also disable unprivileged BPF by sysctl.', 'Trace host processes, read kernel memory, or exploit verifier bugs to run code in the host kernel.', 'Docs name only CAP_SYS_ADMIN; today CAP_BPF alone also lets it through.'],
  break: ['low', never('Historic UNIX syscall slot'), NONE],
  breakpoint: ['low', onlyOn('32-bit ARM (as a private ARM call)', 'arm and arm64'), 'Nothing notable: it raises SIGTRAP in the caller.'],
  cachectl: ['low', notListed('MIPS', 'Linux never gave it a working implementation.'), NONE],
  cacheflush: ['low', 'Docker allows it only on arm and arm64 hosts, where JITs need it to keep the instruction cache coherent. Other ABIs that have it (MIPS, m68k, PA-RISC, SH) are not covered, and x86 has no such call.', 'Nothing notable: it flushes caches for the caller\u2019s own memory.'],
  clock_adjtime: ['low', 'Allowed today: reading a clock\u2019s state is harmless, and adjusting the system clocks needs CAP_SYS_TIME, which containers lack by default.', 'With CAP_SYS_TIME, slew or step the host clock that all containers share.', 'Docs list it as blocked; today\u2019s default allows it and leaves changes to the kernel\u2019s CAP_SYS_TIME check.'],
  clock_settime: ['medium', SET_TIME, TIME_THREAT],
  clock_settime64: ['medium', `clock_settime with 64-bit time_t for 32-bit ABIs. ${SET_TIME}`, TIME_THREAT],
  clone: ['high', 'Filtered on its flags: asking for a new mount, UTS, IPC, user, PID, network or cgroup namespace is refused unless the container has CAP_SYS_ADMIN, while plain process and thread creation passes. On s390 the flags are the second argument.', 'Create a user namespace to gain namespace-root capabilities and reach kernel code with a history of privilege-escalation bugs.'],
  clone3: ['high', 'Its flags sit in a struct in user memory that seccomp cannot read, so without CAP_SYS_ADMIN Docker fails it with ENOSYS, not EPERM. glibc takes ENOSYS as \u201cnot supported\u201d and falls back to clone, whose namespace flags the filter does check.', 'Request namespace flags (such as a new user namespace) that the clone filter refuses, if clone3 were let through.'],
  create_module: ['low', 'Part of the module loader removed in Linux 2.6, and it needed CAP_SYS_MODULE. Docker never allows it.', GONE],
  delete_module: ['high', 'Unloads a module from the kernel every container shares. The kernel needs CAP_SYS_MODULE, and Docker allows it only with that capability.', 'Unload host modules (filesystems, netfilter, drivers) to break services or weaken the host\u2019s firewall.'],
  fanotify_init: ['medium', 'Creates an fanotify group; mount- and filesystem-wide marks and permission events need CAP_SYS_ADMIN, while newer kernels allow a limited unprivileged mode. Docker allows it only with CAP_SYS_ADMIN.', 'Watch file access across whole mounts shared with the host, or stall other processes\u2019 opens with permission events.'],
  file_getattr: ['low', `Reads inode attributes (fsxattr) by path. ${NEW} The FS_IOC_FSGETXATTR ioctl already gives the same data.`, 'Little: read inode flags and project IDs of files it can reach.'],
  file_setattr: ['low', `Changes inode attributes (fsxattr) by path. ${NEW} The kernel applies the same checks as the FS_IOC_FSSETXATTR ioctl.`, 'Little: change inode flags it could already change by ioctl; immutable and append-only still need CAP_LINUX_IMMUTABLE.'],
  finit_module: ['critical', 'Loads a module from a file into the kernel every container shares. The kernel needs CAP_SYS_MODULE, and Docker allows it only with that capability.', 'Load a malicious module and run arbitrary code in the host kernel, unless module signing is enforced.'],
  fsconfig: ['critical', NEW_MOUNT, 'Exploit parameter-parsing bugs such as CVE-2022-0185, or create a superblock to mount, with the same escape routes as mount.'],
  fsmount: ['critical', NEW_MOUNT, 'Turn a configured filesystem into a mount, with the same escape routes as mount.'],
  fsopen: ['critical', NEW_MOUNT, 'Start a fresh filesystem instance (cgroup, proc, a host block device) to mount, with the same escape routes as mount.'],
  fspick: ['high', NEW_MOUNT, 'Reconfigure an existing superblock, for example to make a read-only filesystem writable.'],
  ftime: ['low', never('Historic time-with-milliseconds slot'), NONE],
  get_kernel_syms: ['low', 'Part of the module loader removed in Linux 2.6; it exposed kernel symbol addresses. Docker never allows it.', GONE],
  get_mempolicy: ['low', `Reads NUMA memory policy and needs no capability in the kernel. ${NUMA_CAP}, so numactl and libnuma get EPERM in default containers.`, 'Learn the host\u2019s NUMA layout; little else.'],
  get_tls: ['low', notListed('32-bit ARM (as a private ARM call)', 'Programs normally read the TLS register directly.'), 'Nothing notable: it returns the caller\u2019s own TLS pointer.'],
  getpagesize: ['low', notListed('m68k in libseccomp\u2019s table', 'C libraries take the page size from the auxiliary vector.'), 'Nothing notable: it returns the page size.'],
  getpmsg: ['low', never('STREAMS receive slot'), NONE],
  gtty: ['low', never('Historic terminal-settings slot'), NONE],
  idle: ['low', 'Boot-time call that turned process 0 into the idle task, removed in Linux 2.3. Docker never added it.', GONE],
  init_module: ['critical', 'Loads a module image from memory into the kernel every container shares. The kernel needs CAP_SYS_MODULE, and Docker allows it only with that capability.', 'Load a malicious module and run arbitrary code in the host kernel, unless module signing is enforced.'],
  io_uring_enter: ['high', IO_URING, IO_URING_THREAT],
  io_uring_register: ['high', IO_URING, IO_URING_THREAT],
  io_uring_setup: ['high', IO_URING, IO_URING_THREAT],
  ioperm: ['critical', 'Grants direct access to x86 I/O ports, that is, to the host\u2019s hardware, which no namespace covers. The kernel needs CAP_SYS_RAWIO, and Docker allows it only with that capability.', 'Drive host hardware directly (PCI configuration, CMOS, legacy devices) to corrupt or take over the host.'],
  iopl: ['critical', 'Raises the I/O privilege level so every x86 port is reachable (emulated as full port access since Linux 5.5). The kernel needs CAP_SYS_RAWIO, and Docker allows it only with that capability.', 'Drive host hardware directly (PCI configuration, CMOS, legacy devices) to corrupt or take over the host.'],
  kcmp: ['low', 'Compares kernel objects (files, memory, fd tables) of two processes; the kernel requires ptrace read access to both. Docker allows it only with CAP_SYS_PTRACE; checkpoint tools such as CRIU use it.', 'Learn which processes share files or memory: a minor information leak about processes in view.'],
  kexec_file_load: ['critical', 'File-descriptor variant of kexec_load that can enforce signature checks on the new kernel. Docker refuses it even with CAP_SYS_BOOT, which the kernel requires.', 'Stage a replacement for the host kernel, to run at the next reboot or at once via reboot.'],
  kexec_load: ['critical', 'Stages a new kernel to boot in place of the running one, which is the host\u2019s. Docker refuses it even with CAP_SYS_BOOT, which the kernel requires.', 'Stage a kernel of its choosing for the host, to run at the next reboot or at once via reboot.'],
  keyctl: ['high', KEYRINGS, 'Read or tamper with host root\u2019s keys (Kerberos tickets, disk-encryption keys) or exploit keyring bugs such as CVE-2016-0728.'],
  listns: ['low', `Enumerates namespaces by ID, type and owner. ${NEW}`, 'Learn which namespaces (other containers) exist, as far as the kernel\u2019s own permission checks allow.'],
  lock: ['low', never('Historic file-locking slot'), NONE],
  lookup_dcookie: ['low', 'oprofile helper that turned a directory-entry cookie into a path; the kernel needed CAP_SYS_ADMIN and dropped it in Linux 6.4. Docker allows it only with CAP_SYS_ADMIN.', 'On old kernels with profiling, resolve the paths of files in use elsewhere on the host.'],
  lsm_get_self_attr: ['low', 'Reads the caller\u2019s LSM attributes, such as its AppArmor or SELinux label. Docker allows the LSM syscalls only with CAP_SYS_ADMIN, although /proc/self/attr exposes much the same for reading.', 'Learn which LSM confines it and under what label, to pick an evasion route.'],
  lsm_list_modules: ['low', 'Lists the active Linux security modules. Docker allows the LSM syscalls only with CAP_SYS_ADMIN.', 'Learn which security modules the host runs.'],
  lsm_set_self_attr: ['medium', 'Sets the caller\u2019s LSM attributes, like writes to /proc/self/attr; the LSM policy decides whether a change is allowed. Docker allows the LSM syscalls only with CAP_SYS_ADMIN.', 'Try to move itself to a weaker AppArmor profile or SELinux label, subject to the policy\u2019s transition rules.'],
  mbind: ['low', `Sets NUMA policy for a range of the caller\u2019s memory; in the kernel only MPOL_MF_MOVE_ALL needs CAP_SYS_NICE. ${NUMA_CAP}.`, 'Pin or migrate its memory across NUMA nodes, affecting memory locality for neighbours on the host.'],
  migrate_pages: ['low', 'Moves all pages of a process from one set of NUMA nodes to another; acting on other users\u2019 processes needs CAP_SYS_NICE. Docker never allows it, not even with CAP_SYS_NICE.', 'Move other processes\u2019 memory to remote NUMA nodes, slowing them down.'],
  mount: ['critical', 'Mounts build a container\u2019s view of the filesystem. Without a user namespace the kernel checks CAP_SYS_ADMIN against the host, and Docker allows mount only with CAP_SYS_ADMIN.', 'Mount cgroupfs, procfs or host block devices, e.g. to abuse a cgroup v1 release_agent and run commands on the host.'],
  mount_setattr: ['high', 'Changes attributes of a mount tree (read-only, nosuid, ID mapping, propagation); the kernel needs CAP_SYS_ADMIN over the mount namespace. Docker allows it only with CAP_SYS_ADMIN.', 'Clear read-only or nosuid on mounts it can reach, or change their propagation to or from the host.'],
  move_mount: ['critical', NEW_MOUNT, 'Attach a detached mount anywhere, or move mounts that Docker uses to hide host paths.'],
  move_pages: ['low', 'Moves single pages to other NUMA nodes or reports where they are; acting on another process needs ptrace-level access. Docker never allows it, not even with CAP_SYS_NICE.', 'Learn or change where another process\u2019s memory sits, degrading its performance.'],
  mpx: ['low', never('Historic slot, unrelated to Intel MPX'), NONE],
  multiplexer: ['low', never('PowerPC slot reserved for a syscall multiplexer'), NONE],
  name_to_handle_at: ['low', 'Allowed today: producing a file handle needs no privilege and reveals little. The dangerous half is open_by_handle_at, which turns handles into open files and is allowed only with CAP_DAC_READ_SEARCH.', 'Obtain handles (inode number and generation) for files it can already reach; useful only with open_by_handle_at.', 'Docs list it as blocked and tie it to a capability; today\u2019s default allows it for everyone, and the kernel needs no capability for it.'],
  nfsservctl: ['low', 'Controlled the in-kernel NFS server; removed in Linux 3.1. Docker never allows it.', 'Nothing on current kernels; on old ones, reconfigure the host\u2019s NFS server.'],
  nice: ['low', 'Legacy call of older 32-bit ABIs (absent on x86-64). glibc implements nice() with getpriority and setpriority, which Docker allows, so the old call was never added.', 'Nothing beyond setpriority, which is already allowed.'],
  oldfstat: ['low', legacy(OLD_STAT), 'Nothing beyond fstat.'],
  oldlstat: ['low', legacy(OLD_STAT), 'Nothing beyond lstat.'],
  oldolduname: ['low', legacy('uname filling the oldest utsname layout, from early 32-bit ABIs'), 'Nothing beyond uname.'],
  oldstat: ['low', legacy(OLD_STAT), 'Nothing beyond stat.'],
  olduname: ['low', legacy('uname filling an old utsname layout, from early 32-bit ABIs'), 'Nothing beyond uname.'],
  open_by_handle_at: ['critical', 'Opens a file from a handle with no path lookup, so mount boundaries don\u2019t apply; the 2014 \u201cshocker\u201d escape guessed handles to read host files. Docker allows it only with CAP_DAC_READ_SEARCH.', 'Guess handles for host inodes to open files outside the container\u2019s mounts, such as the host\u2019s /etc/shadow.'],
  open_tree: ['high', 'Returns an fd for a mount or, with OPEN_TREE_CLONE, a detached copy of a mount tree, which the kernel allows only with CAP_SYS_ADMIN. Docker allows the call only with CAP_SYS_ADMIN.', 'Copy a mount tree, including paths under Docker\u2019s masking mounts, and attach the copy elsewhere.'],
  open_tree_attr: ['high', `open_tree that also applies mount attributes to the copy. ${NEW} Unlike open_tree it is not allowed even with CAP_SYS_ADMIN.`, 'As open_tree plus mount_setattr: copy mount trees and change their attributes.'],
  pciconfig_iobase: ['low', notListed('ARM and PowerPC', 'It reports PCI bus I/O base addresses; x86 has no such call.'), 'Learn host PCI bus addresses.'],
  pciconfig_read: ['medium', notListed('ARM and PowerPC', 'It reads PCI configuration space and needs CAP_SYS_ADMIN; x86 has no such call.'), 'Read configuration space of the host\u2019s PCI devices.'],
  pciconfig_write: ['high', notListed('ARM and PowerPC', 'It writes PCI configuration space and needs CAP_SYS_ADMIN; x86 has no such call.'), 'Reprogram the host\u2019s PCI devices, e.g. their memory windows, to corrupt or take over the host.'],
  perf_event_open: ['high', 'Opens performance counters and tracepoints that can observe the whole host. Docker allows it only with CAP_SYS_ADMIN or CAP_PERFMON; the host\u2019s perf_event_paranoid sysctl also limits unprivileged use.', 'Profile host processes or the kernel, leak kernel addresses and data, or exploit perf subsystem bugs.', 'Docs list it as blocked with no capability exception; today CAP_SYS_ADMIN or CAP_PERFMON lets it through.'],
  personality: ['low', 'Filtered on its argument: only plain Linux, PER_LINUX32, UNAME26 and their combination are allowed, plus 0xffffffff to query. Foreign execution domains and flags such as ADDR_NO_RANDOMIZE or READ_IMPLIES_EXEC are refused.', 'Reach rarely exercised execution-domain code, or switch off ASLR or make data executable for its own programs.', 'Docs list personality as blocked outright; today\u2019s default allows the common values.'],
  pidfd_getfd: ['medium', 'Copies a file descriptor out of another process; the kernel requires ptrace attach rights over it. Docker allows it only with CAP_SYS_PTRACE.', 'Take over sockets or open files held by another process it can trace.'],
  pivot_root: ['medium', 'Replaces the root mount of the mount namespace. runc calls it while setting up, before the filter applies, and nothing inside a container should need it again, so Docker refuses it even with CAP_SYS_ADMIN.', 'With mount rights, swap its root for another mount, undoing the filesystem confinement runc set up.'],
  process_madvise: ['low', 'Gives memory advice for another process\u2019s ranges; the kernel requires ptrace read access and, for most advice, CAP_SYS_NICE. Docker allows it only with CAP_SYS_PTRACE.', 'Force another process\u2019s memory out to swap or reclaim, degrading its performance.'],
  process_vm_readv: ['high', 'Copies memory out of another process under the same permission check as ptrace attach. Like ptrace, Docker allows it on kernel 4.8 and later for everyone, and on older kernels only with CAP_SYS_PTRACE.', 'Read secrets from other processes it could ptrace inside the container.', 'Docs list it as blocked, tied to CAP_SYS_PTRACE; today it is allowed on kernel 4.8+ for everyone and with CAP_SYS_PTRACE on any kernel.'],
  process_vm_writev: ['high', 'Copies memory into another process under the same permission check as ptrace attach. Like ptrace, Docker allows it on kernel 4.8 and later for everyone, and on older kernels only with CAP_SYS_PTRACE.', 'Write data or code into other processes it could ptrace inside the container.', 'Docs list it as blocked, tied to CAP_SYS_PTRACE; today it is allowed on kernel 4.8+ for everyone and with CAP_SYS_PTRACE on any kernel.'],
  prof: ['low', never('Historic profiling slot'), NONE],
  profil: ['low', never('Historic execution-profiling slot'), NONE],
  ptrace: ['high', 'Before Linux 4.8 a tracer could change a syscall after seccomp had checked it, defeating the filter, so Docker refuses ptrace on older kernels unless CAP_SYS_PTRACE is given. From 4.8 seccomp rechecks and ptrace is allowed.', 'Inspect or hijack processes it may trace; on kernels before 4.8, also bypass the seccomp filter itself.', 'Docs list ptrace as blocked; today it is allowed on kernel 4.8 and later, and on any kernel with CAP_SYS_PTRACE.'],
  putpmsg: ['low', never('STREAMS send slot'), NONE],
  query_module: ['low', 'Part of the module loader removed in Linux 2.6; it reported loaded modules and their symbols. Docker never allows it.', GONE],
  quotactl: ['medium', 'Manages disk quotas of a whole filesystem, often one shared with the host or other containers; changes need CAP_SYS_ADMIN. Docker allows it only with CAP_SYS_ADMIN.', 'Turn quotas off or raise its own limits on a shared filesystem, then fill it.'],
  quotactl_fd: ['medium', 'quotactl for the filesystem holding an open file; quotas cover a whole, often shared, filesystem and changes need CAP_SYS_ADMIN. Docker allows it only with CAP_SYS_ADMIN.', 'Turn quotas off or raise its own limits on a shared filesystem, then fill it.'],
  readdir: ['low', legacy('Reads one directory entry per call, from early 32-bit ABIs'), 'Nothing beyond getdents.'],
  reboot: ['high', 'In a child PID namespace the kernel turns a restart or power-off into ending that namespace\u2019s init, but in the host PID namespace it acts on the machine. Docker allows it only with CAP_SYS_BOOT, which the kernel requires.', 'Reboot or power off the host when sharing its PID namespace; otherwise kill its own container.'],
  request_key: ['high', `${KEYRINGS} A missing key can also make the kernel run the host\u2019s request-key helper.`, 'Make the host run its request-key helper with chosen key type and callout data, or reach keys shared with the host.'],
  riscv_flush_icache: ['low', onlyOn('RISC-V', 'riscv64'), 'Nothing notable: it syncs the instruction cache for the caller\u2019s own code.'],
  rseq_slice_yield: ['low', `Hands back a scheduler time-slice extension granted through rseq. ${NEW}`, 'Little: it only affects the caller\u2019s own scheduling.'],
  rtas: ['medium', notListed('PowerPC', 'It calls RTAS platform firmware; the kernel needs CAP_SYS_ADMIN and filters which services may be called.'), 'Invoke host platform firmware, e.g. to change hardware state.'],
  s390_guarded_storage: ['low', notListed('s390', 'Docker\u2019s s390 rule covers only PCI MMIO access and runtime instrumentation.'), 'Nothing notable: it controls a per-thread CPU facility.'],
  s390_pci_mmio_read: ['low', onlyOn('s390', 's390 and s390x'), 'Read MMIO space of PCI functions whose memory it has mapped.'],
  s390_pci_mmio_write: ['low', onlyOn('s390', 's390 and s390x'), 'Write MMIO space of PCI functions whose memory it has mapped.'],
  s390_runtime_instr: ['low', onlyOn('s390', 's390 and s390x'), 'Nothing notable: it toggles CPU runtime instrumentation for its own thread.'],
  s390_sthyi: ['low', notListed('s390', 'It reports hypervisor and machine capacity data.'), 'Learn details of the host machine and its hypervisor.'],
  security: ['low', never('x86-64 slot reserved for security modules'), NONE],
  set_mempolicy: ['low', `Sets the thread\u2019s default NUMA policy and needs no capability in the kernel. ${NUMA_CAP}.`, 'Pin its memory to chosen NUMA nodes, affecting memory locality for neighbours on the host.'],
  set_mempolicy_home_node: ['low', `Sets the preferred NUMA node for a range of the caller\u2019s memory. ${NUMA_CAP}.`, 'Pin its memory to chosen NUMA nodes, affecting memory locality for neighbours on the host.'],
  set_tls: ['low', onlyOn('32-bit ARM (as a private ARM call)', 'arm and arm64'), 'Nothing notable: it sets the caller\u2019s own TLS pointer.'],
  setdomainname: ['low', 'Sets the NIS domain name of the UTS namespace; the kernel needs CAP_SYS_ADMIN. Docker allows it only with that capability, since the container\u2019s names are set when it is created.', 'Rename the host\u2019s domain if the container shares the host UTS namespace; otherwise only its own.'],
  sethostname: ['low', 'Sets the hostname of the UTS namespace; the kernel needs CAP_SYS_ADMIN. Docker allows it only with that capability, since the container\u2019s names are set when it is created.', 'Rename the host if the container shares the host UTS namespace; otherwise only itself.'],
  setns: ['high', 'Moves the caller into an existing namespace named by a namespace fd or pidfd; the kernel needs CAP_SYS_ADMIN over the target. Docker allows setns only with CAP_SYS_ADMIN.', 'Join the host\u2019s namespaces through a leaked namespace fd or a host process\u2019s /proc/<pid>/ns, escaping the container.', 'Docs list setns as blocked; today it is allowed when the container has CAP_SYS_ADMIN.'],
  settimeofday: ['medium', SET_TIME, TIME_THREAT],
  sgetmask: ['low', legacy(OLD_SIGNALS), 'Nothing beyond rt_sigprocmask.'],
  sigaction: ['low', legacy(OLD_SIGNALS), 'Nothing beyond rt_sigaction.'],
  signal: ['low', legacy('Old call of 32-bit ABIs that installs a one-shot System V signal handler'), 'Nothing beyond rt_sigaction.'],
  sigpending: ['low', legacy(OLD_SIGNALS), 'Nothing beyond rt_sigpending.'],
  sigsuspend: ['low', legacy(OLD_SIGNALS), 'Nothing beyond rt_sigsuspend.'],
  socket: ['high', 'Filtered on the address family: every family is allowed except AF_ALG (38) and AF_VSOCK (40). VSOCK reaches the hypervisor or host from any container; AF_ALG, the kernel crypto API, was blocked after CVE-2026-31431 (\u201cCopy Fail\u201d).', 'Exploit crypto-API bugs for root via the page cache, or talk to host and hypervisor services over vsock.', 'Docs say only AF_UNIX, AF_INET, AF_INET6, AF_NETLINK and AF_PACKET are permitted; today every family except AF_ALG and AF_VSOCK is.'],
  socketcall: ['medium', 'Allowed today: on the 32-bit ABIs that have it, the socket family sits behind a pointer seccomp cannot read. A short-lived deny broke 32-bit programs and was reverted; Docker blocks AF_ALG there through AppArmor or SELinux instead.', 'From 32-bit code, create sockets of families the socket rule refuses, where no LSM policy stops it.', 'Docs describe socketcall as limited to the same five families as socket; the filter cannot check its arguments, and today\u2019s default allows it outright.'],
  spu_create: ['low', notListed('PowerPC (Cell processors)', 'It creates a Synergistic Processor Unit context.'), 'Reach little-used Cell SPU kernel code.'],
  spu_run: ['low', notListed('PowerPC (Cell processors)', 'It runs a Synergistic Processor Unit context.'), 'Reach little-used Cell SPU kernel code.'],
  ssetmask: ['low', legacy(OLD_SIGNALS), 'Nothing beyond rt_sigprocmask.'],
  stime: ['medium', `Sets the time in whole seconds on older 32-bit ABIs. ${SET_TIME}`, TIME_THREAT],
  stty: ['low', never('Historic terminal-settings slot'), NONE],
  subpage_prot: ['low', notListed('PowerPC', 'It sets protection on 4 KiB pieces of 64 KiB pages.'), 'Reach little-used PowerPC memory-management code.'],
  swapcontext: ['low', onlyOn('PowerPC', 'ppc64le'), 'Nothing notable: it switches the caller\u2019s own user context.'],
  swapoff: ['medium', 'Stops swapping to a device or file, which affects memory pressure on the whole host. Docker refuses it even with CAP_SYS_ADMIN, which the kernel requires.', 'Disable host swap to push the host toward out-of-memory kills.'],
  swapon: ['high', 'Adds swap space to the host\u2019s single, shared pool. Docker refuses it even with CAP_SYS_ADMIN, which the kernel requires.', 'Make a file it controls host swap, so other processes\u2019 memory lands where it can read it, or exhaust host storage.'],
  switch_endian: ['low', notListed('64-bit PowerPC', 'It flips the thread\u2019s byte order.'), 'Reach little-used PowerPC code paths.'],
  sync_file_range2: ['low', onlyOn('PowerPC, ARM and SH (flags before the 64-bit arguments)', 'ppc64le, arm and arm64'), 'Nothing beyond sync_file_range: start writeback of its own file data.'],
  sys_debug_setcontext: ['low', notListed('32-bit PowerPC', 'It switches user context with debug tracing settings.'), 'Reach little-used PowerPC debug code.'],
  syscall: ['low', notListed('MIPS o32', 'It runs another syscall by number, and a filter would have to see through the wrapper.'), 'Invoke another syscall indirectly, hoping the filter judges only the wrapper.'],
  sysfs: ['low', 'Obsolete query of the filesystem types the kernel knows, superseded by /proc/filesystems. Docker never allows it.', 'Learn which filesystem types the host kernel supports, as /proc/filesystems already shows.'],
  syslog: ['medium', 'Reads or clears the kernel log, which holds messages from the host and every container, or sets the console log level. Docker allows it only with CAP_SYS_ADMIN or CAP_SYSLOG.', 'Read host kernel messages (addresses, other containers\u2019 events) or clear the log to hide traces.'],
  sysmips: ['low', notListed('MIPS', 'It bundles machine-specific operations, some needing CAP_SYS_ADMIN.'), 'Reach little-used MIPS kernel code.'],
  timerfd: ['low', 'Slot of the short-lived first timerfd interface, replaced by timerfd_create in Linux 2.6.25. Docker never lists it.', GONE],
  tuxcall: ['low', never('Slot reserved for the out-of-tree TUX web server'), NONE],
  ulimit: ['low', never('Historic ulimit slot'), NONE],
  umount: ['high', 'Unmount without flags, on older ABIs. Docker allows it only with CAP_SYS_ADMIN, since unmounting can expose what Docker hid.', 'Remove Docker\u2019s masking mounts over /proc and /sys paths to expose host information.'],
  umount2: ['high', 'Unmounting can remove the bind mounts Docker places over sensitive /proc and /sys paths. The kernel needs CAP_SYS_ADMIN, and Docker allows it only with that capability.', 'Remove Docker\u2019s masking mounts over /proc and /sys paths to expose host information.'],
  unshare: ['high', 'Creates new namespaces, and a user namespace opens kernel code (netfilter, some filesystems) with many past privilege-escalation bugs. Docker refuses every unshare without CAP_SYS_ADMIN, even flag-only uses such as CLONE_FILES.', 'Create a user namespace to gain namespace-root capabilities and reach kernel code with a history of privilege-escalation bugs.'],
  uprobe: ['low', 'Used only by the kernel\u2019s uprobe trampoline on x86-64. Docker has not listed it, but current kernels exempt it from seccomp, and called from anywhere else it just fails.', 'Nothing: outside the kernel\u2019s trampoline it fails.'],
  uselib: ['low', 'Loads an a.out shared library; only kernels built with CONFIG_USELIB have it, and nothing has used it for decades. Docker never allows it.', 'Reach old, little-maintained binary-loader code.'],
  userfaultfd: ['high', 'Lets a process hold a kernel access to its memory at a moment it chooses, a standard way to win kernel race conditions in exploits. Docker never allows it; kernels also restrict it through vm.unprivileged_userfaultfd.', 'Pause the kernel mid-operation to turn race-condition bugs into reliable privilege escalation.'],
  usr26: ['low', notListed('32-bit ARM (as a private ARM call)', 'It switched old CPUs to 26-bit mode.'), 'Nothing on current CPUs.'],
  usr32: ['low', notListed('32-bit ARM (as a private ARM call)', 'It switched old CPUs back from 26-bit mode.'), 'Nothing on current CPUs.'],
  ustat: ['low', 'Obsolete free-space query by device number, superseded by statfs. Docker never allows it.', 'Learn free space on host filesystems by device number.'],
  vhangup: ['low', 'Hangs up the current terminal; the kernel needs CAP_SYS_TTY_CONFIG. Docker allows it only with that capability.', 'Hang up the terminal it is attached to, disrupting sessions that share it.'],
  vm86: ['low', 'Enters virtual-8086 mode; only 32-bit x86 kernels implement it, and 64-bit kernels return ENOSYS even to 32-bit programs. Docker never allows it.', 'On 32-bit x86 hosts, reach old, rarely exercised vm86 kernel code.'],
  vm86old: ['low', 'Original form of vm86; only 32-bit x86 kernels implement it, and 64-bit kernels return ENOSYS even to 32-bit programs. Docker never allows it.', 'On 32-bit x86 hosts, reach old, rarely exercised vm86 kernel code.'],
  vserver: ['low', never('Slot reserved for the out-of-tree Linux-VServer project'), NONE],
};

function toReason(name: string, [risk, reason, threat, docsNote]: Row): DockerReason {
  const documented = DOCUMENTED.has(name);
  return docsNote === undefined
    ? { reason, risk, threat, documented }
    : { reason, risk, threat, documented, docsNote };
}

/** Reasons by syscall name. Null prototype: only real names resolve. */
export const DOCKER_REASONS: Readonly<Record<string, DockerReason>> = Object.setPrototypeOf(
  Object.fromEntries(Object.entries(ROWS).map(([name, row]) => [name, toReason(name, row)])),
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
