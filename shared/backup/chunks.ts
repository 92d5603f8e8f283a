// A backup of a large customer base is over a gigabyte: it is written and read a chunk at a time
// (shared/bridge/contract.ts), so no side ever holds the whole file. These are the pieces both
// directions share: cutting a stream of pieces into equal chunks, and reading a file in order.

/** Random access to a backup file's bytes (the shell's readBackup, or a file already in memory). */
export type ByteSource = {
  /** Up to `length` bytes from `offset` (fewer at the end) and the file's size. */
  read(offset: number, length: number): Promise<{ data: Uint8Array; size: number }>;
};

/** A backup's content (decrypted when it was encrypted), chunk by chunk in file order. */
export type PlainChunks = {
  /** The next chunk; undefined after the last. */
  next(): Promise<Uint8Array | undefined>;
  /** Share of the file read so far, 0 to 1. */
  progress(): number;
  /** Total bytes, when known (not for decrypted content). */
  size?(): number | undefined;
};

/** Bytes in memory as a source (a file the user opened; tests). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { read: async (offset, length) => ({ data: bytes.subarray(offset, offset + length), size: bytes.length }) };
}

/** Exactly `length` bytes from `offset` in as many reads of at most `chunkBytes` as it takes; fewer only at the end of the file. */
export async function readExact(source: ByteSource, offset: number, length: number, chunkBytes: number): Promise<{ data: Uint8Array; size: number }> {
  const first = await source.read(offset, Math.min(length, chunkBytes));
  if (first.data.length >= length || first.data.length === 0) return first;
  const out = new Uint8Array(length);
  out.set(first.data);
  let got = first.data.length;
  let size = first.size;
  while (got < length) {
    const next = await source.read(offset + got, Math.min(length - got, chunkBytes));
    size = next.size;
    if (next.data.length === 0) break;
    out.set(next.data, got);
    got += next.data.length;
  }
  return { data: got === length ? out : out.subarray(0, got), size };
}

/** The file from `start` to its end, `chunkBytes` at a time. */
export function sequentialChunks(source: ByteSource, chunkBytes: number, start = 0): PlainChunks {
  let offset = start;
  let size = Number.POSITIVE_INFINITY;
  return {
    async next() {
      if (offset >= size) return undefined;
      const { data, size: total } = await source.read(offset, chunkBytes);
      size = total;
      if (data.length === 0) {
        size = offset;
        return undefined;
      }
      offset += data.length;
      return data;
    },
    progress: () => (Number.isFinite(size) ? (size === 0 ? 1 : Math.min(1, offset / size)) : 0),
    size: () => (Number.isFinite(size) ? size - start : undefined),
  };
}

export type Chunker = {
  /** Adds bytes at the end. */
  push(piece: Uint8Array): void;
  /** Full chunks of exactly `size` bytes, always keeping at least one byte back (so the last chunk is known at `rest`). */
  take(): Uint8Array[];
  /** Whatever is left (1 to `size` bytes, or none when nothing was pushed). */
  rest(): Uint8Array;
};

/** Cuts a stream of pieces (any sizes) into chunks of `size` bytes; each chunk is its own buffer (it may be transferred). */
export function createChunker(size: number): Chunker {
  if (!(size >= 1)) throw new Error('chunk size must be at least 1 byte');
  let pieces: Uint8Array[] = [];
  let length = 0;

  const cut = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const piece = pieces[0]!;
      const part = Math.min(piece.length, n - at);
      out.set(part === piece.length ? piece : piece.subarray(0, part), at);
      at += part;
      if (part === piece.length) pieces.shift();
      else pieces[0] = piece.subarray(part);
    }
    length -= n;
    return out;
  };

  return {
    push(piece) {
      if (piece.length === 0) return;
      pieces.push(piece);
      length += piece.length;
    },
    take() {
      const chunks: Uint8Array[] = [];
      while (length > size) chunks.push(cut(size));
      return chunks;
    },
    rest() {
      const out = cut(length);
      pieces = [];
      return out;
    },
  };
}
