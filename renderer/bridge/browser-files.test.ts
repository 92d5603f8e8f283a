import { describe, expect, it, vi } from 'vitest';
import { createBrowserFiles, type BrowserFileDeps, type SavePicker, type WritableLike } from './browser-files';
import { saveBytesInChunks } from './chunked-save';

const err = (name: string) => Object.assign(new Error(name), { name });
const REQUEST = { suggestedName: 'sicherung.json', mimeType: 'application/json', filters: [{ name: 'JSON', extensions: ['json'] }] };
const content = new TextEncoder().encode(`{"rows":["Müller 🚀",${Array.from({ length: 400 }, (_, i) => i).join(',')}]}\n`);

/** A picked file's writable the way Chromium's behaves: writes go to a swap file; close replaces the file, abort drops the swap. */
function fakePicker(options: { failWrite?: string; cancel?: boolean; refuse?: string; isNew?: boolean } = {}) {
  const state = { removed: false, file: new TextEncoder().encode(options.isNew ? '' : 'old'), swap: [] as Uint8Array[], closed: false, aborted: false, pickedWith: undefined as unknown };
  const picker: SavePicker = async (pickOptions) => {
    state.pickedWith = pickOptions;
    if (options.cancel) throw err('AbortError');
    if (options.refuse) throw err(options.refuse);
    const writable: WritableLike = {
      write: async (data) => {
        if (options.failWrite && state.swap.length === 1) throw err(options.failWrite);
        state.swap.push(data.slice());
      },
      close: async () => {
        state.file = new Uint8Array(await new Blob(state.swap as Uint8Array<ArrayBuffer>[]).arrayBuffer());
        state.closed = true;
      },
      abort: async () => {
        state.swap = [];
        state.aborted = true;
      },
    };
    return {
      name: 'gewählt.json',
      createWritable: async () => writable,
      getFile: async () => ({ size: state.file.length }),
      remove: async () => void (state.removed = true),
    };
  };
  return { picker, state };
}

function files(overrides: Partial<BrowserFileDeps> = {}) {
  const downloads: { name: string; blob: Blob }[] = [];
  const deps: BrowserFileDeps = { pickFile: async () => undefined, download: (name, blob) => void downloads.push({ name, blob }), ...overrides };
  return { bridge: createBrowserFiles(deps), downloads };
}

describe('browser chunked save', () => {
  it('writes the chunks into the picked file, which changes only on finish', async () => {
    const { picker, state } = fakePicker();
    const { bridge, downloads } = files({ showSaveFilePicker: picker });
    const saved = saveBytesInChunks(bridge, REQUEST, content, 100);
    await expect(saved).resolves.toEqual({ name: 'gewählt.json' });
    expect(state.file).toEqual(content);
    expect(state.swap.length).toBe(Math.ceil(content.length / 100));
    expect(state.pickedWith).toEqual({ suggestedName: 'sicherung.json', id: 'rapport-save', types: [{ description: 'JSON', accept: { 'application/json': ['.json'] } }] });
    expect(downloads).toEqual([]);
  });

  it('a cancelled picker saves nothing; a full disk aborts the writable and names the file', async () => {
    const cancelled = fakePicker({ cancel: true });
    await expect(saveBytesInChunks(files({ showSaveFilePicker: cancelled.picker }).bridge, REQUEST, content, 100)).resolves.toBeUndefined();
    const full = fakePicker({ failWrite: 'QuotaExceededError' });
    await expect(saveBytesInChunks(files({ showSaveFilePicker: full.picker }).bridge, REQUEST, content, 100)).rejects.toThrow(/^ERR_DISK_FULL: .*"gewählt\.json"/);
    expect(full.state.aborted).toBe(true);
    expect(new TextDecoder().decode(full.state.file)).toBe('old');
  });

  it('an aborted save leaves the picked file as it was', async () => {
    const { picker, state } = fakePicker();
    const { bridge } = files({ showSaveFilePicker: picker });
    const upload = (await bridge.beginSaveFile(REQUEST))!;
    await bridge.appendSaveFile({ id: upload.id, offset: 0, data: content.subarray(0, 10) });
    await expect(bridge.appendSaveFile({ id: upload.id, offset: 20, data: content.subarray(20, 30) })).rejects.toThrow(/^ERR_CHUNK_ORDER: .*at byte 20, expected byte 10/);
    expect(state.aborted).toBe(true);
    expect(state.closed).toBe(false);
    // The picked file held something before: it stays. One the picker made (empty) goes again.
    expect(state.removed).toBe(false);
    const made = fakePicker({ isNew: true });
    const madeBridge = files({ showSaveFilePicker: made.picker }).bridge;
    const second = (await madeBridge.beginSaveFile(REQUEST))!;
    await madeBridge.appendSaveFile({ id: second.id, offset: 0, data: content.subarray(0, 10) });
    await madeBridge.abortSaveFile(second.id);
    expect(made.state).toMatchObject({ aborted: true, removed: true, closed: false });
    await expect(bridge.finishSaveFile({ id: upload.id, size: 10 })).rejects.toThrow(/^ERR_NO_UPLOAD: /);
  });

  it('without a picker, or with one refused for want of a click, it downloads a Blob made of the chunks', async () => {
    for (const deps of [{}, { showSaveFilePicker: fakePicker({ refuse: 'SecurityError' }).picker }]) {
      const { bridge, downloads } = files(deps);
      await expect(saveBytesInChunks(bridge, REQUEST, content, 100)).resolves.toEqual({ name: 'sicherung.json' });
      expect(downloads.map((d) => [d.name, d.blob.type])).toEqual([['sicherung.json', 'application/json']]);
      expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(content);
    }
    const { bridge, downloads } = files();
    const upload = (await bridge.beginSaveFile(REQUEST))!;
    await bridge.appendSaveFile({ id: upload.id, offset: 0, data: content.subarray(0, 10) });
    await bridge.abortSaveFile(upload.id);
    expect(downloads).toEqual([]);
  });
});

describe('browser chunked open', () => {
  it('reads the chosen file in slices and lets go of it', async () => {
    const pickFile = vi.fn(async () => new File([content], 'sicherung.json'));
    const { bridge } = files({ pickFile });
    const handle = (await bridge.beginOpenFile({ filters: REQUEST.filters }))!;
    expect(pickFile).toHaveBeenCalledWith('.json');
    expect(handle).toMatchObject({ name: 'sicherung.json', size: content.length });
    const parts: number[] = [];
    for (let offset = 0; offset < handle.size; ) {
      const { data } = await bridge.readOpenFile({ id: handle.id, offset, length: 77 });
      parts.push(...data);
      offset += data.length;
    }
    expect(new Uint8Array(parts)).toEqual(content);
    await bridge.closeOpenFile(handle.id);
    await expect(bridge.readOpenFile({ id: handle.id, offset: 0, length: 10 })).rejects.toThrow(/^ERR_NO_HANDLE: /);
    await expect(files().bridge.beginOpenFile({ filters: [] })).resolves.toBeNull();
  });

  it('names a file that changed or vanished since it was chosen', async () => {
    const gone = Object.assign(new Blob([content]), { name: 'sicherung.json', slice: () => ({ arrayBuffer: () => Promise.reject(err('NotReadableError')) }) as unknown as Blob });
    const { bridge } = files({ pickFile: async () => gone });
    const handle = (await bridge.beginOpenFile({ filters: [] }))!;
    await expect(bridge.readOpenFile({ id: handle.id, offset: 0, length: 10 })).rejects.toThrow(/^ERR_FILE_GONE: The file "sicherung\.json"/);
  });
});
