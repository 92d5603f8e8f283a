import { createColumnHelper, type ColumnDef, type RowData } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ACCOUNT_TYPES, LIFECYCLES } from '../../../shared/domain';
import type { CustomerRow } from '../../db/accounts/customer-list';
import type { ModeState } from '../../../shared/planning/rhythm';
import type { Formatters } from '../../i18n/format';
import { dueLabel, dueStateOfRow } from '../rhythm';
import { ownerLabels } from './owner-labels';

/** Every column of the list, in order; the column chooser hides or shows them. */
export const COLUMN_IDS = [
  'name', 'customerNumber', 'postalCode', 'city', 'country', 'category', 'accountType', 'lifecycle', 'leadScore', 'owner', 'lastContact', 'due', 'tags', 'contacts',
] as const;

export type ColumnId = (typeof COLUMN_IDS)[number];

/** Columns hidden until chosen. */
export const HIDDEN_BY_DEFAULT: Record<string, boolean> = { country: false, tags: false, leadScore: false };

/** Which columns are shown: a column is shown unless set to false (the shape saved views store). */
export type ColumnVisibility = Record<string, boolean>;

/** Labels a cell needs beyond its row. */
export type CellLabels = { complaint: string };

/** Lead scores by account id with a band's label per score (pipeline's useLeadScores); absent until read. */
export type ScoreCells = { totals: ReadonlyMap<string, number>; label: (total: number) => string };

// TanStack Table takes per-column and per-table extras through declaration merging, which only works on
// interfaces (hence the lint exceptions).
declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /**
     * `size` is the preferred width. Columns of short, fixed-width values (dates, postal codes) keep it
     * (flex 0); text columns share out extra room and give up room down to `minSize`, in proportion to
     * flex × size, before the list scrolls sideways (CustomerTable).
     */
    flex: number;
    /**
     * The cell's content from the row alone: the list's body renders this, not TanStack's cell, so a
     * scroll frame makes no row or cell objects (see CustomerTable).
     */
    render: (row: CustomerRow, complaint: boolean) => ReactNode;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    /** Accounts with an unresolved complaint: their name cell carries a badge. */
    complaints: ReadonlySet<string>;
  }
}

/** One column of the list for TanStack Table; cells are plain text where possible (a scroll frame renders a screen of new rows). */
export type CustomerColumn = ColumnDef<CustomerRow, unknown>;

const helper = createColumnHelper<CustomerRow>();
const NO_COMPLAINTS: ReadonlySet<string> = new Set();

/**
 * The account's name, with a badge when a complaint is open. On screen the badge is an icon only,
 * so a long name keeps its room; the full words are the tooltip and what a screen reader says.
 * Without a badge the name is plain text in the cell: fewer elements to style per scrolled row.
 */
function nameCell(name: string, complaint: boolean, label: string): ReactNode {
  if (!complaint) return name;
  return (
    <span className="name-cell">
      <span className="name-text">{name}</span>
      <span className="badge complaint-open list-badge" title={label}>
        <span aria-hidden="true">⚠</span>
        <span className="sr-only">{label}</span>
      </span>
    </span>
  );
}

/** Remembers a function's text per key: formatting and plural lookups once per distinct value, not per cell. */
function cached(format: (key: string) => string): (key: string) => string {
  const texts = new Map<string, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = format(key)));
    return text;
  };
}

/**
 * Columns of the customer list, in COLUMN_IDS order. Sorting is done by the page over all rows
 * (see filters.ts), so the table runs with manualSorting and the accessors only name each column's
 * value. Labels are looked up once here, not per row.
 */
