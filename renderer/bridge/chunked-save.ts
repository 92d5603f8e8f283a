import type { ByteSource } from '../../shared/backup/chunks';
import { BACKUP_CHUNK_BYTES, type BeginSaveFileRequest, type Bridge, type OpenFileHandle } from '../../shared/bridge/contract';

// The renderer's half of the chunked save and open (shared/bridge/contract.ts): whatever makes a
// big file hands its bytes to `write` chunk by chunk and they go to the place the user chose, with
// offsets counted here; anything that goes wrong, or a cancel, aborts the save so no temp file and
// no half a file is left. Opening gives a ByteSource (shared/backup/chunks.ts) over ranged reads.

export type ChunkedSaveBridge = Pick<Bridge, 'beginSaveFile' | 'appendSaveFile' | 'finishSaveFile' | 'abortSaveFile'>;
export type ChunkedOpenBridge = Pick<Bridge, 'beginOpenFile' | 'readOpenFile' | 'closeOpenFile'>;

/** The user cancelled a save while it was being written; the save was aborted. */
export class SaveCancelled extends Error {
  constructor() {
    super('save cancelled');
    this.name = 'SaveCancelled';
  }
}

/** Passes each chunk on; resolves once it is stored (so the producer is held back by a slow disk). */
export type WriteChunk = (chunk: Uint8Array) => Promise<void>;

/**
 * Asks where to save (resolves `undefined` when the user cancels the dialog), then runs `produce`,
 * which writes the file's bytes through the given function, and finishes the save. Throws
 * SaveCancelled when `signal` aborts; every failure aborts the save first.
 */
export async function saveInChunks(
  bridge: ChunkedSaveBridge,
  request: BeginSaveFileRequest,
  produce: (write: WriteChunk) => Promise<void>,
  signal?: AbortSignal,
): Promise<{ name: string } | undefined> {
  const upload = await bridge.beginSaveFile(request);
  if (!upload) return undefined;
  let offset = 0;
  try {
    await produce(async (chunk) => {
      if (signal?.aborted) throw new SaveCancelled();
      if (chunk.byteLength === 0) return;
      const at = offset;
      offset += chunk.byteLength;
      await bridge.appendSaveFile({ id: upload.id, offset: at, data: chunk });
    });
    if (signal?.aborted) throw new SaveCancelled();
    await bridge.finishSaveFile({ id: upload.id, size: offset });
    return { name: upload.name };
  } catch (error) {
    await bridge.abortSaveFile(upload.id).catch(() => undefined);
    throw error;
  }
}

/** A file already in memory (a customer workbook), saved in chunks: one IPC message may not carry a file this big. */
export function saveBytesInChunks(bridge: ChunkedSaveBridge, request: BeginSaveFileRequest, data: Uint8Array, chunkBytes = BACKUP_CHUNK_BYTES): Promise<{ name: string } | undefined> {
  return saveInChunks(bridge, request, async (write) => {
    for (let at = 0; at < data.byteLength; at += chunkBytes) await write(data.subarray(at, at + chunkBytes));
  });
}

/** Ranged reads of a file the user chose, as a ByteSource. */
export function openFileSource(handle: OpenFileHandle, bridge: ChunkedOpenBridge): ByteSource {
  return { read: (offset, length) => bridge.readOpenFile({ id: handle.id, offset, length }) };
}
