import {
  createRow,
  getMemoOptions,
  memo,
  type Row,
  type RowData,
  type RowModel,
  type Table,
} from '@tanstack/react-table';

/**
 * TanStack's core row model for flat data whose rows have ids (`getRowId`), keeping each id's
 * `Row` from one `data` to the next. Every change to the profile gives the table a new array
 * of new row objects; TanStack's own `getCoreRowModel` then makes all 508 `Row`s again, each
 * with the dozens of methods its features attach (5-10 ms on a fresh page). Here a kept `Row`
 * takes the new original and drops the values it read from the old one, and only ids new to
 * the table get a `Row` made.
 */
export function getStableCoreRowModel<TData extends RowData>(): (
  table: Table<TData>,
) => () => RowModel<TData> {
  return (table) => {
    // Every id seen (the catalog's syscalls at most), so a search that narrows the table and
    // is then cleared finds its rows again.
    const kept = new Map<string, Row<TData>>();
    return memo(
      () => [table.options.data],
      (data) => {
        const model: RowModel<TData> = { rows: [], flatRows: [], rowsById: {} };
        data.forEach((original, index) => {
          const id = table._getRowId(original, index);
          let row = kept.get(id);
          if (row === undefined) {
            row = createRow(table, id, original, index, 0);
            kept.set(id, row);
          } else {
            if (row.original !== original) {
              row.original = original;
              row._valuesCache = {};
              row._uniqueValuesCache = {};
            }
            row.index = index;
          }
          model.rows.push(row);
          model.flatRows.push(row);
          model.rowsById[id] = row;
        });
        return model;
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel', () => table._autoResetPageIndex()),
    );
  };
}
