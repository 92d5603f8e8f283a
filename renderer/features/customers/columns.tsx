import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../db/customer-list';
import type { Formatters } from '../../i18n/format';
import { DueCell } from '../rhythm/DueCell';
import { dueSortKey } from '../rhythm/due-status';

const col = createColumnHelper<CustomerRow>();

/** Every column of the list, in order; the column chooser hides or shows them. */
export const COLUMN_IDS = [
  'name', 'customerNumber', 'postalCode', 'city', 'country', 'category', 'accountType', 'lifecycle', 'owner', 'lastContact', 'due', 'tags', 'contacts',
] as const;

/** Columns hidden until chosen. */
export const HIDDEN_BY_DEFAULT: Record<string, boolean> = { country: false, tags: false };

/** Columns of the customer list. Sorting is done by the page over all rows (see filters.ts). */
export function customerColumns(t: TFunction, fmt: Formatters, ownerNames: ReadonlyMap<string, string>): ColumnDef<CustomerRow, string>[] {
  return [
    col.accessor('name', { id: 'name', header: t('column.name'), size: 280, enableHiding: false }),
    col.accessor('customerNumber', { id: 'customerNumber', header: t('column.customerNumber'), size: 110 }),
    col.accessor('postalCode', { id: 'postalCode', header: t('column.postalCode'), size: 80 }),
    col.accessor('city', { id: 'city', header: t('column.city'), size: 150 }),
    col.accessor('country', { id: 'country', header: t('column.country'), size: 70 }),
    col.accessor((r): string => r.category, { id: 'category', header: t('column.category'), size: 60 }),
    col.accessor((r): string => r.accountType, { id: 'accountType', header: t('column.accountType'), size: 95, cell: (c) => t(`common:accountType.${c.getValue()}`) }),
    col.accessor((r): string => r.lifecycle, { id: 'lifecycle', header: t('column.lifecycle'), size: 140, cell: (c) => t(`common:lifecycle.${c.getValue()}`) }),
    col.accessor((r) => ownerNames.get(r.ownerId) ?? '', { id: 'owner', header: t('column.owner'), size: 150 }),
    col.accessor((r) => r.lastHumanContactAt ?? '', {
      id: 'lastContact',
      header: t('column.lastContact'),
      size: 120,
      cell: (c) => (c.getValue() ? fmt.date(c.getValue()) : t('common:none')),
    }),
    col.accessor((r) => dueSortKey(r), { id: 'due', header: t('column.due'), size: 170, cell: (c) => <DueCell row={c.row.original} /> }),
    col.accessor((r) => r.tags.join(', '), { id: 'tags', header: t('column.tags'), size: 160 }),
    col.accessor('contactNames', { id: 'contacts', header: t('column.contacts'), size: 260 }),
  ];
}
