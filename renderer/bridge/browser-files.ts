import type { Bridge, FileFilter } from '../../shared/bridge/contract';

// Big files the user saves or opens in plain Chromium, in chunks like the desktop shell does
// (shared/bridge/contract.ts). Saving goes through the File System Access API where there is one:
// the writable keeps the chunks in a swap file and replaces the chosen file only on close, so a
// cancelled or failed save leaves the file as it was. Without the picker (other browsers, or a
// picker refused for want of a click) the chunks become a download built from Blob parts, one per
// chunk, so the browser can keep them out of the page's memory and nothing is concatenated.
// Opening uses a file input (every browser; Playwright drives it) and reads the File in slices.

type Methods = Pick<Bridge, 'beginSaveFile' | 'appendSaveFile' | 'finishSaveFile' | 'abortSaveFile' | 'beginOpenFile' | 'readOpenFile' | 'closeOpenFile'>;

/** The part of FileSystemWritableFileStream a save needs. */
export type WritableLike = { write(data: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> };
export type SavePicker = (options: {
  suggestedName: string;
  id: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<PickedFile>;
/** A FileSystemFileHandle as far as a save uses it (`remove` is Chromium's, not in every browser). */
export type PickedFile = { name: string; createWritable(): Promise<WritableLike>; getFile(): Promise<{ size: number }>; remove?(): Promise<void> };

export type BrowserFileDeps = {
  /** window.showSaveFilePicker, when the browser has it. */
  showSaveFilePicker?: SavePicker;
  /** Lets the user pick one file (a file input); undefined when cancelled. */
  pickFile(accept: string): Promise<Blob & { name: string } | undefined>;
  /** Hands a finished file to the browser's downloads. */
  download(name: string, blob: Blob): void;
};

type Sink = { write(data: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> };
type Save = { name: string; written: number; sink: Sink };

const newId = () => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
const errorName = (error: unknown) => (error as { name?: string } | null)?.name;

/** A browser error as the user reads it, naming the file (the code prefix is what the shell would send). */
function explain(error: unknown, name: string, reading: boolean): Error {
  const kind = errorName(error);
  if (kind === 'QuotaExceededError') return new Error(`ERR_DISK_FULL: The disk is full; the file "${name}" was not saved. Free some space and save again.`, { cause: error });
  if (kind === 'NotFoundError' || kind === 'NotReadableError') {
    return new Error(`ERR_FILE_GONE: The file "${name}" is no longer there or was changed (moved, deleted or overwritten).`, { cause: error });
  }
  const what = reading ? 'read' : 'save';
  return new Error(`${reading ? 'ERR_READ_FAILED' : 'ERR_WRITE_FAILED'}: Could not ${what} the file "${name}": ${(error as Error).message}`, { cause: error });
}

const pickerTypes = (mimeType: string, filters: FileFilter[]) =>
  filters.filter((f) => !f.extensions.includes('*')).map((f) => ({ description: f.name, accept: { [mimeType || 'application/octet-stream']: f.extensions.map((e) => `.${e}`) } }));

export function createBrowserFiles(deps: BrowserFileDeps): Methods {
  const saves = new Map<string, Save>();
  const opened = new Map<string, Blob & { name: string }>();

  const pickerSink = async (suggestedName: string, mimeType: string, filters: FileFilter[]): Promise<{ name: string; sink: Sink } | null | undefined> => {
    if (!deps.showSaveFilePicker) return undefined;
    let handle;
    try {
      const types = pickerTypes(mimeType, filters);
      handle = await deps.showSaveFilePicker({ suggestedName, id: 'rapport-save', ...(types.length ? { types } : {}) });
    } catch (error) {
      if (errorName(error) === 'AbortError') return null;
      // SecurityError: the click that asked is too long ago; the download below still works.
      return undefined;
    }
    // The picker has already made the file when it did not exist; a save that is aborted removes it
    // again (an empty file at pick time was either new or held nothing), so a cancel leaves nothing.
    const emptyAtPick = (await handle.getFile()).size === 0;
    const writable = await handle.createWritable();
    const sink: Sink = {
      write: (data) => writable.write(data),
      close: () => writable.close(),
      abort: async () => {
        await writable.abort();
        if (emptyAtPick) await handle.remove?.().catch(() => undefined);
      },
    };
    return { name: handle.name, sink };
  };

  const downloadSink = (name: string, mimeType: string): Sink => {
    let parts: Blob[] = [];
    return {
      write: async (data) => void parts.push(new Blob([data as Uint8Array<ArrayBuffer>])),
      close: async () => deps.download(name, new Blob(parts, { type: mimeType })),
      abort: async () => void (parts = []),
    };
  };

  const save = (id: string): Save => {
    const entry = saves.get(id);
    if (!entry) throw new Error('ERR_NO_UPLOAD: This file was already finished or aborted; save it again.');
    return entry;
  };
  const drop = async (id: string) => {
    const entry = saves.get(id);
    saves.delete(id);
    await entry?.sink.abort().catch(() => undefined);
  };

  return {
    async beginSaveFile({ suggestedName, mimeType, filters }) {
      const picked = await pickerSink(suggestedName, mimeType, filters);
      if (picked === null) return null;
      const { name, sink } = picked ?? { name: suggestedName, sink: downloadSink(suggestedName, mimeType) };
      const id = newId();
      saves.set(id, { name, written: 0, sink });
      return { id, name };
    },
    async appendSaveFile({ id, offset, data }) {
      const entry = save(id);
      if (offset !== entry.written) {
        await drop(id);
        throw new Error(`ERR_CHUNK_ORDER: Chunk of the file "${entry.name}" at byte ${offset}, expected byte ${entry.written}: a chunk was lost or repeated. The file was dropped.`);
      }
      try {
        await entry.sink.write(data);
        entry.written += data.byteLength;
      } catch (error) {
        await drop(id);
        throw explain(error, entry.name, false);
      }
    },
    async finishSaveFile({ id, size }) {
      const entry = save(id);
      if (size !== entry.written) {
        await drop(id);
        throw new Error(`ERR_SIZE_MISMATCH: The file "${entry.name}" should have ${size} bytes but ${entry.written} arrived; it was dropped.`);
      }
      saves.delete(id);
      try {
        await entry.sink.close();
      } catch (error) {
        await entry.sink.abort().catch(() => undefined);
        throw explain(error, entry.name, false);
      }
      return { saved: true };
    },
    abortSaveFile: drop,

    async beginOpenFile({ filters }) {
      const accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const file = await deps.pickFile(accept);
      if (!file) return null;
      const id = newId();
      opened.set(id, file);
      return { id, name: file.name, size: file.size };
    },
    async readOpenFile({ id, offset, length }) {
      const file = opened.get(id);
      if (!file) throw new Error('ERR_NO_HANDLE: The chosen file was closed; open it again.');
      try {
        return { data: new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()), size: file.size };
      } catch (error) {
        throw explain(error, file.name, true);
      }
    },
    async closeOpenFile(id) {
      opened.delete(id);
    },
  };
}
