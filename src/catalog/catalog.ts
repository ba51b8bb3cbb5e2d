/**
 * The syscall catalog as one typed list: for every syscall Linux has, what it does, its
 * numbers, the capabilities that gate it under Docker's default (computed from the profile)
 * and, where Docker doesn't allow it unconditionally, why. This is what the table, the editor's
 * help and `explain` read; what only the details show is in syscall-notes.ts.
 */
import { ABIS, allSyscallNames, syscallNumber, type Abi } from './abis.ts';
import { dockerReason, type DockerReason } from './docker-reasons.ts';
import type { DockerView } from './docker-view.ts';
import { DOCKER_GATES } from './generated/docker-gates.ts';
import { CATEGORY_LABELS, syscallText, type SyscallCategory } from './syscall-text.ts';

export interface SyscallEntry {
  name: string;
  description: string;
  category: SyscallCategory;
  categoryLabel: string;
  /** Number on each ABI where it exists (libseccomp's table). */
  readonly numbers: Partial<Record<Abi, number>>;
  /** Of Docker's view, what the table shows; the whole view is in syscall-notes.ts. */
  docker: { readonly capabilities: DockerView['capabilities'] };
  /** Why Docker's default doesn't allow it unconditionally; absent when it does. */
  reason?: DockerReason;
}

let entries: SyscallEntry[] | undefined;

const NO_CAPABILITIES: readonly string[] = [];

/** Every syscall, sorted by name (computed once). */
export function catalogEntries(): readonly SyscallEntry[] {
  entries ??= allSyscallNames().map(entryFor);
  return entries;
}

const byName = new Map<string, SyscallEntry>();

/** One syscall's entry, or undefined for a name Linux doesn't have. */
export function catalogEntry(name: string): SyscallEntry | undefined {
  if (byName.size === 0) for (const entry of catalogEntries()) byName.set(entry.name, entry);
  return byName.get(name);
}

function entryFor(name: string): SyscallEntry {
  const text = syscallText(name);
  let numbers: Partial<Record<Abi, number>> | undefined;
  const reason = dockerReason(name);
  const category = text?.category ?? 'obsolete';
  return {
    name,
    description: text?.description ?? '',
    category,
    categoryLabel: CATEGORY_LABELS[category],
    // Worked out when read: the table needs one ABI's numbers (syscallNumber), and reading
    // every ABI's for every syscall cost the page's load ~5 ms.
    get numbers() {
      return (numbers ??= numbersOf(name));
    },
    // Precomputed (see render-docker-view.ts): computing it here would cost the page ~70 ms.
    docker: { capabilities: DOCKER_GATES[name] ?? NO_CAPABILITIES },
    ...(reason ? { reason } : {}),
  };
}

function numbersOf(name: string): Partial<Record<Abi, number>> {
  const numbers: Partial<Record<Abi, number>> = {};
  for (const abi of ABIS) {
    const number = syscallNumber(name, abi);
    if (number !== undefined) numbers[abi] = number;
  }
  return numbers;
}
