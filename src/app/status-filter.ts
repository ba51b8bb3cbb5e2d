/**
 * The table's filters: status (including "changed against Docker's default"), category and
 * gating capability, and the counts the status filter shows beside each choice.
 */
import type { SyscallCategory } from '../catalog/syscall-text.ts';
import { STATUS_FILTER_KEYS, type StatusFilterKey, type SyscallRow } from '../ui/view-model.ts';

export interface RowFilters {
  status: StatusFilterKey | undefined;
  category: SyscallCategory | undefined;
  capability: string | undefined;
}

type FilterableRow = Pick<SyscallRow, 'kind' | 'changed'> & {
  entry: { category: string; docker: { capabilities: readonly string[] } };
};

/** Whether a row has the status a filter asks for (`undefined`: any). */
export function matchesStatus(row: FilterableRow, status: StatusFilterKey | undefined): boolean {
  if (status === undefined) return true;
  if (status === 'changed') return row.changed;
  return row.kind === status;
}

/** Whether a row passes the category and capability filters (not the status one). */
export function matchesFacets(
  row: FilterableRow,
  filters: Pick<RowFilters, 'category' | 'capability'>,
): boolean {
  if (filters.category !== undefined && row.entry.category !== filters.category) return false;
  if (
    filters.capability !== undefined &&
    !row.entry.docker.capabilities.includes(filters.capability)
  )
    return false;
  return true;
}

/** Rows passing every filter, in the order given. */
export function filterRows<Row extends FilterableRow>(
  rows: readonly Row[],
  filters: RowFilters,
): Row[] {
  return rows.filter((row) => matchesFacets(row, filters) && matchesStatus(row, filters.status));
}

/** How many rows each status choice would show. */
export function countStatuses(rows: readonly FilterableRow[]): Record<StatusFilterKey, number> {
  const counts = Object.fromEntries(STATUS_FILTER_KEYS.map((key) => [key, 0])) as Record<
    StatusFilterKey,
    number
  >;
  for (const row of rows) {
    if (row.kind !== 'invalid') counts[row.kind] += 1;
    if (row.changed) counts.changed += 1;
  }
  return counts;
}
