import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeRequestSchemas } from '../../shared/bridge/schemas';
import { createChunkedWrites, type ChunkedWrites } from '../fs/chunked-file';
import { createReadHandles } from '../fs/read-handles';
import { createChunkedFileHandlers, type ChunkedFileDeps } from './chunked-files';
import type { InvokeEventLike } from './types';

type FakeSender = { id: number };
const event: InvokeEventLike<FakeSender> = { sender: { id: 7 }, senderFrame: { url: 'app://rapport/', parent: null } };
// Multi-byte characters, so chunk boundaries fall inside one.
const content = new TextEncoder().encode(`{"rows":["Müller 🚀",${Array.from({ length: 500 }, (_, i) => i).join(',')}]}\n`);
const REQUEST = { suggestedName: 'rapport-2026-11-24.json', mimeType: 'application/json', filters: [{ name: 'JSON', extensions: ['json'] }] };

let root: string;
let chosen: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapport-chunked-'));
  chosen = join(root, 'Dokumente');
  await mkdir(chosen);
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(root, { recursive: true, force: true });
});

function handlers(overrides: Partial<ChunkedFileDeps<FakeSender>> = {}) {
  return createChunkedFileHandlers<FakeSender>({
    showSaveDialog: vi.fn(async () => join(chosen, 'sicherung.json')),
    showOpenDialog: vi.fn(async () => [join(chosen, 'sicherung.json')]),
    defaultFolder: () => '/home/anna/Dokumente',
    ...overrides,
  });
}

async function saveInChunks(h: ReturnType<typeof handlers>, data: Uint8Array, chunk: number) {
  const upload = await h.beginSaveFile(REQUEST, event);
  if (!upload) throw new Error('cancelled');
  for (let offset = 0; offset < data.length; offset += chunk) await h.appendSaveFile({ id: upload.id, offset, data: data.subarray(offset, offset + chunk) }, event);
  return upload;
}

describe('chunked save', () => {
  it('writes the chunks to a temp file beside the chosen one and renames it over the file on finish', async () => {
    await writeFile(join(chosen, 'sicherung.json'), 'old');
    const h = handlers();
    const upload = await saveInChunks(h, content, 97);
    expect(upload.name).toBe('sicherung.json');
    // Until finish the chosen file is untouched; the chunks sit in a dot-named temp file beside it.
    expect(await readFile(join(chosen, 'sicherung.json'), 'utf8')).toBe('old');
    expect((await readdir(chosen)).filter((n) => n.startsWith('.sicherung.json.') && n.endsWith('.part.tmp'))).toHaveLength(1);
    await expect(h.finishSaveFile({ id: upload.id, size: content.length }, event)).resolves.toEqual({ saved: true, path: join(chosen, 'sicherung.json') });
    expect(new Uint8Array(await readFile(join(chosen, 'sicherung.json')))).toEqual(content);
    expect(await readdir(chosen)).toEqual(['sicherung.json']);
  });

  it('reports a cancelled dialog and opens nothing', async () => {
    const h = handlers({ showSaveDialog: vi.fn(async () => undefined) });
    await expect(h.beginSaveFile(REQUEST, event)).resolves.toBeNull();
    expect(await readdir(chosen)).toEqual([]);
  });

  it('abort leaves nothing behind and the chosen file as it was', async () => {
    await writeFile(join(chosen, 'sicherung.json'), 'old');
    const h = handlers();
    const upload = await saveInChunks(h, content.subarray(0, 300), 100);
    await h.abortSaveFile(upload.id, event);
    expect(await readdir(chosen)).toEqual(['sicherung.json']);
    expect(await readFile(join(chosen, 'sicherung.json'), 'utf8')).toBe('old');
    await expect(h.appendSaveFile({ id: upload.id, offset: 300, data: content.subarray(300, 310) }, event)).rejects.toThrow(/^ERR_NO_UPLOAD: /);
    await expect(h.abortSaveFile(upload.id, event)).resolves.toBeUndefined();
  });

  it('refuses a lost chunk and a wrong size, naming the file, and drops the temp file', async () => {
    const h = handlers();
    const upload = await saveInChunks(h, content.subarray(0, 100), 50);
    await expect(h.appendSaveFile({ id: upload.id, offset: 150, data: content.subarray(150, 200) }, event)).rejects.toThrow(/^ERR_CHUNK_ORDER: .*"sicherung\.json" at byte 150, expected byte 100/);
    expect(await readdir(chosen)).toEqual([]);
    const short = await saveInChunks(h, content.subarray(0, 100), 50);
    await expect(h.finishSaveFile({ id: short.id, size: 101 }, event)).rejects.toThrow(/^ERR_SIZE_MISMATCH: .*"sicherung\.json" should have 101 bytes but 100 arrived/);
    expect(await readdir(chosen)).toEqual([]);
  });

  it('drops a save nobody appends to for a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = handlers({ saves: createChunkedWrites({ noun: 'file', idleMs: 1000 }) });
    const upload = await saveInChunks(h, content.subarray(0, 100), 100);
    await vi.advanceTimersByTimeAsync(1001);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await readdir(chosen)).toEqual([]));
    await expect(h.appendSaveFile({ id: upload.id, offset: 100, data: content.subarray(100, 200) }, event)).rejects.toThrow(/^ERR_NO_UPLOAD: /);
  });

  it('says the disk is full and names the file', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', file: 'sicherung.json' });
    const saves: ChunkedWrites = { ...createChunkedWrites({ noun: 'file' }), append: vi.fn(async () => Promise.reject(full)) };
    const h = handlers({ saves });
    const upload = await h.beginSaveFile(REQUEST, event);
    await expect(h.appendSaveFile({ id: upload!.id, offset: 0, data: content }, event)).rejects.toThrow(/^ERR_DISK_FULL: The disk is full; the file "sicherung\.json" was not saved/);
  });

  it('names the file when its folder vanished before the save began', async () => {
    const h = handlers({ showSaveDialog: vi.fn(async () => join(root, 'ausgesteckt', 'sicherung.json')) });
    await expect(h.beginSaveFile(REQUEST, event)).rejects.toThrow(/^ERR_FILE_GONE: .*"sicherung\.json"/);
  });
});

