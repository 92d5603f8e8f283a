import { expect, it } from 'vitest';
import { toCsv } from '../export/csv';
import { parseCsvText } from './csv';
import { indexExisting, planImport } from './duplicates';
import { buildRecords } from './mapping';
import { buildImportReport, reportRows } from './report';

it('summarises a run, gives every row one outcome and lists every row that was not simply new, ready for download', () => {
  const rows = [['Müller GmbH', 'a@b.de'], ['Kaputt AG', 'kein-mail'], ['Müller GmbH', '']];
  const built = buildRecords(rows, ['account.name', 'account.email']);
  const plan = planImport(built.records, indexExisting([], []), 'skip');
  const report = buildImportReport('kunden.csv', [2, 3, 4], plan, built.errors);
  const id = plan.toCreate[0]?.values.id;
  expect(report).toEqual({
    fileName: 'kunden.csv',
    rowsRead: 3,
    created: { accounts: 1, contacts: 0 },
    updated: { accounts: 0, contacts: 0 },
    skipped: [{ row: 4, table: 'accounts', reason: 'duplicate_in_file' }],
    errors: [{ row: 3, field: 'account.email', code: 'email.invalid', params: { value: 'kein-mail' } }],
    outcomes: [
      { row: 2, kind: 'new', account: { table: 'accounts', id, name: 'Müller GmbH' } },
      { row: 3, kind: 'error', issues: [{ row: 3, field: 'account.email', code: 'email.invalid', params: { value: 'kein-mail' } }] },
      { row: 4, kind: 'skipped', table: 'accounts', reason: 'duplicate_in_file', ofRow: 2, record: { table: 'accounts', id, name: 'Müller GmbH' } },
    ],
  });
  const t = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key);
  const csv = toCsv(reportRows(report, t), { locale: 'de' });
  expect(parseCsvText(csv).rows).toEqual([
    ['3', 'import.field.account.email', 'import.error.email.invalid {"value":"kein-mail"}'],
    ['4', 'import.table.accounts', 'import.outcome.skipped_duplicate_in_file {"name":"Müller GmbH","ofRow":2}'],
  ]);
});
