import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManifest, manifestFileName } from '../../shared/backup';
import { createBackupHandlers } from '../ipc/backups';
import { createBackupStore, type BackupStore } from './store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapport-upload-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const dir = () => join(root, 'backups');
const manifest = (hour = 9) => createManifest({ createdAt: new Date(Date.UTC(2026, 10, 23, hour)).toISOString(), reason: 'manual', schemaVersion: 2, counts: { accounts: 3 }, encrypted: false });
const NAME = 'rapport-backup-2026-11-23T09-00-00-000Z-manual.json';
// Bytes of every value, with multi-byte characters, so a chunk boundary falls inside one.
const content = new TextEncoder().encode(`{"rows":["Müller 🚀",${Array.from({ length: 300 }, (_, i) => i).join(',')}]}\n`);
const event = { sender: {}, senderFrame: { url: 'app://rapport/', parent: null } };

function store(extra: Partial<Parameters<typeof createBackupStore>[0]> = {}): BackupStore {
  return createBackupStore({ dir: dir(), configFile: join(root, 'settings.json'), now: () => new Date(Date.UTC(2026, 10, 23, 12)), ...extra });
}

async function sendChunks(s: BackupStore, id: string, data: Uint8Array, chunk: number) {
  for (let offset = 0; offset < data.length; offset += chunk) await s.append({ id, offset, data: data.subarray(offset, offset + chunk) });
}

/** Reads a stored backup back `chunk` bytes at a time, as the renderer does. */
async function readChunked(s: BackupStore, name: string, chunk: number): Promise<Uint8Array> {
  const parts: number[] = [];
  for (let offset = 0; ; ) {
    const { data, size } = await s.read({ name, offset, length: chunk });
    parts.push(...data);
    offset += data.length;
    if (offset >= size || data.length === 0) return new Uint8Array(parts);
  }
}

const temps = async (folder = dir()) => (await readdir(folder)).filter((n) => n.endsWith('.tmp'));

