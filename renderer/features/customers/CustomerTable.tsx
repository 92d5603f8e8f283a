import { flexRender, getCoreRowModel, useReactTable, type Column, type SortingState, type Updater } from '@tanstack/react-table';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type CSSProperties, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../db/accounts/customer-list';
import { formatters } from '../../i18n/format';
import { customerColumns, TABLE_OPTIONS, tableVisibility, type ColumnVisibility, type ScoreCells } from './columns';
import type { CustomerSort } from './filters';
import { useRowWindow } from './useRowWindow';
import './customers.css';

/** Every row and the header are exactly this tall (CSS pins it), so rows are placed, never measured. */
const ROW_HEIGHT = 32;
/** Rows rendered beyond the screen each way: enough for a wheel step, few enough for a fast flick. */
const OVERSCAN = 4;
/** Rows moved by Page Up / Page Down. */
const PAGE = 15;

type Props = {
  rows: CustomerRow[];
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
  columnVisibility: ColumnVisibility;
  ownerNames: ReadonlyMap<string, string>;
  /** Accounts with an unresolved complaint: their rows carry a badge. */
  complaints: ReadonlySet<string>;
  /** Lead scores for the score column, once read. */
  scores?: ScoreCells | undefined;
  onOpen: (id: string) => void;
};

/** The shown columns with one style object and one cell renderer each, shared by every row (see cellStyle). */
type Look = { columns: Column<CustomerRow, unknown>[]; styles: CSSProperties[]; cells: Array<(row: CustomerRow, complaint: boolean) => ReactNode> };

type RowProps = {
  /** The window's first row carries the space above the window as its top margin (px); the others 0. */
  offset: number;
  /** The account shown. */
  row: CustomerRow;
  index: number;
  /** The account has an open complaint: its name cell carries a badge. */
  complaint: boolean;
  /** Changes when the cells would render differently (columns, visibility, language, owners). */
  look: Look;
  onOpen: (id: string) => void;
  onKey: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
};

/** A slot showing the same account at the same place with the same look is not rendered again. */
const sameRow = (a: RowProps, b: RowProps) =>
  a.row === b.row && a.index === b.index && a.offset === b.offset && a.complaint === b.complaint && a.look === b.look && a.onOpen === b.onOpen && a.onKey === b.onKey;

/**
 * One list row. The window's rows follow each other in the tbody in list order, the first pushed down
 * to its place by its top margin (no per-row position to restyle). Keys come from useRowWindow's keyOf:
 * a wheel step moves the few row elements that left to the other end, a screen-sized jump moves none
 * and gives every row new text. (Keys by index modulo the slot count moved ~17 elements per screen
 * scrolled; a moved row is styled and laid out afresh: traced 2026-11-23 as most of a fling frame.)
 */
const ListRow = memo(function ListRow({ row, index, offset, complaint, look, onOpen, onKey }: RowProps) {
  return (
    <tr
      style={offset ? { marginTop: offset } : undefined}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={0}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => onKey(e, index)}
    >
      {/* The renderers are called directly: flexRender would mount each as a component of its own (one
          more fiber per cell, several hundred per screen of new rows), and most cells stay plain text. */}
      {look.columns.map((column, i) => (
        <td key={column.id} className={`col-${column.id}`} style={look.styles[i]}>
          {look.cells[i]?.(row, complaint)}
        </td>
      ))}
    </tr>
  );
}, sameRow);

/** A header's label (the columns' headers are plain strings). */
const label = (header: unknown) => (typeof header === 'string' ? header : undefined);

/** Text columns share out extra width and give it back down to their minimum (see CustomerColumn). */
const cellStyle = (c: Column<CustomerRow, unknown>): CSSProperties => {
  const flex = c.columnDef.meta?.flex ?? 0;
  return { flex: `${flex} ${flex} ${c.getSize()}px`, minWidth: c.columnDef.minSize };
};

// Made once: TanStack builds a row model per table from these.
const coreRows = getCoreRowModel<CustomerRow>();
const rowId = (row: CustomerRow) => row.id;
/**
 * The table's data: none. The body renders the window's accounts through each column's meta.render;
 * handing TanStack the window's slice made a row object (~50 closures) and a cell object per column
 * for every row of every scroll frame, ~200 KB a frame: a young-generation GC every ~50 frames, which
 * on a loaded machine waits for its helper threads (traced 2026-12-08 at 100k: 10 scavenges per
 * whole-list scroll at ~23 ms CPU and ~115 ms wall each).
 */
const NO_DATA: CustomerRow[] = [];
const NO_CELL = () => null;