describe('chunked open', () => {
  it('reads the chosen file in ranges and closes it', async () => {
    await writeFile(join(chosen, 'sicherung.json'), content);
    const reads = createReadHandles();
    const h = handlers({ reads });
    const opened = await h.beginOpenFile({ filters: REQUEST.filters }, event);
    expect(opened).toMatchObject({ name: 'sicherung.json', size: content.length });
    const parts: number[] = [];
    for (let offset = 0; offset < opened!.size; ) {
      const { data, size } = await h.readOpenFile({ id: opened!.id, offset, length: 111 }, event);
      expect(size).toBe(content.length);
      parts.push(...data);
      offset += data.length;
    }
    expect(new Uint8Array(parts)).toEqual(content);
    await expect(h.readOpenFile({ id: opened!.id, offset: content.length, length: 10 }, event)).resolves.toMatchObject({ data: new Uint8Array(0) });
    await h.closeOpenFile(opened!.id, event);
    expect(reads.count()).toBe(0);
    await expect(h.readOpenFile({ id: opened!.id, offset: 0, length: 10 }, event)).rejects.toThrow(/^ERR_NO_HANDLE: /);
  });

  it('reports a cancelled dialog, a folder and a vanished file by name', async () => {
    await expect(handlers({ showOpenDialog: vi.fn(async () => []) }).beginOpenFile({ filters: [] }, event)).resolves.toBeNull();
    await expect(handlers({ showOpenDialog: vi.fn(async () => [chosen]) }).beginOpenFile({ filters: [] }, event)).rejects.toThrow(/^ERR_NOT_A_FILE: "Dokumente" is not a file/);
    await expect(handlers().beginOpenFile({ filters: [] }, event)).rejects.toThrow(/^ERR_FILE_GONE: The file "sicherung\.json" is no longer there/);
  });

  it('closes a handle nobody reads for a while', async () => {
    await writeFile(join(chosen, 'sicherung.json'), content);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const reads = createReadHandles({ idleMs: 1000 });
    const h = handlers({ reads });
    const opened = await h.beginOpenFile({ filters: [] }, event);
    await h.readOpenFile({ id: opened!.id, offset: 0, length: 10 }, event);
    await vi.advanceTimersByTimeAsync(999);
    await h.readOpenFile({ id: opened!.id, offset: 10, length: 10 }, event);
    await vi.advanceTimersByTimeAsync(1001);
    expect(reads.count()).toBe(0);
    await expect(h.readOpenFile({ id: opened!.id, offset: 20, length: 10 }, event)).rejects.toThrow(/^ERR_NO_HANDLE: /);
  });
});

describe('only what the user chose is reachable', () => {
  it('refuses paths wherever the renderer could put one', () => {
    const id = 'a'.repeat(32);
    expect(bridgeRequestSchemas.readOpenFile.safeParse({ id: '../../etc/passwd', offset: 0, length: 10 }).success).toBe(false);
    expect(bridgeRequestSchemas.appendSaveFile.safeParse({ id: '/home/anna/x', offset: 0, data: content }).success).toBe(false);
    expect(bridgeRequestSchemas.closeOpenFile.safeParse('C:\\Users\\anna\\x').success).toBe(false);
    expect(bridgeRequestSchemas.beginSaveFile.safeParse({ ...REQUEST, suggestedName: '../../.bashrc' }).success).toBe(false);
    // Unknown fields (a smuggled `path`) are dropped by the parse, so no handler ever sees them.
    const parsed = bridgeRequestSchemas.readOpenFile.parse({ id, offset: 0, length: 10, path: '/etc/passwd' });
    expect(parsed).toEqual({ id, offset: 0, length: 10 });
    expect(bridgeRequestSchemas.appendSaveFile.safeParse({ id, offset: 0, data: new Uint8Array(0) }).success).toBe(false);
  });

  it('writes only into the chosen folder: the suggested name goes to the dialog, never to the disk', async () => {
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    const showSaveDialog = vi.fn(async () => join(chosen, 'gewählt.json'));
    const h = handlers({ showSaveDialog, defaultFolder: () => elsewhere });
    const upload = await saveInChunks(h, content, 4096);
    await h.finishSaveFile({ id: upload.id, size: content.length }, event);
    expect(showSaveDialog).toHaveBeenCalledWith(event.sender, { defaultPath: join(elsewhere, REQUEST.suggestedName), filters: REQUEST.filters });
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await readdir(chosen)).toEqual(['gewählt.json']);
  });

  it('a made-up id reads and writes nothing', async () => {
    await writeFile(join(chosen, 'sicherung.json'), content);
    const h = handlers();
    await expect(h.readOpenFile({ id: 'b'.repeat(32), offset: 0, length: 10 }, event)).rejects.toThrow(/^ERR_NO_HANDLE: /);
    await expect(h.appendSaveFile({ id: 'b'.repeat(32), offset: 0, data: content }, event)).rejects.toThrow(/^ERR_NO_UPLOAD: /);
    await expect(h.finishSaveFile({ id: 'b'.repeat(32), size: 1 }, event)).rejects.toThrow(/^ERR_NO_UPLOAD: /);
  });
});
