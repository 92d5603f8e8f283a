import type { Bridge, OpenFileHandle } from '../../../shared/bridge/contract';
import { concatBytes } from '../../../shared/bytes';

type ChunkedFiles = Pick<Bridge, 'beginSaveFile' | 'appendSaveFile' | 'finishSaveFile' | 'abortSaveFile' | 'beginOpenFile' | 'readOpenFile' | 'closeOpenFile'>;

/**
 * The shell's chunked save and open, in memory and as strict as the real one: offsets and the final
 * size are checked, aborted saves are dropped. `failAt`: the append with this index fails like a full
 * disk; `cancel`: the save dialog is cancelled.
 */
export function chosenFileBridge(options: { failAt?: number; cancel?: boolean } = {}) {
  const saves = new Map<string, { name: string; parts: Uint8Array[]; written: number }>();
  const opened = new Map<string, Uint8Array>();
  const appends: { offset: number; length: number }[] = [];
  const aborted: string[] = [];
  let saved: Uint8Array | undefined;
  let next = 0;
  let last = '';
  const newId = () => (last = (++next).toString(16).padStart(32, '0'));

  const bridge: ChunkedFiles = {
    async beginSaveFile({ suggestedName }) {
      if (options.cancel) return null;
      const id = newId();
      saves.set(id, { name: suggestedName, parts: [], written: 0 });
      return { id, name: suggestedName };
    },
    async appendSaveFile({ id, offset, data }) {
      const save = saves.get(id);
      if (!save) throw new Error('ERR_NO_UPLOAD: gone');
      if (offset !== save.written) throw new Error(`ERR_CHUNK_ORDER: at ${offset}, expected ${save.written}`);
      if (appends.length === options.failAt) throw new Error(`ERR_DISK_FULL: The disk is full; the file "${save.name}" was not saved.`);
      appends.push({ offset, length: data.byteLength });
      save.parts.push(data.slice());
      save.written += data.byteLength;
    },
    async finishSaveFile({ id, size }) {
      const save = saves.get(id);
      if (!save || size !== save.written) throw new Error('ERR_SIZE_MISMATCH: wrong size');
      saves.delete(id);
      saved = concatBytes(save.parts);
      return { saved: true };
    },
    async abortSaveFile(id) {
      aborted.push(id);
      saves.delete(id);
    },
    async beginOpenFile() {
      return null;
    },
    async readOpenFile({ id, offset, length }) {
      const bytes = opened.get(id);
      if (!bytes) throw new Error('ERR_NO_HANDLE: closed');
      result.reads++;
      return { data: bytes.slice(offset, offset + length), size: bytes.length };
    },
    async closeOpenFile(id) {
      opened.delete(id);
    },
  };
  const result = {
    ...bridge,
    appends,
    aborted,
    reads: 0,
    saved: () => saved,
    lastId: () => last,
    /** A file the user "chose" in the open dialog. */
    choose(bytes: Uint8Array, name = 'sicherung.json'): OpenFileHandle {
      const id = newId();
      opened.set(id, bytes);
      return { id, name, size: bytes.length };
    },
  };
  return result;
}