export function customerColumns(t: TFunction, fmt: Formatters, ownerNames: ReadonlyMap<string, string>, labels: CellLabels, scores?: ScoreCells): CustomerColumn[] {
  const typeLabel = new Map<string, string>(ACCOUNT_TYPES.map((v) => [v, t(`common:accountType.${v}`)]));
  const lifecycleLabel = new Map<string, string>(LIFECYCLES.map((v) => [v, t(`common:lifecycle.${v}`)]));
  // "Ehemaliger Kunde" would need a column a third wider than the other stages: the list shows "Ehemalig".
  const lifecycleShort = new Map<string, string>(LIFECYCLES.map((v) => [v, t(`lifecycleShort.${v}`)]));
  const none = t('common:none');
  const rhythmT = (key: string, options?: Record<string, unknown>) => t(`rhythm:${key}`, options ?? {});
  const date = cached((iso) => fmt.date(iso));
  // "J. Krämer", "J. Weißmüller": the surname readable in the column (owner-labels.ts).
  const owners = ownerLabels(ownerNames);
  // i18next's plural lookup per row was a visible share of a scroll frame: one lookup per state and day count.
  const dueTexts = new Map<string, string>();
  const dueText = (s: ModeState) => {
    const key = `${s.status}:${s.daysOverdue ?? ''}`;
    let text = dueTexts.get(key);
    if (text === undefined) dueTexts.set(key, (text = dueLabel(rhythmT, s, 'short')));
    return text;
  };
  const column = (id: ColumnId, size: number, minSize: number, flex: number, value: (r: CustomerRow) => unknown, cell: (r: CustomerRow, complaint: boolean) => ReactNode): CustomerColumn =>
    helper.accessor(value, {
      id,
      header: t(`column.${id}`),
      size,
      minSize: flex > 0 ? minSize : size,
      meta: { flex, render: cell },
      cell: (ctx) => cell(ctx.row.original, (ctx.table.options.meta?.complaints ?? NO_COMPLAINTS).has(ctx.row.original.id)),
      // The name is what a row is recognised by: always shown.
      enableHiding: id !== 'name',
    });
  // The name gives up room last: it is what a row is recognised by.
  return [
    column('name', 320, 190, 0.5, (r) => r.name, (r, complaint) => nameCell(r.name, complaint, labels.complaint)),
    // Often empty, and at most "K123456": narrow, so the default columns fit a 1366 px window with room to spare.
    column('customerNumber', 84, 84, 0, (r) => r.customerNumber, (r) => r.customerNumber),
    column('postalCode', 64, 64, 0, (r) => r.postalCode, (r) => r.postalCode),
    column('city', 150, 90, 1, (r) => r.city, (r) => r.city),
    column('country', 60, 60, 0, (r) => r.country, (r) => r.country),
    column('category', 48, 48, 0, (r) => r.category, (r) => r.category),
    column('accountType', 100, 100, 0, (r) => r.accountType, (r) => typeLabel.get(r.accountType)),
    column('lifecycle', 110, 100, 0.5, (r) => r.lifecycle, (r) => shortCell(lifecycleLabel.get(r.lifecycle) ?? '', lifecycleShort.get(r.lifecycle) ?? '')),
    // Leads and prospects only; highest first on the first click.
    { ...column('leadScore', 110, 110, 0, (r) => scores?.totals.get(r.id), (r) => { const s = scores?.totals.get(r.id); return s === undefined ? '' : `${fmt.number(s)} · ${scores?.label(s) ?? ''}`; }), sortDescFirst: true },
    column('owner', 130, 110, 0.5, (r) => r.ownerId, (r) => shortCell(ownerNames.get(r.ownerId) ?? '', owners.get(r.ownerId) ?? '')),
    // "27.11.2026" / "27/11/2026" whole in DejaVu Sans, Linux's UI font (92 px cut the year off).
    column('lastContact', 98, 98, 0, (r) => r.lastHumanContactAt, (r) => (r.lastHumanContactAt ? date(r.lastHumanContactAt) : none)),
    // The same colours as the account page's due badge (rhythm/DueBadge.tsx), in its short words: wide enough
    // for "102 Tage überfällig" in bold, so the days are never cut off.
    column('due', 172, 172, 0, dueStateOfRow, (r) => {
      const s = dueStateOfRow(r);
      if (!s) return <span className="muted">{none}</span>;
      return <span className={`due-text due-${s.status}`}>{dueText(s)}</span>;
    }),
    column('tags', 150, 90, 1, (r) => r.tags, (r) => r.tags.join(', ')),
    column('contacts', 220, 90, 3, (r) => r.contactNames, (r) => r.contactNames),
  ];
}

/**
 * How the list drives TanStack Table: rows arrive sorted and filtered by the page (filters.ts,
 * search.ts), so the table only keeps the sort state. A header click sorts by that column ascending,
 * a second click flips it; there is always exactly one sort.
 */
export const TABLE_OPTIONS = {
  manualSorting: true,
  manualFiltering: true,
  enableMultiSort: false,
  enableSortingRemoval: false,
  sortDescFirst: false,
  // Nothing here pages or expands; left on, every new data slice (each keystroke and scroll step, see
  // CustomerTable) would queue a page-index reset: a second render of the whole list each time.
  autoResetAll: false,
} as const;

/** The table's visibility state from the saved one: a view saved before the name was fixed could hide it. */
export function tableVisibility(saved: ColumnVisibility): ColumnVisibility {
  return { ...saved, name: true };
}

/** The short text for the eye ("J. Krämer", "Ehemalig"); the full one for screen readers, search-in-page and the tooltip. */
function shortCell(full: string, short: string): ReactNode {
  if (!full || short === full) return full;
  return (
    <span title={full}>
      <span aria-hidden="true">{short}</span>
      <span className="sr-only">{full}</span>
    </span>
  );
}
