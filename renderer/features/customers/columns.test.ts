import { createTable, getCoreRowModel, type SortingState, type TableOptionsResolved, type TableState } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { toCustomerRow, type CustomerRow } from '../../db/accounts/customer-list';
import { formatters } from '../../i18n/format';
import { customerColumns, HIDDEN_BY_DEFAULT, TABLE_OPTIONS, tableVisibility, type ColumnVisibility } from './columns';

const base = {
  id: '', updatedAt: 0, customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE',
  phone: '', email: '', website: '', category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'u1', productLines: [], tags: ['Bad'], notes: '', archived: false, createdAt: 0,
} satisfies Omit<Account, 'name'>;

// Keys stand in for the words: the test checks which label goes where, not the translations.
const t = ((key: string) => key) as unknown as TFunction;
const rows: CustomerRow[] = [
  toCustomerRow({ ...base, id: 'a', name: 'Müller Haustechnik', city: 'München' }, []),
  toCustomerRow({ ...base, id: 'b', name: 'Schulze Bau', city: 'Köln', ownerId: 'u2' }, [{ firstName: 'Sergej', lastName: 'Ivanov', email: '' }]),
];

/** A headless table set up as CustomerTable sets it up; `sorting` follows onSortingChange like the page's state. */
function listTable(visibility: ColumnVisibility, complaints: ReadonlySet<string> = new Set()) {
  const columns = customerColumns(t, formatters('de'), new Map([['u1', 'Anna'], ['u2', 'Ben']]), { complaint: 'open complaint' });
  let sorting: SortingState = [{ id: 'name', desc: false }];
  // As useReactTable does: the table's own defaults (pinning, sizing, …) under the state given.
  let initial: Partial<TableState> = {};
  let data = rows;
  let stateChanges = 0;
  const options = (): TableOptionsResolved<CustomerRow> => ({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    meta: { complaints },
    state: { ...initial, sorting, columnVisibility: tableVisibility(visibility) },
    onStateChange: () => stateChanges++,
    renderFallbackValue: null,
    ...TABLE_OPTIONS,
    onSortingChange: (updater) => {
      sorting = typeof updater === 'function' ? updater(sorting) : updater;
      table.setOptions(options());
    },
  });
  const table = createTable(options());
  initial = table.initialState;
  table.setOptions(options());
  const setData = (next: CustomerRow[]) => {
    data = next;
    table.setOptions(options());
  };
  return { table, sorting: () => sorting, setData, stateChanges: () => stateChanges };
}

const click = (table: ReturnType<typeof listTable>['table'], id: string) => table.getColumn(id)?.getToggleSortingHandler()?.({});

describe('customer list columns in TanStack Table', () => {
  it('shows the chosen columns in order and never hides the name', () => {
    const { table } = listTable({ ...HIDDEN_BY_DEFAULT, name: false, owner: false });
    const shown = table.getVisibleLeafColumns().map((c) => c.id);
    expect(shown[0]).toBe('name');
    expect(shown).not.toContain('country');
    expect(shown).not.toContain('owner');
    expect(shown).toContain('contacts');
    expect(table.getHeaderGroups()[0]?.headers.map((h) => h.column.id)).toEqual(shown);
  });

  it('sorts by a clicked column ascending, flips on the next click, and never drops the sort', () => {
    const { table, sorting } = listTable(HIDDEN_BY_DEFAULT);
    click(table, 'city');
    expect(sorting()).toEqual([{ id: 'city', desc: false }]);
    click(table, 'city');
    expect(sorting()).toEqual([{ id: 'city', desc: true }]);
    click(table, 'city');
    expect(sorting()).toEqual([{ id: 'city', desc: false }]);
    click(table, 'owner');
    expect(sorting()).toEqual([{ id: 'owner', desc: false }]);
    // Sorting is the page's: the table keeps the rows in the order given.
    expect(table.getRowModel().rows.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('renders cells as text from the row, with the complaint badge from the table meta', () => {
    const { table } = listTable(HIDDEN_BY_DEFAULT, new Set(['b']));
    const text = (rowId: string, columnId: string) => {
      const cell = table.getRow(rowId).getVisibleCells().find((c) => c.column.id === columnId);
      const render = cell?.column.columnDef.cell;
      return typeof render === 'function' && cell ? render(cell.getContext()) : render;
    };
    expect(text('a', 'name')).toBe('Müller Haustechnik');
    expect(text('b', 'name')).not.toBe('Schulze Bau');
    expect(text('b', 'owner')).toBe('Ben');
    expect(text('b', 'contacts')).toBe('Sergej Ivanov');
    expect(text('a', 'lastContact')).toBe('common:none');
  });

  it("gives the body's renderer (meta.render, called without row objects) the same content as TanStack's cell", () => {
    const { table } = listTable({}, new Set(['b']));
    for (const row of rows) {
      for (const cell of table.getRow(row.id).getVisibleCells()) {
        const render = cell.column.columnDef.cell;
        const viaTable = typeof render === 'function' ? render(cell.getContext()) : render;
        expect(cell.column.columnDef.meta?.render(row, row.id === 'b')).toEqual(viaTable);
      }
    }
  });

  it('takes a new slice of rows as data without a state change (no second render per keystroke or scroll step)', async () => {
    const { table, setData, stateChanges } = listTable(HIDDEN_BY_DEFAULT);
    expect(table.getRowModel().rows).toHaveLength(2);
    await Promise.resolve();
    for (const slice of [rows.slice(1), rows, rows.slice(0, 1)]) {
      setData(slice);
      expect(table.getRowModel().rows.map((r) => r.original)).toEqual(slice);
      await Promise.resolve();
    }
    expect(stateChanges()).toBe(0);
  });
});
