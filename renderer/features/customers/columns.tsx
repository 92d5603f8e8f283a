import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { ACCOUNT_TYPES, LIFECYCLES } from '../../../shared/domain';
import type { CustomerRow } from '../../db/customer-list';
import type { ModeState } from '../../../shared/planning/rhythm';
import type { Formatters } from '../../i18n/format';
import { dueLabel } from '../rhythm/DueBadge';
import { dueSortKey, dueStateOfRow } from '../rhythm/due-status';

const col = createColumnHelper<CustomerRow>();

/** Every column of the list, in order; the column chooser hides or shows them. */
export const COLUMN_IDS = [
  'name', 'customerNumber', 'postalCode', 'city', 'country', 'category', 'accountType', 'lifecycle', 'owner', 'lastContact', 'due', 'tags', 'contacts',
] as const;

/** Columns hidden until chosen. */
export const HIDDEN_BY_DEFAULT: Record<string, boolean> = { country: false, tags: false };

/** What cells read from the table beyond their row: which accounts have an open complaint. */
export type ListMeta = { complaints: ReadonlySet<string>; complaintLabel: string; complaintShort: string };

/**
 * The account's name, with a badge when a complaint is open: icon and a short word on screen (the
 * name keeps its room), the full words for screen readers and as a tooltip.
 */
function NameCell({ name, complaint, meta }: { name: string; complaint: boolean; meta: ListMeta | undefined }) {
  return (
    <span className="name-cell">
      <span className="name-text">{name}</span>
      {complaint && meta && (
        <span className="badge complaint-open list-badge" title={meta.complaintLabel}>
          <span aria-hidden="true">⚠ {meta.complaintShort}</span>
          <span className="sr-only">{meta.complaintLabel}</span>
        </span>
      )}
    </span>
  );
}

/**
 * Columns of the customer list. Sorting is done by the page over all rows (see filters.ts). Cells
 * are plain functions of their row with labels looked up once here, not per row: a fast scroll
 * renders a whole screen of new rows per frame.
 */
export function customerColumns(t: TFunction, fmt: Formatters, ownerNames: ReadonlyMap<string, string>): ColumnDef<CustomerRow, string>[] {
  const typeLabel = new Map<string, string>(ACCOUNT_TYPES.map((v) => [v, t(`common:accountType.${v}`)]));
  const lifecycleLabel = new Map<string, string>(LIFECYCLES.map((v) => [v, t(`common:lifecycle.${v}`)]));
  const none = t('common:none');
  const rhythmT = (key: string, options?: Record<string, unknown>) => t(`rhythm:${key}`, options ?? {});
  // i18next's plural lookup per row was a visible share of a scroll frame: one lookup per state and day count.
  const dueTexts = new Map<string, string>();
  const dueText = (s: ModeState) => {
    const key = `${s.status}:${s.daysOverdue ?? ''}`;
    let text = dueTexts.get(key);
    if (text === undefined) dueTexts.set(key, (text = dueLabel(rhythmT, s)));
    return text;
  };
  const dates = new Map<string, string>();
  const date = (iso: string) => {
    let text = dates.get(iso);
    if (text === undefined) dates.set(iso, (text = fmt.date(iso)));
    return text;
  };
  return [
    col.accessor('name', {
      id: 'name',
      header: t('column.name'),
      size: 300,
      enableHiding: false,
      cell: (c) => {
        const meta = c.table.options.meta as ListMeta | undefined;
        return <NameCell name={c.getValue()} complaint={meta?.complaints.has(c.row.original.id) ?? false} meta={meta} />;
      },
    }),
    col.accessor('customerNumber', { id: 'customerNumber', header: t('column.customerNumber'), size: 110 }),
    col.accessor('postalCode', { id: 'postalCode', header: t('column.postalCode'), size: 80 }),
    col.accessor('city', { id: 'city', header: t('column.city'), size: 150 }),
    col.accessor('country', { id: 'country', header: t('column.country'), size: 70 }),
    col.accessor((r): string => r.category, { id: 'category', header: t('column.category'), size: 60 }),
    col.accessor((r): string => r.accountType, { id: 'accountType', header: t('column.accountType'), size: 95, cell: (c) => typeLabel.get(c.getValue()) }),
    col.accessor((r): string => r.lifecycle, { id: 'lifecycle', header: t('column.lifecycle'), size: 140, cell: (c) => lifecycleLabel.get(c.getValue()) }),
    col.accessor((r) => ownerNames.get(r.ownerId) ?? '', { id: 'owner', header: t('column.owner'), size: 150 }),
    col.accessor((r) => r.lastHumanContactAt ?? '', {
      id: 'lastContact',
      header: t('column.lastContact'),
      size: 120,
      cell: (c) => (c.getValue() ? date(c.getValue()) : none),
    }),
    col.accessor((r) => dueSortKey(r), {
      id: 'due',
      header: t('column.due'),
      size: 170,
      // The same words and colours as the account page's due badge (rhythm/DueBadge.tsx).
      cell: (c) => {
        const s = dueStateOfRow(c.row.original);
        if (!s) return <span className="muted">{none}</span>;
        return <span className={`due-text due-${s.status}`}>{dueText(s)}</span>;
      },
    }),
    col.accessor((r) => r.tags.join(', '), { id: 'tags', header: t('column.tags'), size: 160 }),
    col.accessor('contactNames', { id: 'contacts', header: t('column.contacts'), size: 260 }),
  ];
}