/**
 * The customer list, drawn by TanStack Table (headless: columns, visibility, sorting state, headers;
 * the body's cells come from the columns' meta.render, see NO_DATA). Only the rows in view are in
 * the DOM, in list order from their place down, so a keystroke or a scroll frame costs the same at
 * 100k accounts as at 700. Sorting and filtering happen over all rows in the page (manualSorting/manualFiltering). The
 * columns fill the width; when the chosen ones cannot fit, the list scrolls sideways with the name
 * column held in place. Arrow keys, Page Up/Down and Ctrl+Home/End move between rows, Enter opens.
 */
export function CustomerTable({ rows, sort, onSort, columnVisibility, ownerNames, complaints, scores, onOpen }: Props) {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const columns = useMemo(() => customerColumns(t, fmt, ownerNames, { complaint: t('openComplaint') }, scores), [t, fmt, ownerNames, scores]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const win = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, ROW_HEIGHT, OVERSCAN);
  const visibility = useMemo(() => tableVisibility(columnVisibility), [columnVisibility]);
  const sorting: SortingState = useMemo(() => [{ id: sort.id, desc: sort.desc }], [sort]);
  const meta = useMemo(() => ({ complaints }), [complaints]);
  // The app is not built with the React Compiler; what is memoized below from the table (the shown
  // columns) is TanStack's own memoized array, new exactly when the columns or their visibility change.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: NO_DATA,
    columns,
    getCoreRowModel: coreRows,
    getRowId: rowId,
    meta,
    state: { sorting, columnVisibility: visibility },
    ...TABLE_OPTIONS,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next) onSort({ id: next.id, desc: next.desc });
    },
  });
  const shown = table.getVisibleLeafColumns();
  const look: Look = useMemo(() => ({ columns: shown, styles: shown.map(cellStyle), cells: shown.map((c) => c.columnDef.meta?.render ?? NO_CELL) }), [shown]);
  const minWidth = shown.reduce((sum, c) => sum + (c.columnDef.minSize ?? 0), 0);

  // Rows get stable handlers that read the latest list and callbacks through refs.
  const latest = useRef({ rows, onOpen, reveal: win.reveal });
  useLayoutEffect(() => {
    latest.current = { rows, onOpen, reveal: win.reveal };
  });
  const open = useCallback((id: string) => latest.current.onOpen(id), []);
  const onRowKey = useCallback((event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const { rows: list, onOpen: openRow, reveal } = latest.current;
    const move = (target: number) => {
      event.preventDefault();
      const to = Math.max(0, Math.min(list.length - 1, target));
      // Set first: the re-render inside reveal already hands focus to the slot showing this row.
      focused.current = to;
      reveal(to);
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${to}"]`)?.focus({ preventScroll: true });
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'PageDown') move(index + PAGE);
    else if (event.key === 'PageUp') move(index - PAGE);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(list.length - 1);
    else if (event.key === 'Enter') openRow(list[index]?.id ?? '');
  }, []);

  // The focused row by list index. A jump of half a window or more gives every row element another
  // account (see keyOf), so focus is handed to the element now showing the focused account, or dropped
  // once that account has left the window.
  const focused = useRef<number | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const onBodyFocus = (e: FocusEvent<HTMLTableSectionElement>) => {
    const index = Number(e.target.getAttribute('data-index') ?? NaN);
    focused.current = Number.isNaN(index) ? null : index;
  };
  const onBodyBlur = (e: FocusEvent<HTMLTableSectionElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) focused.current = null;
  };
  useLayoutEffect(() => {
    const index = focused.current;
    const active = document.activeElement;
    if (index === null || !(active instanceof HTMLElement) || !bodyRef.current?.contains(active)) return;
    if (active.getAttribute('data-index') === String(index)) return;
    const slot = bodyRef.current.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (slot) slot.focus({ preventScroll: true });
    else active.blur();
  }, [win.from, win.to]);

  const body = [];
  for (let index = win.from; index < win.to; index++) {
    const row = rows[index] as CustomerRow;
    body.push(
      <ListRow
        key={win.keyOf(index)}
        offset={index === win.from ? win.from * ROW_HEIGHT : 0}
        row={row}
        index={index}
        complaint={complaints.has(row.id)}
        look={look}
        onOpen={open}
        onKey={onRowKey}
      />,
    );
  }

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table
        className={`grid-table customer-table${minWidth > win.width ? ' sideways' : ''}`}
        style={{ minWidth }}
        aria-rowcount={rows.length + 1}
        aria-label={t('tableLabel')}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header, i) => {
                const dir = header.column.getIsSorted();
                const sorted = dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined;
                return (
                  <th key={header.id} className={`col-${header.column.id}`} style={look.styles[i]} aria-sort={sorted}>
                    {/* The title gives the full label when the column is too narrow for it. */}
                    <button type="button" className="sort" title={label(header.column.columnDef.header)} onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef} style={{ height: rows.length * ROW_HEIGHT }} onFocus={onBodyFocus} onBlur={onBodyBlur}>
          {body}
        </tbody>
      </table>
    </div>
  );
}
