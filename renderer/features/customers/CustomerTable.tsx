import { flexRender, getCoreRowModel, useReactTable, type Row, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../db/customer-list';
import { formatters } from '../../i18n/format';
import { customerColumns, type ListMeta } from './columns';
import type { CustomerSort } from './filters';
import './customers.css';

/** Every row is exactly this tall (CSS pins it), so the virtualizer never measures. */
const ROW_HEIGHT = 32;
/** Rows rendered beyond the screen each way: enough for a wheel step, few enough for a fast flick. */
const OVERSCAN = 6;

type Props = {
  rows: CustomerRow[];
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
  columnVisibility: VisibilityState;
  ownerNames: ReadonlyMap<string, string>;
  /** Accounts with an unresolved complaint: their rows carry a badge. */
  complaints: ReadonlySet<string>;
  onOpen: (id: string) => void;
};

type RowProps = {
  row: Row<CustomerRow>;
  index: number;
  start: number;
  complaint: boolean;
  /** Changes when the cells would render differently (columns, visibility, language). */
  look: unknown;
  onOpen: (id: string) => void;
  onKey: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
};

/**
 * One list row. The table hands out new row objects for every slice, so rows compare by the
 * account row behind them: while scrolling only rows entering the window render, and a keystroke
 * re-renders only the places whose account changed.
 */
const ListRow = memo(
  function ListRow({ row, index, start, onOpen, onKey }: RowProps) {
    return (
      <tr
        data-index={index}
        aria-rowindex={index + 2}
        tabIndex={0}
        style={{ transform: `translateY(${start}px)` }}
        onClick={() => onOpen(row.original.id)}
        onKeyDown={(e) => onKey(e, index)}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} style={{ width: cell.column.getSize() }}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.row.original === b.row.original && a.index === b.index && a.start === b.start && a.complaint === b.complaint &&
    a.look === b.look && a.onOpen === b.onOpen && a.onKey === b.onKey,
);

/**
 * The customer list: only the rows in view are in the DOM and in the table model (the table gets
 * the visible slice as its data), so 100k accounts scroll and filter like 700. Sorting happens over
 * all rows in the page. Arrow keys, Page Up/Down and Ctrl+Home/End move between rows, Enter opens.
 */
export function CustomerTable({ rows, sort, onSort, columnVisibility, ownerNames, complaints, onOpen }: Props) {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const columns = useMemo(() => customerColumns(t, fmt, ownerNames), [t, fmt, ownerNames]);
  const look = useMemo(() => ({ columns, columnVisibility }), [columns, columnVisibility]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual and Table keep their own memoisation; the React Compiler rule cannot see that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const from = items[0]?.index ?? 0;
  const to = (items[items.length - 1]?.index ?? -1) + 1;
  // A new data array only when the rows in view change: the table rebuilds its model per data array.
  const slice = useMemo(() => rows.slice(from, to), [rows, from, to]);
  const meta: ListMeta = useMemo(() => ({ complaints, complaintLabel: t('openComplaint'), complaintShort: t('openComplaintShort') }), [complaints, t]);
  const table = useReactTable({
    data: slice,
    columns,
    meta,
    state: { columnVisibility, sorting: [sort] },
    manualSorting: true,
    autoResetAll: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  const tableRows = table.getRowModel().rows;

  // Rows get stable handlers that read the latest list and callbacks through refs.
  const latest = useRef({ rows, onOpen, virtualizer });
  useLayoutEffect(() => {
    latest.current = { rows, onOpen, virtualizer };
  });
  const open = useCallback((id: string) => latest.current.onOpen(id), []);
  const onRowKey = useCallback((event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const { rows: all, onOpen: openRow, virtualizer: v } = latest.current;
    const move = (target: number) => {
      event.preventDefault();
      const to = Math.max(0, Math.min(all.length - 1, target));
      v.scrollToIndex(to);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus());
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'PageDown') move(index + 15);
    else if (event.key === 'PageUp') move(index - 15);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(all.length - 1);
    else if (event.key === 'Enter') openRow(all[index]?.id ?? '');
  }, []);

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="grid-table customer-table" style={{ width: table.getTotalSize() }} aria-rowcount={rows.length + 1} aria-label={t('tableLabel')}>
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
              <ListRow
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                complaint={complaints.has(row.original.id)}
                look={look}
                onOpen={open}
                onKey={onRowKey}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
