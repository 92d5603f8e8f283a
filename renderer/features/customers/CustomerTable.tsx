import { memo, useCallback, useLayoutEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../db/customer-list';
import { formatters } from '../../i18n/format';
import { customerColumns, visibleColumns, type ColumnVisibility, type CustomerColumn } from './columns';
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
  onOpen: (id: string) => void;
};

/** The shown columns with one style object each, shared by every row (see cellStyle). */
type Look = { columns: CustomerColumn[]; styles: CSSProperties[] };

type RowProps = {
  row: CustomerRow;
  index: number;
  complaint: boolean;
  /** Changes when the cells would render differently (columns, visibility, language, owners). */
  look: Look;
  onOpen: (id: string) => void;
  onKey: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
};

/**
 * One list row. Rows are keyed by their slot in the window (index modulo the slot count), so a
 * scroll step re-renders only the slots whose account changed and reuses their DOM elements; a
 * slot showing the same account at the same place is skipped.
 */
const ListRow = memo(function ListRow({ row, index, complaint, look, onOpen, onKey }: RowProps) {
  const ref = useRef<HTMLTableRowElement>(null);
  const shown = useRef(index);
  // A focused row scrolled out of the window hands its slot to another account: focus must not ride along.
  useLayoutEffect(() => {
    if (shown.current !== index && ref.current === document.activeElement) ref.current?.blur();
    shown.current = index;
  }, [index]);
  return (
    <tr
      ref={ref}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={0}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => onKey(e, index)}
    >
      {look.columns.map((c, i) => (
        <td key={c.id} className={`col-${c.id}`} style={look.styles[i]}>
          {c.cell(row, complaint)}
        </td>
      ))}
    </tr>
  );
});

/** Text columns share out extra width and give it back down to their minimum (see CustomerColumn). */
const cellStyle = (c: CustomerColumn): CSSProperties => ({ flex: `${c.flex} ${c.flex} ${c.size}px`, minWidth: c.minSize });

/**
 * The customer list: only the rows in view are in the DOM, placed by index at a fixed height, so
 * 100k accounts scroll and filter like 700. Sorting happens over all rows in the page. The columns
 * fill the width; when the chosen ones cannot fit, the list scrolls sideways with the name column
 * held in place. Arrow keys, Page Up/Down and Ctrl+Home/End move between rows, Enter opens.
 */
export function CustomerTable({ rows, sort, onSort, columnVisibility, ownerNames, complaints, onOpen }: Props) {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const all = useMemo(() => customerColumns(t, fmt, ownerNames, { complaint: t('openComplaint') }), [t, fmt, ownerNames]);
  const look: Look = useMemo(() => {
    const columns = visibleColumns(all, columnVisibility);
    return { columns, styles: columns.map(cellStyle) };
  }, [all, columnVisibility]);
  const minWidth = look.columns.reduce((sum, c) => sum + c.minSize, 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const win = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, ROW_HEIGHT, OVERSCAN);

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

  const body = [];
  for (let index = win.from; index < win.to; index++) {
    const row = rows[index] as CustomerRow;
    body.push(
      <ListRow
        key={index % win.slots}
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
          <tr aria-rowindex={1}>
            {look.columns.map((c, i) => {
              const sorted = sort.id === c.id ? (sort.desc ? 'descending' : 'ascending') : undefined;
              return (
                <th key={c.id} className={`col-${c.id}`} style={look.styles[i]} aria-sort={sorted}>
                  <button type="button" className="sort" onClick={() => onSort({ id: c.id, desc: sort.id === c.id ? !sort.desc : false })}>
                    {c.header}
                    <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody style={{ height: rows.length * ROW_HEIGHT }}>{body}</tbody>
      </table>
    </div>
  );
}
