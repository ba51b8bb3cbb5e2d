/**
 * Profiles to start from. Each is built from Docker's default (or its architecture map) by
 * the engine and written in Docker's canonical style, so none is a copied file.
 */
import { defaultContext } from '../core/context.ts';
import { dockerDefaultProfileText } from '../core/docker-default.ts';
import { allowSyscall } from '../core/edit.ts';
import { formatProfile } from '../core/format.ts';
import { parseProfile } from '../core/parse.ts';
import { catalogEntries } from './catalog.ts';
import { syscallNotes } from './syscall-notes.ts';

export interface Preset {
  id: 'docker-default' | 'docker-gdb' | 'podman-pattern' | 'empty-allowlist' | 'log-mode';
  title: string;
  /** What it is for, in a sentence or two. */
  description: string;
  text(): string;
}

/** ADDR_NO_RANDOMIZE: what gdb passes to personality() to turn off address-space randomisation. */
const ADDR_NO_RANDOMIZE = 0x0040000;
const ENOSYS = 38;
const EPERM = 1;

type JsonProfile = {
  defaultAction: string;
  defaultErrnoRet?: number;
  archMap?: unknown[];
  syscalls: { names?: string[]; action: string; errnoRet?: number; args?: unknown[] }[];
};

const dockerDefaultJson = (): JsonProfile => JSON.parse(dockerDefaultProfileText()) as JsonProfile;

/** Writes a profile object in Docker's canonical style (its values are all safe integers). */
function canonical(profile: unknown): string {
  const parsed = parseProfile(JSON.stringify(profile));
  if (!parsed.profile || parsed.dockerError)
    throw new Error(`preset does not load: ${parsed.dockerError}`);
  return formatProfile(parsed.profile);
}

function gdbProfile(): string {
  // Allowed on every kernel, not only from 4.8 (the engine's minimal edit on an old kernel).
  let text = dockerDefaultProfileText();
  const oldKernel = defaultContext({ kernel: { major: 4, minor: 0 } });
  for (const name of ['ptrace', 'process_vm_readv', 'process_vm_writev']) {
    const result = allowSyscall(text, name, oldKernel);
    if (!result.ok) throw new Error(result.error);
    text = result.text;
  }
  const profile = JSON.parse(text) as JsonProfile;
  const lastPersonality = profile.syscalls.findLastIndex((rule) =>
    rule.names?.includes('personality'),
  );
  profile.syscalls.splice(lastPersonality + 1, 0, {
    names: ['personality'],
    action: 'SCMP_ACT_ALLOW',
    args: [{ index: 0, value: ADDR_NO_RANDOMIZE, op: 'SCMP_CMP_EQ' }],
  });
  return canonical(profile);
}

/**
 * Syscalls Docker blocks on purpose (named in its documentation) and that no argument rule
 * of the default filters: they get an explicit EPERM, everything unknown gets ENOSYS.
 */
function deliberatelyBlocked(): string[] {
  const conditional = new Set(
    dockerDefaultJson()
      .syscalls.filter((rule) => rule.args?.length)
      .flatMap((rule) => rule.names ?? []),
  );
  return catalogEntries()
    .filter((entry) => {
      const notes = syscallNotes(entry.name);
      return notes?.threat?.documented && !notes.docker.allowed && !conditional.has(entry.name);
    })
    .map((entry) => entry.name);
}

function podmanPattern(): string {
  const profile = dockerDefaultJson();
  profile.defaultErrnoRet = ENOSYS;
  // Last, so that the capability rules before it still allow these when the capability is
  // there (libseccomp keeps the first unconditional rule for a syscall).
  profile.syscalls.push({
    names: deliberatelyBlocked(),
    action: 'SCMP_ACT_ERRNO',
    errnoRet: EPERM,
  });
  return canonical(profile);
}

function startingPoint(defaultAction: string, defaultErrnoRet?: number): string {
  return canonical({
    defaultAction,
    ...(defaultErrnoRet === undefined ? {} : { defaultErrnoRet }),
    archMap: dockerDefaultJson().archMap,
    syscalls: [],
  });
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'docker-default',
    title: "Docker's default",
    description: 'What Docker applies to every container that is not given a profile.',
    text: dockerDefaultProfileText,
  },
  {
    id: 'docker-gdb',
    title: "Docker's default + what gdb needs",
    description:
      "For 'ptrace: Operation not permitted' under gdb: ptrace and process_vm_readv/writev on every kernel, and personality(ADDR_NO_RANDOMIZE) so gdb can turn off address randomisation. The usual fix is Docker's default with --cap-add SYS_PTRACE; use this when a capability is not wanted.",
    text: gdbProfile,
  },
  {
    id: 'podman-pattern',
    title: 'Podman pattern (ENOSYS for unknown syscalls)',
    description:
      "Docker's rules, but syscalls the profile doesn't know fail with ENOSYS, so glibc falls back to older calls, while the ones Docker blocks on purpose still fail with EPERM.",
    text: podmanPattern,
  },
  {
    id: 'empty-allowlist',
    title: 'Empty allowlist',
    description:
      'Every syscall fails with EPERM until you allow it: build a profile up from nothing (a container needs a few dozen syscalls just to start).',
    text: () => startingPoint('SCMP_ACT_ERRNO', EPERM),
  },
  {
    id: 'log-mode',
    title: 'Log mode (SCMP_ACT_LOG)',
    description:
      'Allows every syscall and logs each one to the kernel audit log, to find out what a program needs before writing an allowlist.',
    text: () => startingPoint('SCMP_ACT_LOG'),
  },
];

/** A preset by id. */
export function preset(id: Preset['id']): Preset {
  return PRESETS.find((candidate) => candidate.id === id)!;
}
