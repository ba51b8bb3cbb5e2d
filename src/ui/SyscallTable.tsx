import {
  createColumnHelper,
  flexRender,
  getSortedRowModel,
  useReactTable,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { AllowToggle } from './AllowToggle.tsx';
import { ChangedTag } from './ChangedTag.tsx';
import { RiskBadge } from './RiskBadge.tsx';
import { getStableCoreRowModel } from './stable-core-row-model.ts';
import { SyscallTableRow } from './SyscallTableRow.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useElementWidth } from './use-element-width.ts';
import { whenIdle } from './when-idle.ts';
import { useMediaQuery } from './use-media-query.ts';
import type { RowExtras, StatusKind, SyscallRow } from './view-model.ts';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the names must match v8's declaration
  interface TableMeta<TData extends RowData> {
    extras: RowExtras;
    onToggle: (syscall: string) => void;
    /** Why the switches are off, when they are. */
    locked: string | undefined;
  }
}

/** What the app can ask of the table. */
export interface SyscallTableHandle {
  /** Scrolls to a syscall's row, makes it the active row and focuses it. */
  focusRow: (syscall: string) => void;
}

interface SyscallTableProps {
  rows: readonly SyscallRow[];
  /** The architecture the No. column numbers are for. */
  arch: string;
  extras: RowExtras;
  onToggle: (syscall: string) => void;
  onOpen: (syscall: string) => void;
  /** Shown instead of rows when nothing matches. */
  emptyMessage: string;
  /** Changes when the search or a filter does: the table scrolls back to the top. */
  resetKey: string;
  /** The table's likely width (px) before it is measured, to choose the columns shown. */
  estimatedWidth?: number;
  /** Why the switches are off (the profile's text doesn't parse); undefined when they work. */
  locked?: string | undefined;
  /** A row to mark and scroll into view (the syscall the JSON editor's cursor is on). */
  highlighted?: string | undefined;
  ref?: Ref<SyscallTableHandle>;
}

const HEADER_HEIGHT = 34;
const ROW_HEIGHT = 40;
const PHONE_ROW_HEIGHT = 60;
const PHONE_QUERY = '(max-width: 40rem)';
/** At the latest this long after new rows, the table renders its full overscan (see below). */
const FULL_OVERSCAN_AFTER_MS = 300;
/** Table widths (px) below which columns give way, least needed first. */
const WIDE_COLUMNS_FROM = 1040;
const CAPABILITY_FROM = 780;
const REASON_FROM = 600;

const STATUS_ORDER: Readonly<Record<StatusKind, number>> = {
  allowed: 0,
  logged: 1,
  notify: 2,
  conditional: 3,
  blocked: 4,
  killed: 5,
  invalid: 6,
};

const RISK_ORDER: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

const column = createColumnHelper<SyscallRow>();

