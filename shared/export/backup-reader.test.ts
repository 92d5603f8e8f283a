import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import { createBackup, serializeBackup, type Backup } from './backup';
import { BackupReadError, openBackupReader, type BackupReadOptions } from './backup-reader';
import { serializeBackupBytes } from './backup-writer';
import { asIsoDate } from '../time';

const NOW = new Date('2026-11-23T08:15:00.000Z');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Rows with what trips up a reader cutting bytes: escapes, umlauts, emoji (4-byte UTF-8), U+2028, escaped newlines. */
const awkward = [
  { id: 'a1', name: 'Müller & Söhne "GmbH"', note: 'Zeile 1\nZeile 2\r\n\t\\ Ende\\', updatedAt: 1 },
  { id: 'a2', name: 'Café 🚀 ☕ 𝄞', tags: ['ä', 'ß', '', '],', '{"x":1},'], nested: { deep: [1, 2.5, null, true] }, updatedAt: 2 },
  { id: 'a3', name: 'half \ud83d pair', at: '2026-01-02T03:04:05.000Z', updatedAt: 3 },
  { id: 'a4', name: '\u2028\u2029\u0000 "}}" \n]', big: 1e21, updatedAt: Number.MAX_SAFE_INTEGER },
];

/** Everything a reader gives, by table. */
async function readAll(bytes: Uint8Array, options: BackupReadOptions = {}, max = 3) {
  const reader = await openBackupReader(bytes, options);
  const tables: Record<string, unknown[]> = {};
  for (let batch = await reader.next(max); batch; batch = await reader.next(max)) {
    expect(batch.first).toBe(tables[batch.table]?.length ?? 0);
    (tables[batch.table] ??= []).push(...batch.rows);
  }
  expect(reader.progress()).toBe(1);
  return { header: reader.header, tables };
}

async function issueOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof BackupReadError) return error.issue;
    throw error;
  }
  throw new Error('no issue');
}

const rows = (backup: Backup) => JSON.parse(serializeBackup(backup)).tables as Record<string, unknown[]>;
const nonEmpty = (tables: Record<string, unknown[]>) => Object.fromEntries(Object.entries(tables).filter(([, r]) => r.length > 0));

