import {
  createTable,
  getSortedRowModel,
  type ColumnDef,
  type TableOptionsResolved,
} from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { getStableCoreRowModel } from './stable-core-row-model.ts';

interface Item {
  name: string;
  status: string;
}

const COLUMNS: ColumnDef<Item, string>[] = [
  { id: 'name', accessorFn: (item) => item.name },
  { id: 'status', accessorFn: (item) => item.status },
];

function tableOf(data: Item[]) {
  const options: TableOptionsResolved<Item> = {
    data,
    columns: COLUMNS,
    state: { sorting: [] },
    onStateChange: () => {},
    renderFallbackValue: null,
    getRowId: (item) => item.name,
    getCoreRowModel: getStableCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  };
  const table = createTable(options);
  // As useReactTable does: the table's own initial state under the state given.
  const setData = (next: Item[], sorting: { id: string; desc: boolean }[] = []) =>
    table.setOptions((previous) => ({
      ...previous,
      data: next,
      state: { ...table.initialState, sorting },
    }));
  setData(data);
  return { table, setData };
}

const items = (statuses: Record<string, string>): Item[] =>
  Object.entries(statuses).map(([name, status]) => ({ name, status }));

describe('the stable core row model', () => {
  it('keeps each id’s row across new data, with the values of the new originals', () => {
    const { table, setData } = tableOf(items({ mount: 'blocked', read: 'allowed' }));
    const [mount, read] = table.getRowModel().rows;
    expect(mount!.getValue('status')).toBe('blocked');

    setData(items({ mount: 'allowed', read: 'allowed' }));
    const rows = table.getRowModel().rows;
    expect(rows[0]).toBe(mount);
    expect(rows[1]).toBe(read);
    expect(rows[0]!.getValue('status')).toBe('allowed');
    expect(rows[0]!.getVisibleCells()[1]!.getValue()).toBe('allowed');
    expect(table.getRowModel().rowsById.mount).toBe(mount);
  });

  it('narrowed and widened again (a search typed and cleared), rows keep their place and get new ones', () => {
    const { table, setData } = tableOf(items({ mount: 'blocked', read: 'allowed' }));
    const read = table.getRowModel().rows[1]!;
    setData(items({ read: 'allowed' }));
    expect(table.getRowModel().rows.map((row) => [row.id, row.index])).toEqual([['read', 0]]);
    setData(items({ mount: 'blocked', read: 'allowed', umount2: 'blocked' }));
    const rows = table.getRowModel().rows;
    expect(rows.map((row) => [row.id, row.index])).toEqual([
      ['mount', 0],
      ['read', 1],
      ['umount2', 2],
    ]);
    expect(rows[1]).toBe(read);
    expect(table.getRowModel().flatRows).toHaveLength(3);
  });

  it('sorts by the new values, not those read before', () => {
    const { table, setData } = tableOf(items({ mount: 'b-blocked', read: 'a-allowed' }));
    setData(table.options.data, [{ id: 'status', desc: false }]);
    expect(table.getRowModel().rows.map((row) => row.id)).toEqual(['read', 'mount']);
    setData(items({ mount: 'a-allowed', read: 'b-blocked' }), [{ id: 'status', desc: false }]);
    expect(table.getRowModel().rows.map((row) => row.id)).toEqual(['mount', 'read']);
  });
});