const COLUMNS = [
  column.display({
    id: 'allow',
    header: 'Allow',
    meta: { className: 'col-allow' },
    cell: ({ row, table }) => {
      const meta = table.options.meta!;
      return (
        <AllowToggle
          syscall={row.original.name}
          checked={row.original.allowed}
          {...(meta.locked === undefined && row.original.kind === 'conditional'
            ? {
                describeEffect: () => meta.extras.toggleEffect(row.original),
                // New extras: a new profile or context, or the edit engine arrived.
                effectOf: meta.extras,
                describeSoon: meta.extras.toggleEffectsUpFront,
              }
            : {})}
          disabledReason={meta.locked}
          onToggle={meta.onToggle}
        />
      );
    },
  }),
  column.accessor('name', {
    header: 'Syscall',
    meta: { className: 'col-name' },
    sortingFn: 'alphanumeric',
    cell: ({ row }) => (
      <>
        <span className="syscall-name">{row.original.name}</span>
        <span className="syscall-name__description">{row.original.entry.description}</span>
      </>
    ),
  }),
  column.accessor((row) => STATUS_ORDER[row.kind], {
    id: 'status',
    header: 'Status',
    meta: { className: 'col-status' },
    cell: ({ row, table }) => {
      const data = row.original;
      const hint = table.options.meta!.extras.hint(data.name);
      // "Conditional: only some address families" reads as a badge and a second line.
      const conditional = /^(Conditional): (.*)$/.exec(data.status);
      const badge = conditional ? conditional[1]! : data.status;
      const more = [conditional?.[2], hint && (conditional ? lowerFirst(hint) : hint)].filter(
        (part): part is string => Boolean(part),
      );
      return (
        <span className="status-cell">
          <StatusBadge kind={data.kind} label={badge} detail={data.statusDetail} />
          {conditional && <span className="visually-hidden">: </span>}
          {data.changed && <ChangedTag was={data.defaultStatus} />}
          {more.length > 0 && (
            <span className="status-cell__hint" title={more.join(' · ')}>
              {more.join(' · ')}
            </span>
          )}
        </span>
      );
    },
  }),
  column.accessor((row) => (row.entry.reason ? RISK_ORDER[row.entry.reason.risk] : undefined), {
    id: 'reason',
    header: 'Reason',
    meta: { className: 'col-reason col-secondary' },
    sortUndefined: 'last',
    cell: ({ row }) => {
      const reason = row.original.entry.reason;
      if (!reason) return null;
      return (
        <span className="reason-cell" title={reason.reason}>
          <RiskBadge risk={reason.risk} />
          <span className="truncate">{reason.reason}</span>
        </span>
      );
    },
  }),
  column.accessor((row) => row.capabilityText || undefined, {
    id: 'capability',
    header: 'Capability',
    meta: { className: 'col-capability col-secondary' },
    sortUndefined: 'last',
    cell: ({ row }) => (
      <span className="truncate mono" title={row.original.capabilityText || undefined}>
        {row.original.capabilityText}
      </span>
    ),
  }),
  column.accessor((row) => row.entry.categoryLabel, {
    id: 'category',
    header: 'Category',
    meta: { className: 'col-category col-tertiary' },
    cell: ({ getValue }) => (
      <span className="truncate" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor((row) => row.entry.description, {
    id: 'description',
    header: 'Description',
    meta: { className: 'col-description col-tertiary' },
    cell: ({ getValue }) => (
      <span className="truncate" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor('number', {
    header: 'No.',
    meta: { className: 'col-number col-secondary' },
    sortUndefined: 'last',
    cell: ({ getValue }) => {
      const value = getValue();
      return value === undefined ? <span className="muted">—</span> : value;
    },
  }),
];

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the names must match v8's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    className: string;
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

const isNavigationKey = (key: string): boolean =>
  ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key);

/**
 * Every syscall with its status in the current context: sortable, virtualised (only the rows
 * in view are in the DOM, with padding rows keeping the scroll height), and keyboard-driven
 * (arrows move between rows, Space flips the focused row's switch, Enter opens its details).
 */
export function SyscallTable({
  rows,
  arch,
  extras,
  onToggle,
  onOpen,
  emptyMessage,
  resetKey,
  locked,
  highlighted,
  estimatedWidth,
  ref,
}: SyscallTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [activeName, setActiveName] = useState<string | undefined>(undefined);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);
  /** Where the keyboard last was, to stay there when that row leaves the list (e.g. flipped
   * out of a status filter). */
  const lastIndex = useRef(0);
  const phone = useMediaQuery(PHONE_QUERY);
  const width = useElementWidth(scrollRef, estimatedWidth);
  const rowHeight = phone ? PHONE_ROW_HEIGHT : ROW_HEIGHT;

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; TanStack's v8 hook is used as documented
  const table = useReactTable({
    data: rows as SyscallRow[],
    columns: COLUMNS,
    state: {
      sorting,
      // Narrow screens keep the name and the status; the rest is in the details panel.
      // Narrow tables (the JSON editor beside them) give up the columns the details repeat.
      columnVisibility: {
        reason: !phone && width >= REASON_FROM,
        capability: !phone && width >= CAPABILITY_FROM,
        number: !phone && width >= CAPABILITY_FROM,
        category: !phone && width >= WIDE_COLUMNS_FROM,
        description: !phone && width >= WIDE_COLUMNS_FROM,
      },
    },
    onSortingChange: setSorting,
    getCoreRowModel: getStableCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.name,
    sortDescFirst: false,
    meta: { extras, onToggle, locked },
  });
  const tableRows = table.getRowModel().rows;

  // The first frame after load, and after each new search or filter, renders the rows in view
  // and a few more; the rest of the overscan (rows ready for scrolling) follows once the page is
  // idle, so it never delays the frame that shows the change (a search keystroke brings a new
  // set of rows: each one rendered is DOM made in that keystroke's task).
  const [fullOverscanFor, setFullOverscanFor] = useState<string | undefined>(undefined);
  useEffect(() => whenIdle(() => setFullOverscanFor(resetKey), FULL_OVERSCAN_AFTER_MS), [resetKey]);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: fullOverscanFor === resetKey ? 12 : 2,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  const activeIndex = Math.max(
    0,
    tableRows.findIndex((row) => row.id === activeName),
  );

  // Focus the row the keyboard moved to once the virtualiser has rendered it.
  useEffect(() => {
    const name = pendingFocus.current;
    if (name === undefined) return;
    const element = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-name="${CSS.escape(name)}"]`,
    );
    if (element) {
      pendingFocus.current = undefined;
      element.focus({ preventScroll: true });
    }
  });

  // Only when scrolled: setting scrollTop makes the browser lay the page out there and then
  // (10 ms in each search keystroke's task), and the virtualiser knows the offset already.
  useEffect(() => {
    if (scrollRef.current && (virtualizer.scrollOffset ?? 0) !== 0) scrollRef.current.scrollTop = 0;
  }, [resetKey, virtualizer]);

  // The row the JSON editor's cursor is on comes into view (without taking the focus).
  const highlightedIndex =
    highlighted === undefined ? -1 : tableRows.findIndex((row) => row.id === highlighted);
  useEffect(() => {
    if (highlightedIndex >= 0) virtualizer.scrollToIndex(highlightedIndex, { align: 'auto' });
  }, [highlightedIndex, virtualizer]);

  // The focused row left the list (its switch flipped it out of a filter): focus the row that
  // took its place, so the keyboard keeps its place.
  useEffect(() => {
    if (activeName === undefined || tableRows.some((row) => row.id === activeName)) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    const next = tableRows[Math.min(lastIndex.current, tableRows.length - 1)];
    if (!next) return;
    const element = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-name="${CSS.escape(next.id)}"]`,
    );
    element?.focus({ preventScroll: true });
  }, [tableRows, activeName]);

  const moveTo = (index: number) => {
    const target = tableRows[Math.min(Math.max(index, 0), tableRows.length - 1)];
    if (!target) return;
    lastIndex.current = target.index;
    pendingFocus.current = target.id;
    setActiveName(target.id);
    virtualizer.scrollToIndex(target.index, { align: 'auto' });
    const element = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-name="${CSS.escape(target.id)}"]`,
    );
    if (element) {
      pendingFocus.current = undefined;
      element.focus({ preventScroll: true });
    }
  };

  useImperativeHandle(ref, () => ({
    focusRow(syscall: string) {
      const index = tableRows.findIndex((row) => row.id === syscall);
      if (index >= 0) moveTo(index);
    },
  }));

  const handleKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const rowElement = (event.target as HTMLElement).closest('tr[data-name]');
    if (!(rowElement instanceof HTMLElement) || event.target !== rowElement) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = tableRows.findIndex((row) => row.id === rowElement.dataset.name);
    if (index < 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    if (isNavigationKey(event.key)) {
      event.preventDefault();
      const next =
        event.key === 'ArrowDown'
          ? index + 1
          : event.key === 'ArrowUp'
            ? index - 1
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? tableRows.length - 1
                : event.key === 'PageDown'
                  ? index + page
                  : index - page;
      moveTo(next);
    } else if (event.key === ' ') {
      event.preventDefault();
      // While locked the app says why instead of flipping.
      onToggle(tableRows[index]!.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(tableRows[index]!.id);
    }
  };

  // Stable, so that rows whose content didn't change are not rendered again (SyscallTableRow).
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  const handleRowClick = useCallback((event: MouseEvent<HTMLTableRowElement>, name: string) => {
    if ((event.target as HTMLElement).closest('a, button, input, select')) return;
    setActiveName(name);
    onOpenRef.current(name);
  }, []);
  const handleRowFocus = useCallback(
    (event: FocusEvent<HTMLTableRowElement>, index: number, name: string) => {
      if (event.target !== event.currentTarget) return;
      lastIndex.current = index;
      setActiveName(name);
    },
    [],
  );

  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  const paddingTop = items.length > 0 ? items[0]!.start - HEADER_HEIGHT : 0;
  const paddingBottom = items.length > 0 ? totalSize - items[items.length - 1]!.end : 0;
  const visibleLeafColumns = table.getVisibleLeafColumns();
  const columnCount = visibleLeafColumns.length;
  const visibleColumns = visibleLeafColumns.map((leaf) => leaf.id).join(' ');

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="syscall-table" aria-rowcount={tableRows.length + 1}>
        <caption className="visually-hidden">
          Syscalls and their status under the current profile; numbers are for {arch}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={header.column.columnDef.meta?.className}
                    aria-sort={
                      !canSort
                        ? undefined
                        : sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : 'none'
                    }
                    title={header.column.id === 'number' ? `Syscall number on ${arch}` : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {label}
                        <span
                          className={`sort-icon sort-icon--${sorted || 'none'}`}
                          aria-hidden="true"
                        />
                      </button>
                    ) : (
                      <span className="header-label">{label}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef} onKeyDown={handleKeyDown}>
          {tableRows.length === 0 && (
            <tr>
              <td colSpan={columnCount} className="empty-cell">
                {emptyMessage}
              </td>
            </tr>
          )}
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index]!;
            const data = row.original;
            return (
              <SyscallTableRow
                key={row.id}
                row={row}
                shown={data}
                hint={extras.hint(data.name)}
                conditionalExtras={data.kind === 'conditional' ? extras : undefined}
                locked={locked}
                onToggle={onToggle}
                columns={visibleColumns}
                index={item.index}
                active={item.index === activeIndex}
                linked={row.id === highlighted}
                height={rowHeight}
                onRowClick={handleRowClick}
                onRowFocus={handleRowFocus}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