describe('line-per-row backups', () => {
  const backup = createBackup({ accounts: awkward, drafts: [], settings: [{ id: 's', value: { a: [] }, updatedAt: 3 }] }, 4, NOW);
  const bytes = serializeBackupBytes(backup, 2);

  it('are one JSON document equal to the backup', async () => {
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(JSON.parse(serializeBackup(backup)));
    // Header, 3 tables (open, rows, close), end, and the final line break.
    expect(new TextDecoder().decode(bytes).split('\n')).toHaveLength(1 + (2 + awkward.length) + 2 + (2 + 1) + 1 + 1);
  });

  it('read back identically, whatever the chunk size (cuts inside strings, escapes and multi-byte characters)', async () => {
    const expected = nonEmpty(rows(backup));
    for (const chunkBytes of [1, 2, 3, 5, 7, 13, 64, 1 << 20]) {
      for (const max of [1, 2, 1000]) {
        const read = await readAll(bytes, { chunkBytes }, max);
        expect(read.tables).toEqual(expected);
        expect(read.header).toEqual({ format: 'rapport-backup', version: 1, exportedAt: NOW.toISOString(), schemaVersion: 4 });
      }
    }
  });

  it('round-trip a demo database, every row as written', async () => {
    const data = generateDemoData({ seed: 11, accounts: 30, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
    const demo = createBackup(data as unknown as Record<string, unknown[]>, 4, NOW);
    expect((await readAll(serializeBackupBytes(demo, 7), { chunkBytes: 333 }, 50)).tables).toEqual(nonEmpty(rows(demo)));
  });

  it('leave derived fields out but keep the sync mark', async () => {
    const derived = createBackup({ accounts: [{ id: 'a', name: 'Ä', sortKey: 'a', updatedAt: 1, syncDirty: 1 }], interactions: [{ id: 'i', words: ['x'], wordsStale: 1, updatedAt: 1 }] }, 4, NOW);
    expect((await readAll(serializeBackupBytes(derived))).tables).toEqual({ accounts: [{ id: 'a', name: 'Ä', updatedAt: 1, syncDirty: 1 }], interactions: [{ id: 'i', updatedAt: 1 }] });
  });

  it('report a cut-off file wherever it was cut, and accept one missing only its last line break', async () => {
    const headerEnd = bytes.indexOf(0x0a) + 1;
    for (let cut = headerEnd; cut < bytes.length - 1; cut++) {
      for (const chunkBytes of [4, 1 << 20]) {
        expect(await issueOf(() => readAll(bytes.subarray(0, cut), { chunkBytes })), `cut at ${cut}`).toMatchObject({ code: 'backup.truncated' });
      }
    }
    expect((await readAll(bytes.subarray(0, bytes.length - 1))).tables).toEqual(nonEmpty(rows(backup)));
  });

  it('name table, row, line and field of a row that fails its check', async () => {
    const tables = { accounts: { key: 'id', updatedAt: true }, drafts: { key: 'id', updatedAt: true }, settings: { key: 'id', updatedAt: false } } as const;
    const bad = createBackup({ accounts: [awkward[0], { id: 'x', name: 'no stamp' }], settings: [] }, 4, NOW);
    expect(await issueOf(() => readAll(serializeBackupBytes(bad), { tables }))).toEqual({ code: 'backup.invalid_row', table: 'accounts', index: 1, line: 4, path: 'updatedAt' });
    const noKey = createBackup({ settings: [{ value: 1 }] }, 4, NOW);
    expect(await issueOf(() => readAll(serializeBackupBytes(noKey), { tables }))).toMatchObject({ code: 'backup.invalid_row', table: 'settings', index: 0, path: 'id' });
    // Key-less sync tables (compound keys) and settings without a stamp are fine.
    const sync = createBackup({ syncRows: [{ table: 'accounts', rowId: 'a', fields: {} }] }, 4, NOW);
    expect((await readAll(serializeBackupBytes(sync), { tables: { syncRows: { key: ['table', 'rowId'], updatedAt: false } } })).tables.syncRows).toHaveLength(1);
    expect(await issueOf(() => readAll(serializeBackupBytes(sync), { tables }))).toEqual({ code: 'backup.unknown_table', table: 'syncRows', line: 2 });
  });

  it('refuse a newer format or schema and a damaged row or structure', async () => {
    expect(await issueOf(() => openBackupReader(serializeBackupBytes({ ...createBackup({}, 1, NOW), version: 2 as 1 })))).toMatchObject({ code: 'backup.newer_version', line: 1 });
    expect(await issueOf(() => openBackupReader(serializeBackupBytes(createBackup({}, 9, NOW)), { maxSchemaVersion: 5 }))).toMatchObject({ code: 'backup.newer_schema', params: { schemaVersion: 9, max: 5 } });
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\n');
    const damaged = (i: number, line: string) => utf8([...lines.slice(0, i), line, ...lines.slice(i + 1)].join('\n'));
    expect(await issueOf(() => readAll(damaged(3, '{"id":"a1",'), {}))).toMatchObject({ code: 'backup.not_json', table: 'accounts', index: 1, line: 4 });
    expect(await issueOf(() => readAll(damaged(3, lines[3]!.slice(0, -1)), {}))).toMatchObject({ code: 'backup.invalid_layout', table: 'accounts', line: 5 });
    expect(await issueOf(() => readAll(damaged(1, '"accounts":{'), {}))).toMatchObject({ code: 'backup.invalid_layout', line: 2 });
    const invalidUtf8 = bytes.slice();
    invalidUtf8[bytes.indexOf(0xc3)] = 0xff;
    expect(await issueOf(() => readAll(invalidUtf8, {}))).toMatchObject({ code: 'backup.not_json' });
  });
});

describe('older one-line and foreign backups', () => {
  const backup = createBackup({ accounts: awkward, settings: [{ id: 's', updatedAt: 1 }] }, 3, NOW);

  it('are parsed whole below the size limit, rows checked the same way', async () => {
    for (const text of [serializeBackup(backup), JSON.stringify(backup, null, 2)]) {
      expect((await readAll(utf8(text))).tables).toEqual(rows(backup));
    }
    const bad = createBackup({ accounts: [{ id: '', updatedAt: 1 }] }, 3, NOW);
    expect(await issueOf(() => readAll(utf8(serializeBackup(bad)), { tables: { accounts: { key: 'id', updatedAt: true } } }))).toEqual({ code: 'backup.invalid_row', table: 'accounts', index: 0, path: 'id' });
  });

  it('are refused above it, and when not JSON or not a backup', async () => {
    const text = utf8(serializeBackup(backup));
    expect(await issueOf(() => openBackupReader(text, { wholeFileLimit: 100 }))).toMatchObject({ code: 'backup.too_large', params: { size: text.length, limit: 100 } });
    expect(await issueOf(() => openBackupReader(text.subarray(0, text.length - 5)))).toEqual({ code: 'backup.not_json' });
    expect(await issueOf(() => openBackupReader(utf8('{"format":"other"}')))).toEqual({ code: 'backup.wrong_format' });
  });
});