describe('chunked backup upload', () => {
  it('writes chunks into a temp file and only finish makes it a backup, in both locations, readable in chunks', async () => {
    const s = store();
    await s.setSecondFolder(join(root, 'usb'));
    const { id, name } = await s.begin(manifest());
    expect(name).toBe(NAME);
    await sendChunks(s, id, content, 7);
    // Before finish: a temp file, no backup.
    expect(await temps()).toHaveLength(1);
    expect((await s.status()).entries).toEqual([]);
    const { entry, secondCopyError } = await s.finish({ id, size: content.length, manifest: manifest() });
    expect(secondCopyError).toBeUndefined();
    expect(entry).toEqual({ name: NAME, size: content.length, manifest: manifest() });
    expect((await readdir(dir())).sort()).toEqual([NAME, manifestFileName(NAME)]);
    expect(new Uint8Array(await readFile(join(dir(), NAME)))).toEqual(content);
    expect(new Uint8Array(await readFile(join(root, 'usb', NAME)))).toEqual(content);
    expect((await readdir(join(root, 'usb'))).sort()).toEqual([NAME, manifestFileName(NAME)]);
    expect(await readChunked(s, NAME, 11)).toEqual(content);
    // Past the end: nothing, and the size says where the end is.
    expect(await s.read({ name: NAME, offset: content.length + 5, length: 10 })).toEqual({ data: new Uint8Array(0), size: content.length });
  });

  it('abort deletes the temp file; the id is gone afterwards', async () => {
    const s = store();
    const { id } = await s.begin(manifest());
    await sendChunks(s, id, content.subarray(0, 40), 16);
    await s.abort(id);
    expect(await readdir(dir())).toEqual([]);
    await expect(s.append({ id, offset: 40, data: content.subarray(40, 50) })).rejects.toMatchObject({ code: 'ERR_NO_UPLOAD' });
    await expect(s.finish({ id, size: 40, manifest: manifest() })).rejects.toMatchObject({ code: 'ERR_NO_UPLOAD' });
    // Aborting twice is no error.
    await s.abort(id);
  });

  it('refuses a lost or repeated chunk, a wrong size and a foreign manifest, and drops the upload each time', async () => {
    const s = store();
    const lost = await s.begin(manifest());
    await s.append({ id: lost.id, offset: 0, data: content.subarray(0, 10) });
    await expect(s.append({ id: lost.id, offset: 20, data: content.subarray(20, 30) })).rejects.toThrow(/at byte 20, expected byte 10/);
    const repeated = await s.begin(manifest());
    await s.append({ id: repeated.id, offset: 0, data: content.subarray(0, 10) });
    await expect(s.append({ id: repeated.id, offset: 0, data: content.subarray(0, 10) })).rejects.toMatchObject({ code: 'ERR_CHUNK_ORDER' });
    const short = await s.begin(manifest());
    await s.append({ id: short.id, offset: 0, data: content.subarray(0, 10) });
    await expect(s.finish({ id: short.id, size: 11, manifest: manifest() })).rejects.toThrow(/should have 11 bytes but 10 arrived/);
    const foreign = await s.begin(manifest());
    await s.append({ id: foreign.id, offset: 0, data: content.subarray(0, 10) });
    await expect(s.finish({ id: foreign.id, size: 10, manifest: manifest(10) })).rejects.toMatchObject({ code: 'ERR_MANIFEST_MISMATCH' });
    expect(await readdir(dir())).toEqual([]);
  });

  it('a crash leaves only temp files, which the next start or write removes (not those of a running upload)', async () => {
    await mkdir(dir(), { recursive: true });
    // What a killed app leaves: a half upload and a half atomic write; neither counts as a backup.
    await writeFile(join(dir(), `.${NAME}.${'a'.repeat(32)}.upload.tmp`), content.subarray(0, 50));
    await writeFile(join(dir(), `.${manifestFileName(NAME)}.0123456789ab.tmp`), '{"format":');
    await writeFile(join(dir(), 'notes.txt'), 'not ours');
    const s = store();
    expect((await s.status()).entries).toEqual([]);
    expect((await s.cleanLeftovers()).sort()).toHaveLength(2);
    expect(await readdir(dir())).toEqual(['notes.txt']);

    const running = await s.begin(manifest());
    await s.append({ id: running.id, offset: 0, data: content.subarray(0, 10) });
    await writeFile(join(dir(), `.${NAME}.${'b'.repeat(32)}.upload.tmp`), 'left over');
    // A second write starting now cleans up, but keeps the running upload's temp file.
    const other = await s.begin(manifest(10));
    expect(await temps()).toHaveLength(2);
    await s.append({ id: running.id, offset: 10, data: content.subarray(10) });
    await s.finish({ id: running.id, size: content.length, manifest: manifest() });
    await s.abort(other.id);
    expect(new Uint8Array(await readFile(join(dir(), NAME)))).toEqual(content);
    expect(await temps()).toEqual([]);
  });

  it('drops an upload whose window stopped sending', async () => {
    const s = store({ uploads: { idleMs: 20 } });
    const { id } = await s.begin(manifest());
    await s.append({ id, offset: 0, data: content.subarray(0, 10) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await temps()).toEqual([]);
    await expect(s.append({ id, offset: 10, data: content.subarray(10, 20) })).rejects.toMatchObject({ code: 'ERR_NO_UPLOAD' });
  });

  it('refuses a backup above the size limit', async () => {
    const s = store({ uploads: { maxBytes: 20 } });
    const { id } = await s.begin(manifest());
    await s.append({ id, offset: 0, data: content.subarray(0, 15) });
    await expect(s.append({ id, offset: 15, data: content.subarray(15, 30) })).rejects.toMatchObject({ code: 'ERR_TOO_LARGE' });
    expect(await readdir(dir())).toEqual([]);
  });
});

describe('backup handlers: messages that say which file', () => {
  it('a full disk names the backup', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', file: NAME });
    const s = { ...store(), append: async () => Promise.reject(full) };
    const handlers = createBackupHandlers({ store: s, chooseFolder: async () => undefined, log: () => undefined });
    await expect(handlers.appendBackup({ id: 'a'.repeat(32), offset: 0, data: content }, event)).rejects.toThrow(
      `ERR_DISK_FULL: The disk is full; the backup "${NAME}" was not written. Free some space and back up again.`,
    );
  });

  it('a missing backup says which one and where', async () => {
    const handlers = createBackupHandlers({ store: store(), chooseFolder: async () => undefined, log: () => undefined });
    const error = (await handlers.readBackup({ name: NAME, offset: 0, length: 10 }, event).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^ERR_BACKUP_MISSING: /);
    expect(error.message).toContain(`"${NAME}"`);
    expect(error.message).toContain(dir());
  });
});
