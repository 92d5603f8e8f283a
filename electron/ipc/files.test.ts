import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileHandlers, type FileDeps } from './files';
import type { InvokeEventLike } from './types';

type FakeSender = { id: number };
const event: InvokeEventLike<FakeSender> = { sender: { id: 7 }, senderFrame: { url: 'app://rapport/', parent: null } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<FileDeps<FakeSender>> = {}): FileDeps<FakeSender> {
  return {
    showSaveDialog: vi.fn(async () => join(dir, 'out.csv')),
    showOpenDialog: vi.fn(async () => []),
    printToPdf: vi.fn(async () => new TextEncoder().encode('%PDF-1.7')),
    defaultFolder: () => '/home/anna/Dokumente',
    ...overrides,
  };
}

describe('saveFile', () => {
  it('asks where to save, then writes atomically', async () => {
    const d = deps();
    const result = await createFileHandlers(d).saveFile(
      { suggestedName: 'kunden.csv', mimeType: 'text/csv', data: '\uFEFFName;Ort\n', filters: [{ name: 'CSV', extensions: ['csv'] }] },
      event,
    );
    expect(result).toEqual({ saved: true, path: join(dir, 'out.csv') });
    expect(d.showSaveDialog).toHaveBeenCalledWith(event.sender, {
      defaultPath: join('/home/anna/Dokumente', 'kunden.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe('\uFEFFName;Ort\n');
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const writeFileSpy = vi.fn();
    const d = deps({ showSaveDialog: async () => undefined, writeFile: writeFileSpy });
    const result = await createFileHandlers(d).saveFile({ suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', filters: [] }, event);
    expect(result).toEqual({ saved: false });
    expect(writeFileSpy).not.toHaveBeenCalled();
  });
});

describe('saveFile errors', () => {
  it('reports a locked target and a failed write with codes', async () => {
    const locked = Object.assign(new Error('Could not replace "x": the file is locked'), { code: 'ERR_FILE_LOCKED' });
    const request = { suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', filters: [] };
    const lockedDeps = deps({ writeFile: async () => Promise.reject(locked) });
    await expect(createFileHandlers(lockedDeps).saveFile(request, event)).rejects.toThrow(/^ERR_FILE_LOCKED: Could not replace/);
    const missingDir = deps({ showSaveDialog: async () => join(dir, 'gone', 'a.csv') });
    await expect(createFileHandlers(missingDir).saveFile(request, event)).rejects.toThrow(/^ERR_WRITE_FAILED: Could not save "a.csv": ENOENT/);
  });
});

describe('openFiles', () => {
  it('returns names and raw bytes', async () => {
    await writeFile(join(dir, 'kunden.csv'), Buffer.from([0x4d, 0xfc, 0x6c])); // "Mül" in Windows-1252
    await writeFile(join(dir, 'kontakte.vcf'), 'BEGIN:VCARD');
    const d = deps({ showOpenDialog: async () => [join(dir, 'kunden.csv'), join(dir, 'kontakte.vcf')] });
    const files = await createFileHandlers(d).openFiles({ filters: [], multiple: true }, event);
    expect(files.map((f) => f.name)).toEqual(['kunden.csv', 'kontakte.vcf']);
    expect(files[0]!.data).toBeInstanceOf(Uint8Array);
    expect([...files[0]!.data]).toEqual([0x4d, 0xfc, 0x6c]);
  });

  it('returns nothing when cancelled, and one file when multiple is off', async () => {
    await writeFile(join(dir, 'a.csv'), 'a');
    await writeFile(join(dir, 'b.csv'), 'b');
    expect(await createFileHandlers(deps()).openFiles({ filters: [], multiple: false }, event)).toEqual([]);
    const d = deps({ showOpenDialog: async () => [join(dir, 'a.csv'), join(dir, 'b.csv')] });
    expect(await createFileHandlers(d).openFiles({ filters: [], multiple: false }, event)).toHaveLength(1);
  });

  it('refuses files over the limit with a clear message, reading none', async () => {
    await writeFile(join(dir, 'small.csv'), 'x');
    await writeFile(join(dir, 'huge.xlsx'), Buffer.alloc(3 * 1024 * 1024));
    const readFileSpy = vi.fn();
    const d = deps({
      showOpenDialog: async () => [join(dir, 'small.csv'), join(dir, 'huge.xlsx')],
      maxOpenBytes: 2 * 1024 * 1024,
      readFile: readFileSpy,
    });
    await expect(createFileHandlers(d).openFiles({ filters: [], multiple: true }, event)).rejects.toThrow(
      'ERR_FILE_TOO_LARGE: "huge.xlsx" is 3 MB; files over 2 MB cannot be opened.',
    );
    expect(readFileSpy).not.toHaveBeenCalled();
  });

  it('reports unreadable files with a code', async () => {
    const d = deps({ showOpenDialog: async () => [join(dir, 'weg.csv')] });
    await expect(createFileHandlers(d).openFiles({ filters: [], multiple: false }, event)).rejects.toThrow(/^ERR_READ_FAILED: Could not read "weg.csv"/);
  });

  it('uses a 200 MB limit by default', async () => {
    const d = deps({
      showOpenDialog: async () => ['/x/backup.json'],
      stat: async () => ({ size: 200 * 1024 * 1024 + 1, isFile: () => true }),
    });
    await expect(createFileHandlers(d).openFiles({ filters: [], multiple: false }, event)).rejects.toThrow(/over 200 MB/);
  });
});

describe('printToPdf', () => {
  it('renders the page, then saves the PDF where the user chooses', async () => {
    const target = join(dir, 'wochenplan.pdf');
    const d = deps({ showSaveDialog: vi.fn(async () => target) });
    const result = await createFileHandlers(d).printToPdf({ suggestedName: 'wochenplan-kw48.pdf', landscape: true }, event);
    expect(d.printToPdf).toHaveBeenCalledWith(event.sender, { landscape: true });
    expect(d.showSaveDialog).toHaveBeenCalledWith(event.sender, {
      defaultPath: join('/home/anna/Dokumente', 'wochenplan-kw48.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7');
  });
});
