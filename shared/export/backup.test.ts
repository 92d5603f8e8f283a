import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, serializeBackup } from './backup';

const tables = {
  accounts: [{ id: 'a1', updatedAt: 1, name: 'Müller', tags: ['x'], rhythm: { humanDays: 30 }, lifecycleDates: { lead: '2026-01-02' }, annualRevenue: 1234.56 }],
  contacts: [{ id: 'c1', updatedAt: 2, accountId: 'a1', firstName: 'Hans', birthday: { day: 29, month: 2 }, notes: 'Zeile\n"zwei"\u2028' }],
  settings: [],
};

describe('backup', () => {
  it('round-trips exactly through JSON', () => {
    const backup = createBackup(tables, 3, new Date('2026-11-23T08:00:00.000Z'));
    const parsed = parseBackup(serializeBackup(backup), { knownTables: ['accounts', 'contacts', 'settings'], maxSchemaVersion: 3 });
    expect(parsed).toEqual({ ok: true, backup: { format: 'rapport-backup', version: 1, exportedAt: '2026-11-23T08:00:00.000Z', schemaVersion: 3, tables } });
  });

  it('refuses non-JSON, other formats and newer versions', () => {
    expect(parseBackup('{nope')).toEqual({ ok: false, issues: [{ code: 'backup.not_json' }] });
    expect(parseBackup('{"format":"other"}')).toEqual({ ok: false, issues: [{ code: 'backup.wrong_format' }] });
    const newer = serializeBackup({ ...createBackup({}, 1), version: 2 as 1 });
    expect(parseBackup(newer)).toMatchObject({ ok: false, issues: [{ code: 'backup.newer_version' }] });
    expect(parseBackup(serializeBackup(createBackup({}, 9)), { maxSchemaVersion: 3 })).toMatchObject({ ok: false, issues: [{ code: 'backup.newer_schema', params: { schemaVersion: 9, max: 3 } }] });
    expect(parseBackup('{"format":"rapport-backup","version":1,"exportedAt":"gestern","schemaVersion":1,"tables":{}}')).toEqual({ ok: false, issues: [{ code: 'backup.invalid_header', path: 'exportedAt' }] });
  });

  it('names the table and row index of bad rows', () => {
    const bad = createBackup({ accounts: [{ id: 'a1', updatedAt: 1 }, { id: 'a1', updatedAt: 2 }, { id: '', updatedAt: 3 }, 'x'], contacts: [{ id: 'c1' }], spam: [] }, 1);
    const r = parseBackup(serializeBackup(bad), { knownTables: ['accounts', 'contacts'] });
    expect(r).toEqual({
      ok: false,
      issues: [
        { code: 'backup.duplicate_id', table: 'accounts', index: 1, params: { id: 'a1' } },
        { code: 'backup.invalid_row', table: 'accounts', index: 2, path: 'id' },
        { code: 'backup.invalid_row', table: 'accounts', index: 3, path: '' },
        { code: 'backup.invalid_row', table: 'contacts', index: 0, path: 'updatedAt' },
        { code: 'backup.unknown_table', table: 'spam' },
      ],
    });
  });
});
