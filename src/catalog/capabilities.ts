/**
 * Linux capabilities (linux/capability.h, 0 … CAP_LAST_CAP = 40) with a one-line summary each,
 * and Docker's default capability set. Summaries are our own wording and name the most
 * security-relevant powers, not every check a capability unlocks (see capabilities(7)).
 */
import { ALL_CAPABILITIES, DOCKER_DEFAULT_CAPABILITIES } from '../core/context.ts';

/** The capability names by number, from the engine (one list for the whole project). */
export const CAPABILITY_NAMES = ALL_CAPABILITIES;

export type CapabilityName = (typeof CAPABILITY_NAMES)[number];

export interface CapabilityInfo {
  readonly name: CapabilityName;
  /** Bit number in the kernel's capability sets. */
  readonly number: number;
  readonly description: string;
}

const DESCRIPTIONS: Readonly<Record<CapabilityName, string>> = {
  CAP_CHOWN: 'Change the owner and group of any file',
  CAP_DAC_OVERRIDE: 'Ignore read, write and execute permission bits on files and directories',
  CAP_DAC_READ_SEARCH:
    'Ignore read permission on files and read/search permission on directories; use open_by_handle_at',
  CAP_FOWNER:
    'Pass checks that require owning the file: chmod, utimes, ACLs, file flags, sticky-dir deletes',
  CAP_FSETID:
    'Keep set-user-ID/set-group-ID bits when a file changes; set set-group-ID for any group',
  CAP_KILL: 'Send signals to processes owned by other users',
  CAP_SETGID: 'Change group IDs at will, set supplementary groups, write a user namespace gid_map',
  CAP_SETUID:
    'Change user IDs at will, forge UIDs in socket credentials, write a user namespace uid_map',
  CAP_SETPCAP:
    'Drop capabilities from the bounding set, add bounding-set ones to inheritable, set securebits',
  CAP_LINUX_IMMUTABLE: 'Set or clear the immutable and append-only file attributes',
  CAP_NET_BIND_SERVICE: 'Bind sockets to privileged ports (below 1024 by default)',
  CAP_NET_BROADCAST: 'Meant for broadcasting and multicast listening; the kernel does not check it',
  CAP_NET_ADMIN:
    'Administer networking: interfaces, routes, firewall rules, traffic control, privileged sockopts',
  CAP_NET_RAW: 'Open raw and packet sockets; bind to any address for transparent proxying',
  CAP_IPC_LOCK: 'Lock memory (mlock, mlockall, SHM_LOCK) beyond RLIMIT_MEMLOCK',
  CAP_IPC_OWNER: 'Bypass permission checks on System V IPC objects',
  CAP_SYS_MODULE: 'Load and unload kernel modules',
  CAP_SYS_RAWIO: 'Raw hardware access: I/O ports (iopl, ioperm), /dev/mem, raw SCSI commands',
  CAP_SYS_CHROOT: 'Call chroot and switch mount namespaces with setns',
  CAP_SYS_PTRACE: 'Trace and inspect any process: ptrace, process_vm_readv/writev, kcmp',
  CAP_SYS_PACCT: 'Switch process accounting on or off (acct)',
  CAP_SYS_ADMIN:
    'Broad administration: mount, namespaces, swap, quotas, hostname, many ioctls; close to root',
  CAP_SYS_BOOT: 'Reboot the machine and load a kernel for later execution (reboot, kexec_load)',
  CAP_SYS_NICE:
    "Raise priority, use real-time policies, set other processes' affinity and NUMA placement",
  CAP_SYS_RESOURCE:
    'Exceed resource limits and quotas; raise hard rlimits; use reserved disk space',
  CAP_SYS_TIME: 'Set the system clock and the hardware real-time clock',
  CAP_SYS_TTY_CONFIG: 'Reconfigure terminals and call vhangup',
  CAP_MKNOD: 'Create device special files with mknod',
  CAP_LEASE: 'Take leases on files the caller does not own',
  CAP_AUDIT_WRITE: 'Write records to the kernel audit log',
  CAP_AUDIT_CONTROL: 'Configure kernel auditing: enable or disable it, change rules',
  CAP_SETFCAP: 'Set file capabilities; map user ID 0 when creating a user namespace',
  CAP_MAC_OVERRIDE: 'Override mandatory access control checks (Smack)',
  CAP_MAC_ADMIN: 'Change mandatory access control policy or configuration (Smack, AppArmor)',
  CAP_SYSLOG: 'Privileged syslog operations; see kernel addresses when kptr_restrict is 1',
  CAP_WAKE_ALARM: 'Arm timers that wake the system from suspend (CLOCK_*_ALARM)',
  CAP_BLOCK_SUSPEND: 'Keep the system from suspending (EPOLLWAKEUP, wake locks)',
  CAP_AUDIT_READ: 'Read the audit log through a multicast netlink socket',
  CAP_PERFMON: 'Use performance monitoring: perf_event_open and BPF-based tracing',
  CAP_BPF: 'Privileged BPF operations such as creating maps and loading most program types',
  CAP_CHECKPOINT_RESTORE:
    'Checkpoint/restore tools: choose PIDs (clone3 set_tid, ns_last_pid), read map_files',
};

export const CAPABILITIES: readonly CapabilityInfo[] = CAPABILITY_NAMES.map((name, number) => ({
  name,
  number,
  description: DESCRIPTIONS[name],
}));

export const CAPABILITY_BY_NAME: Readonly<Record<CapabilityName, CapabilityInfo>> =
  Object.fromEntries(CAPABILITIES.map((cap) => [cap.name, cap])) as Record<
    CapabilityName,
    CapabilityInfo
  >;

/**
 * The capabilities Docker (moby) grants a container by default, in moby's order
 * (moby/moby daemon/pkg/oci/caps/defaults.go, formerly oci/caps/defaults.go).
 */
export const DOCKER_DEFAULT_CAPS: readonly CapabilityName[] = DOCKER_DEFAULT_CAPABILITIES;

export function isCapabilityName(name: string): name is CapabilityName {
  return Object.prototype.hasOwnProperty.call(DESCRIPTIONS, name);
}

/**
 * Canonical form of a capability name as users write it: `sys_admin`, `SYS_ADMIN`,
 * `cap_sys_admin` and ` CAP_SYS_ADMIN ` all give `CAP_SYS_ADMIN`. Undefined for anything that
 * is not a known capability (including Docker's `ALL`).
 */
export function normalizeCapName(input: string): CapabilityName | undefined {
  const upper = input.trim().toUpperCase();
  if (upper === '') return undefined;
  const name = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  return isCapabilityName(name) ? name : undefined;
}
