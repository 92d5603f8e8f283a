import { mkdtemp, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManifest, manifestFileName, type BackupManifest, type BackupReason } from '../../shared/backup';
import { createBackupHandlers } from '../ipc/backups';
import { createBackupStore, listBackups, type BackupStore } from './store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapport-backups-'));
});
afterEach(async () => {
  await chmod(join(root, 'usb'), 0o755).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

const DAY = 86_400_000;
const bytes = (text: string) => new TextEncoder().encode(text);
const request = (createdAt: Date, reason: BackupReason = 'daily', text = `{"at":"${createdAt.toISOString()}"}`) => ({
  data: bytes(text),
  manifest: createManifest({ createdAt: createdAt.toISOString(), reason, schemaVersion: 2, counts: { accounts: 7 }, encrypted: false }),
});

/** Writes a backup the way the renderer does: begin, chunks of `chunk` bytes, finish. */
async function write(s: BackupStore, { data, manifest }: { data: Uint8Array; manifest: BackupManifest }, chunk = 5) {
  const { id } = await s.begin(manifest);
  for (let offset = 0; offset < data.length; offset += chunk) await s.append({ id, offset, data: data.subarray(offset, offset + chunk) });
  return s.finish({ id, size: data.length, manifest });
}

const readAll = async (s: BackupStore, name: string) => {
  const first = await s.read({ name, offset: 0, length: 1 << 20 });
  return new TextDecoder().decode(first.data);
};

function store(now = new Date(Date.UTC(2026, 10, 23, 12))) {
  let clock = now;
  const s = createBackupStore({ dir: join(root, 'backups'), configFile: join(root, 'backup-settings.json'), now: () => clock });
  return Object.assign(s, { setNow: (d: Date) => (clock = d) });
}

describe('backup store', () => {
  it('writes the backup and its manifest, lists and reads it back', async () => {
    const s = store();
    expect((await s.status()).entries).toEqual([]);
    const { entry, secondCopyError } = await write(s, request(new Date(Date.UTC(2026, 10, 23, 9)), 'manual', '{"tables":{}}'));
    expect(secondCopyError).toBeUndefined();
    expect(entry.name).toBe('rapport-backup-2026-11-23T09-00-00-000Z-manual.json');
    expect(await readdir(join(root, 'backups'))).toEqual([entry.name, manifestFileName(entry.name)].sort());
    const status = await s.status();
    expect(status.entries).toEqual([entry]);
    expect(status.folder).toBe(join(root, 'backups'));
    expect(await readAll(s, entry.name)).toBe('{"tables":{}}');
    expect(entry.size).toBe(13);
  });

  it('refuses to read anything but a backup name', async () => {
    await expect(store().read({ name: '../backup-settings.json', offset: 0, length: 10 })).rejects.toThrow(/Not a backup/);
  });

  it('rotates: 40 daily backups leave 7 daily + weekly + monthly, the manifests go with them', async () => {
    const s = store();
    const start = Date.UTC(2026, 9, 1, 3);
    for (let d = 0; d < 40; d++) {
      s.setNow(new Date(start + d * DAY + 1000));
      await write(s, request(new Date(start + d * DAY)));
    }
    const entries = await listBackups(join(root, 'backups'));
    expect(entries.length).toBeLessThanOrEqual(7 + 4 + 2);
    expect(entries.length).toBeGreaterThanOrEqual(7);
    expect(entries[0]!.manifest.createdAt).toBe(new Date(start + 39 * DAY).toISOString());
    const files = await readdir(join(root, 'backups'));
    expect(files.length).toBe(entries.length * 2);
  });

  it('ignores a backup whose manifest is missing or torn (a crash between the two writes)', async () => {
    const s = store();
    const { entry } = await write(s, request(new Date(Date.UTC(2026, 10, 22, 9))));
    await writeFile(join(root, 'backups', 'rapport-backup-2026-11-23T09-00-00-000Z-daily.json'), '{}');
    await writeFile(join(root, 'backups', 'rapport-backup-2026-11-23T10-00-00-000Z-daily.json'), '{}');
    await writeFile(join(root, 'backups', manifestFileName('rapport-backup-2026-11-23T10-00-00-000Z-daily.json')), '{"format":"rapport-b');
    expect((await s.status()).entries.map((e) => e.name)).toEqual([entry.name]);
  });

  it('copies to the second location, and a failing second location does not fail the backup', async () => {
    const s = store();
    await s.setSecondFolder(join(root, 'usb'));
    expect((await s.status()).secondFolder).toBe(join(root, 'usb'));
    const first = await write(s, request(new Date(Date.UTC(2026, 10, 23, 9))));
    expect(first.secondCopyError).toBeUndefined();
    expect((await listBackups(join(root, 'usb'))).map((e) => e.name)).toEqual([first.entry.name]);
    if (process.getuid?.() !== 0) {
      await chmod(join(root, 'usb'), 0o500);
      const second = await write(s, request(new Date(Date.UTC(2026, 10, 23, 10)), 'pre-import'));
      expect(second.secondCopyError).toMatch(/EACCES|EPERM/);
      expect((await s.status()).entries).toHaveLength(2);
    }
    await s.setSecondFolder(undefined);
    expect((await s.status()).secondFolder).toBeUndefined();
  });

  it('reports a clear error through the handler when the primary write fails', async () => {
    const blocked = join(root, 'not-a-folder');
    await writeFile(blocked, 'x');
    const s = createBackupStore({ dir: blocked, configFile: join(root, 'c.json') });
    const handlers = createBackupHandlers({ store: s, chooseFolder: async () => undefined, log: () => undefined });
    const event = { sender: {}, senderFrame: { url: 'app://rapport/', parent: null } };
    await expect(handlers.beginBackup(request(new Date()).manifest, event)).rejects.toThrow(/^ERR_BACKUP_FAILED: /);
    expect(await readFile(blocked, 'utf8')).toBe('x');
  });

  it('chooses and clears the second location through the handler; log lines go to the log', async () => {
    const s = store();
    const lines: string[] = [];
    const handlers = createBackupHandlers({ store: s, chooseFolder: async () => join(root, 'usb2'), log: (r) => lines.push(`${r.level} ${r.message}`) });
    const event = { sender: {}, senderFrame: { url: 'app://rapport/', parent: null } };
    expect((await handlers.setSecondBackupFolder('choose', event)).secondFolder).toBe(join(root, 'usb2'));
    expect((await handlers.setSecondBackupFolder('clear', event)).secondFolder).toBeUndefined();
    await handlers.log({ level: 'error', message: 'TypeError: x is undefined' }, event);
    expect(lines).toEqual(['error TypeError: x is undefined']);
  });
});
