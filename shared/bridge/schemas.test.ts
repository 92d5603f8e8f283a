import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_CHUNK_BYTES } from './contract';
import { bridgeRequestSchemas, fileNameSchema } from './schemas';

describe('bridge request schemas', () => {
  it('accept well-formed requests', () => {
    expect(bridgeRequestSchemas.appInfo.safeParse(undefined).success).toBe(true);
    expect(
      bridgeRequestSchemas.saveFile.safeParse({
        suggestedName: 'Wochenplan KW 48 – Müller.csv',
        mimeType: 'text/csv',
        data: new Uint8Array([1, 2]),
        filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }, { name: 'Alle Dateien', extensions: ['*'] }],
      }).success,
    ).toBe(true);
    expect(bridgeRequestSchemas.openFiles.safeParse({ filters: [], multiple: false }).success).toBe(true);
    expect(bridgeRequestSchemas.notify.safeParse({ title: 'Geburtstag', body: 'Anna Müller', tag: 'bday' }).success).toBe(true);
    expect(bridgeRequestSchemas.setLanguage.safeParse('en').success).toBe(true);
  });

  it('refuse folders and reserved characters in file names', () => {
    for (const name of ['', '.', '..', '../x.csv', 'a/b.csv', 'a\\b.csv', 'C:x.csv', 'a?.csv', 'a\u0000.csv', 'x'.repeat(256)]) {
      expect(fileNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });

  it('refuse wrong shapes', () => {
    expect(bridgeRequestSchemas.appInfo.safeParse({}).success).toBe(false);
    expect(bridgeRequestSchemas.setLanguage.safeParse('fr').success).toBe(false);
    expect(bridgeRequestSchemas.openFiles.safeParse({ filters: [], multiple: 'yes' }).success).toBe(false);
    expect(bridgeRequestSchemas.saveFile.safeParse({ suggestedName: 'a.csv', mimeType: 'text/csv', data: [1, 2], filters: [] }).success).toBe(false);
    expect(bridgeRequestSchemas.printToPdf.safeParse({ suggestedName: 'a.pdf' }).success).toBe(false);
    expect(bridgeRequestSchemas.notify.safeParse({ title: '', body: 'x' }).success).toBe(false);
    expect(bridgeRequestSchemas.openExternal.safeParse(42).success).toBe(false);
  });

  describe('chunked backups', () => {
    const id = 'ab'.repeat(16);
    const name = 'rapport-backup-2026-11-23T09-00-00-000Z-daily.rbk';
    const manifest = { format: 'rapport-backup-manifest', createdAt: '2026-11-23T09:00:00.000Z', reason: 'daily', schemaVersion: 9, counts: { accounts: 3 }, encrypted: true };

    it('accept begin, append, finish, abort and piecewise reads', () => {
      expect(bridgeRequestSchemas.beginBackup.safeParse({ createdAt: manifest.createdAt, reason: 'daily', encrypted: true }).success).toBe(true);
      expect(bridgeRequestSchemas.appendBackup.safeParse({ id, offset: 16 * 1024 * 1024, data: new Uint8Array(8) }).success).toBe(true);
      expect(bridgeRequestSchemas.appendBackup.safeParse({ id, offset: 0, data: new Uint8Array(MAX_BACKUP_CHUNK_BYTES) }).success).toBe(true);
      expect(bridgeRequestSchemas.finishBackup.safeParse({ id, size: 1_400_000_000, manifest }).success).toBe(true);
      expect(bridgeRequestSchemas.abortBackup.safeParse(id).success).toBe(true);
      expect(bridgeRequestSchemas.readBackup.safeParse({ name, offset: 1_399_999_999, length: 8 * 1024 * 1024 }).success).toBe(true);
    });

    it('refuse a chunk above the IPC-safe size, empty chunks, foreign ids and odd offsets', () => {
      expect(bridgeRequestSchemas.appendBackup.safeParse({ id, offset: 0, data: new Uint8Array(MAX_BACKUP_CHUNK_BYTES + 1) }).success).toBe(false);
      expect(bridgeRequestSchemas.appendBackup.safeParse({ id, offset: 0, data: new Uint8Array(0) }).success).toBe(false);
      expect(bridgeRequestSchemas.appendBackup.safeParse({ id, offset: 0, data: [1, 2] }).success).toBe(false);
      for (const bad of ['../x', 'AB'.repeat(16), 'ab'.repeat(15), '']) expect(bridgeRequestSchemas.abortBackup.safeParse(bad).success, bad).toBe(false);
      for (const offset of [-1, 1.5, Number.NaN, 2 ** 60]) expect(bridgeRequestSchemas.appendBackup.safeParse({ id, offset, data: new Uint8Array(1) }).success, String(offset)).toBe(false);
      expect(bridgeRequestSchemas.finishBackup.safeParse({ id, size: 0, manifest }).success).toBe(false);
      expect(bridgeRequestSchemas.finishBackup.safeParse({ id, size: 10, manifest: { ...manifest, reason: 'whenever' } }).success).toBe(false);
      expect(bridgeRequestSchemas.beginBackup.safeParse({ createdAt: 'yesterday', reason: 'daily', encrypted: false }).success).toBe(false);
    });

    it('read only backup files, a chunk at a time', () => {
      expect(bridgeRequestSchemas.readBackup.safeParse({ name: '../backup-settings.json', offset: 0, length: 10 }).success).toBe(false);
      expect(bridgeRequestSchemas.readBackup.safeParse({ name, offset: 0, length: MAX_BACKUP_CHUNK_BYTES + 1 }).success).toBe(false);
      expect(bridgeRequestSchemas.readBackup.safeParse({ name, offset: 0, length: 0 }).success).toBe(false);
      expect(bridgeRequestSchemas.readBackup.safeParse(name).success).toBe(false);
    });
  });

  it('check the chunked save and open: ids only, chunks within the cap, offsets whole and not negative', () => {
    const id = '0123456789abcdef0123456789abcdef';
    const ok = (method: keyof typeof bridgeRequestSchemas, value: unknown) => bridgeRequestSchemas[method].safeParse(value).success;
    expect(ok('beginSaveFile', { suggestedName: 'rapport-sicherung.json', mimeType: 'application/json', filters: [{ name: 'JSON', extensions: ['json'] }] })).toBe(true);
    expect(ok('beginSaveFile', { suggestedName: 'a/b.json', mimeType: 'application/json', filters: [] })).toBe(false);
    expect(ok('appendSaveFile', { id, offset: 0, data: new Uint8Array(1) })).toBe(true);
    expect(ok('appendSaveFile', { id, offset: 0, data: new Uint8Array(MAX_BACKUP_CHUNK_BYTES + 1) })).toBe(false);
    expect(ok('appendSaveFile', { id, offset: -1, data: new Uint8Array(1) })).toBe(false);
    expect(ok('appendSaveFile', { id, offset: 1.5, data: new Uint8Array(1) })).toBe(false);
    expect(ok('appendSaveFile', { id, offset: 0, data: 'text' })).toBe(false);
    expect(ok('finishSaveFile', { id, size: 12 })).toBe(true);
    expect(ok('abortSaveFile', id)).toBe(true);
    expect(ok('abortSaveFile', id.toUpperCase())).toBe(false);
    expect(ok('beginOpenFile', { filters: [] })).toBe(true);
    expect(ok('readOpenFile', { id, offset: 5, length: MAX_BACKUP_CHUNK_BYTES })).toBe(true);
    expect(ok('readOpenFile', { id, offset: 5, length: MAX_BACKUP_CHUNK_BYTES + 1 })).toBe(false);
    expect(ok('readOpenFile', { id, offset: 5, length: 0 })).toBe(false);
    for (const notAnId of ['/etc/passwd', '..', `${id}/x`, 'C:\\Users\\x', '']) expect(ok('closeOpenFile', notAnId), notAnId).toBe(false);
  });
});
