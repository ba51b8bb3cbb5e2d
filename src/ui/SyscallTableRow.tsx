import { flexRender, type Row } from '@tanstack/react-table';
import { memo, type FocusEvent, type MouseEvent } from 'react';
import type { RowExtras, SyscallRow } from './view-model.ts';

interface SyscallTableRowProps {
  /** TanStack's row: kept from one change of the profile to the next (stable-core-row-model.ts). */
  row: Row<SyscallRow>;
  /** What the row shows: compared field by field, since every change makes new objects. */
  shown: SyscallRow;
  /** The status cell's hint ("Allowed with CAP_SYS_PTRACE"). */
  hint: string | undefined;
  /**
   * For a conditional row, the extras its switch describes itself with (they read the current
   * text, so such a row follows every change); undefined for the others.
   */
  conditionalExtras: RowExtras | undefined;
  locked: string | undefined;
  onToggle: (syscall: string) => void;
  /** The ids of the columns shown, joined. */
  columns: string;
  /** The row's position in the table (0-based, header excluded). */
  index: number;
  /** Whether the keyboard's tab stop is on this row. */
  active: boolean;
  /** Whether this is the syscall the JSON editor's cursor is on. */
  linked: boolean;
  height: number;
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, syscall: string) => void;
  onRowFocus: (event: FocusEvent<HTMLTableRowElement>, index: number, syscall: string) => void;
}

/**
 * One syscall's row. Every change to the profile gives every row a new object, yet most rows
 * show the same thing after it: those are not rendered again (React compared the whole table's
 * cells on each toggle or keystroke).
 */
export const SyscallTableRow = memo(function SyscallTableRow({
  row,
  shown,
  index,
  active,
  linked,
  height,
  onRowClick,
  onRowFocus,
}: SyscallTableRowProps) {
  return (
    <tr
      data-name={row.id}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      className={`syscall-row syscall-row--${shown.kind}${shown.changed ? ' syscall-row--changed' : ''}${shown.number === undefined ? ' syscall-row--absent' : ''}${linked ? ' syscall-row--linked' : ''}`}
      style={{ height }}
      onClick={(event) => onRowClick(event, row.id)}
      onFocus={(event) => onRowFocus(event, index, row.id)}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}, sameRow);

/** Every prop the same (`shown` by what it shows): nothing this row draws has changed. */
function sameRow(before: SyscallTableRowProps, after: SyscallTableRowProps): boolean {
  for (const key of Object.keys(after) as (keyof SyscallTableRowProps)[]) {
    const same =
      key === 'shown' ? showsTheSame(before.shown, after.shown) : before[key] === after[key];
    if (!same) return false;
  }
  return true;
}

/**
 * Whether two versions of a row show the same. The verdict behind the words is left out: a new
 * text makes new verdicts (their rules sit at new places) that read the same.
 */
function showsTheSame(before: SyscallRow, after: SyscallRow): boolean {
  if (before === after) return true;
  for (const key of Object.keys(after) as (keyof SyscallRow)[]) {
    if (key !== 'verdict' && before[key] !== after[key]) return false;
  }
  return true;
}
