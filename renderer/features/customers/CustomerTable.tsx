import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../db/customer-list';
import { formatters } from '../../i18n/format';
import { customerColumns } from './columns';
import type { CustomerSort } from './filters';

const ROW_HEIGHT = 32;

type Props = {
  rows: CustomerRow[];
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
  columnVisibility: VisibilityState;
  ownerNames: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
};

/**
 * The customer list: only the rows in view are in the DOM and in the table model (the table gets
 * the visible slice as its data), so 100k accounts scroll and filter like 700. Sorting happens over
 * all rows in the page. Arrow keys, Page Up/Down and Ctrl+Home/End move between rows, Enter opens.
 */
export function CustomerTable({ rows, sort, onSort, columnVisibility, ownerNames, onOpen }: Props) {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const columns = useMemo(() => customerColumns(t, fmt, ownerNames), [t, fmt, ownerNames]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual and Table keep their own memoisation; the React Compiler rule cannot see that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const from = items[0]?.index ?? 0;
  const to = (items[items.length - 1]?.index ?? -1) + 1;
  // A new data array only when the rows in view change: the table rebuilds its model per data array.
  const slice = useMemo(() => rows.slice(from, to), [rows, from, to]);
  const table = useReactTable({
    data: slice,
    columns,
    state: { columnVisibility, sorting: [sort] },
    manualSorting: true,
    autoResetAll: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  const tableRows = table.getRowModel().rows;

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const move = (to: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(rows.length - 1, to));
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'PageDown') move(index + 15);
    else if (event.key === 'PageUp') move(index - 15);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(rows.length - 1);
    else if (event.key === 'Enter') onOpen(rows[index]?.id ?? '');
  };

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="grid-table" style={{ width: table.getTotalSize() }} aria-rowcount={rows.length + 1} aria-label={t('tableLabel')}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = sort.id === header.column.id ? (sort.desc ? 'descending' : 'ascending') : undefined;
                return (
                  <th key={header.id} style={{ width: header.getSize() }} aria-sort={sorted}>
                    <button
                      type="button"
                      className="sort"
                      onClick={() => onSort({ id: header.column.id, desc: sort.id === header.column.id ? !sort.desc : false })}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item, i) => {
            const row = tableRows[i];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={0}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(row.id)}
                onKeyDown={(e) => onRowKey(e, item.index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} style={{ width: cell.column.getSize() }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
