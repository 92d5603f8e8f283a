import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import { createBackup, parseBackup, serializeBackup } from './backup';
import { createBackupWriter, serializeBackupBytes } from './backup-writer';
import { asIsoDate } from '../time';

const NOW = new Date('2026-11-23T08:15:00.000Z');

/** Rows with what trips up hand-written JSON: escapes, umlauts, emoji, lone surrogates, undefined, nesting. */
const awkwardRows = [
  { id: 'a1', name: 'Müller & Söhne "GmbH"', note: 'Zeile 1\nZeile 2\t\\ Ende', updatedAt: 1 },
  { id: 'a2', name: 'Café 🚀 ☕', tags: ['ä', 'ß', ''], nested: { deep: [1, 2.5, null, true] }, gone: undefined, updatedAt: 2 },
  { id: 'a3', name: 'half \ud83d pair', at: new Date('2026-01-02T03:04:05.000Z'), fn: () => 1, updatedAt: -0 },
  { id: 'a4', name: '\u2028\u2029\u0000', big: 1e21, small: 5e-7, updatedAt: Number.MAX_SAFE_INTEGER },
];

describe('chunked backup writer', () => {
  it('writes the document serializeBackup writes, one row per line, the same bytes whatever the batch size', () => {
    const backup = createBackup({ accounts: awkwardRows, contacts: [], settings: [{ id: 'x', value: { a: [] }, updatedAt: 3 }] }, 4, NOW);
    const bytes = serializeBackupBytes(backup, 1);
    for (const batch of [2, 3, 1000]) expect(serializeBackupBytes(backup, batch)).toEqual(bytes);
    const text = new TextDecoder().decode(bytes);
    expect(JSON.parse(text)).toEqual(JSON.parse(serializeBackup(backup)));
    expect(text.split('\n').slice(2, 2 + awkwardRows.length).map((line) => JSON.parse(line.replace(/,$/, '')))).toEqual(JSON.parse(serializeBackup(backup)).tables.accounts);
    expect(text.endsWith('\n]\n}}\n')).toBe(true);
  });

  it('parses back to the rows serializeBackup writes for a demo database', () => {
    const data = generateDemoData({ seed: 11, accounts: 20, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
    const backup = createBackup(data as unknown as Record<string, unknown[]>, 4, NOW);
    const bytes = serializeBackupBytes(backup, 7);
    const parsed = parseBackup(new TextDecoder().decode(bytes));
    // Demo rows carry no derived fields, so nothing is left out.
    expect(parsed.ok && parsed.backup).toEqual(JSON.parse(serializeBackup(backup)));
  });

  it('writes a database without tables and tables without rows', () => {
    const parse = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    expect(parse(serializeBackupBytes(createBackup({}, 1, NOW)))).toEqual(createBackup({}, 1, NOW));
    const empty = createBackup({ a: [], b: [] }, 1, NOW);
    expect(parse(serializeBackupBytes(empty))).toEqual(empty);
  });

  it('takes rows as they are read, batch by batch, across tables', () => {
    const writer = createBackupWriter({ format: 'rapport-backup', version: 1, exportedAt: NOW.toISOString(), schemaVersion: 2 });
    writer.table('accounts');
    writer.rows(awkwardRows.slice(0, 1));
    writer.rows([]);
    writer.rows(awkwardRows.slice(1));
    writer.table('drafts');
    const bytes = writer.finish();
    expect(bytes).toEqual(serializeBackupBytes(createBackup({ accounts: awkwardRows, drafts: [] }, 2, NOW)));
    expect(() => writer.rows([])).toThrow();
  });
});
