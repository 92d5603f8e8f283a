import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format';
import type { IndexedRow } from './filters';

const col = createColumnHelper<IndexedRow>();

/** Columns of the customer list; text columns sort with the UI locale's collation. */
export function customerColumns(
  t: TFunction,
  fmt: Formatters,
): ColumnDef<IndexedRow, string>[] {
  const text = (a: string, b: string) => fmt.compare(a, b);
  return [
    col.accessor((r) => r.account.name, { id: 'name', header: t('column.name'), size: 280, sortingFn: (a, b) => text(a.getValue('name'), b.getValue('name')) }),
    col.accessor((r) => r.account.customerNumber, { id: 'customerNumber', header: t('column.customerNumber'), size: 110 }),
    col.accessor((r) => r.account.postalCode, { id: 'postalCode', header: t('column.postalCode'), size: 80 }),
    col.accessor((r) => r.account.city, { id: 'city', header: t('column.city'), size: 150, sortingFn: (a, b) => text(a.getValue('city'), b.getValue('city')) }),
    col.accessor((r): string => r.account.category, { id: 'category', header: t('column.category'), size: 70 }),
    col.accessor((r): string => r.account.accountType, {
      id: 'accountType',
      header: t('column.accountType'),
      size: 100,
      cell: (c) => t(`common:accountType.${c.getValue()}`),
    }),
    col.accessor((r): string => r.account.lifecycle, {
      id: 'lifecycle',
      header: t('column.lifecycle'),
      size: 130,
      cell: (c) => t(`common:lifecycle.${c.getValue()}`),
    }),
    col.accessor((r) => r.ownerName, {
      id: 'owner',
      header: t('column.owner'),
      size: 150,
      sortingFn: (a, b) => text(a.getValue('owner'), b.getValue('owner')),
    }),
    col.accessor((r) => r.account.lastHumanContactAt ?? '', {
      id: 'lastContact',
      header: t('column.lastContact'),
      size: 120,
      cell: (c) => (c.getValue() ? fmt.date(c.getValue()) : t('common:none')),
    }),
    col.accessor((r) => r.contactNames, { id: 'contacts', header: t('column.contacts'), size: 260, enableSorting: false }),
  ];
}
