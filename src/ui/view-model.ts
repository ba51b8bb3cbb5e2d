/**
 * The shapes the components show. The app derives them from the profile text and the context;
 * the components only render them (imports flow app → ui, so the types live here).
 */
import type { SyscallEntry } from '../catalog/catalog.ts';
import type { Verdict } from '../core/outcome.ts';

/** What happens to a syscall, as one word a filter and a colour can follow. */
export type StatusKind =
  'allowed' | 'blocked' | 'conditional' | 'killed' | 'logged' | 'notify' | 'invalid';

/** The status filter's choices; `changed` compares with Docker's default in the same context. */
export type StatusFilterKey = Exclude<StatusKind, 'invalid'> | 'changed';

export const STATUS_FILTER_KEYS: readonly StatusFilterKey[] = [
  'allowed',
  'blocked',
  'conditional',
  'killed',
  'logged',
  'notify',
  'changed',
];

export const STATUS_FILTER_LABELS: Readonly<Record<StatusFilterKey, string>> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  conditional: 'Conditional',
  killed: 'Killed',
  logged: 'Logged',
  notify: 'Notify',
  changed: 'Changed',
};

/** One row of the syscall table: a catalog entry and what the current profile does with it. */
export interface SyscallRow {
  name: string;
  entry: SyscallEntry;
  verdict: Verdict;
  kind: StatusKind;
  /** Short status for the cell: "Blocked (EPERM)", "Conditional: only some address families". */
  status: string;
  /** The engine's full wording (describeVerdict). */
  statusDetail: string;
  /** Allowed for every argument value: the toggle is on. */
  allowed: boolean;
  /** The verdict differs from Docker's default profile's in the same context. */
  changed: boolean;
  /** Docker's default's status in the same context. */
  defaultStatus: string;
  /** Number on the selected architecture's ABI; undefined when it doesn't exist there. */
  number: number | undefined;
  /** The catalog's gating capabilities in words: "CAP_SYS_ADMIN or CAP_BPF" ('' when none). */
  capabilityText: string;
}

/** Lazily computed extras for a row (they need the engine's explanation or an edit dry run). */
export interface RowExtras {
  /** "Allowed with CAP_SYS_PTRACE", "Allowed with CAP_SYS_ADMIN or on kernel ≥ 4.8". */
  hint: (name: string) => string | undefined;
  /** What flipping the toggle would do, for rows a plain allow/block doesn't describe. */
  toggleEffect: (row: SyscallRow) => string | undefined;
  /**
   * Whether {@link toggleEffect} is cheap enough to work out for every row shown (it tries the
   * edit, re-reading the whole text): then each switch describes itself once the page is idle
   * after the row appears; on a large profile only once the pointer or the focus reaches it.
   */
  toggleEffectsUpFront: boolean;
}
