// A ZIP archive written front to back, one entry at a time, so an XLSX of 100k rows never exists in
// memory: each entry's bytes are deflated as they come (the platform's CompressionStream, in Chromium
// workers and in Node) and handed to the sink; sizes and CRC follow each entry in a data descriptor
// (general purpose bit 3), and the central directory closes the file. exceljs's own streaming writer
// needs Node's fs, zlib, stream, events, util… (archiver), which a Web Worker does not have.

/** Takes the archive's next bytes, in order; a promise holds the writer back (a slow disk). */
export type ZipSink = (bytes: Uint8Array) => void | Promise<void>;

/** One entry being written: `write` its bytes, then `close` it before the next one begins. */
export type ZipEntry = { write(bytes: Uint8Array): Promise<void>; close(): Promise<void> };

export type ZipWriter = {
  /** Starts the entry `name` (a path inside the archive, UTF-8). */
  begin(name: string): ZipEntry;
  /** A whole entry at once (the small XML parts). */
  add(name: string, bytes: Uint8Array): Promise<void>;
  /** Writes the central directory; the archive is complete once this resolves. */
  finish(): Promise<void>;
};

type Written = { name: Uint8Array; crc: number; compressed: number; size: number; offset: number };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the ZIP polynomial) continued from `crc` over `bytes`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS time and date of `when` (local time, as ZIP tools read it). */
function dosTime(when: Date): { time: number; date: number } {
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
  const date = (Math.max(0, when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  return { time, date };
}

const LIMIT = 0xffffffff;

export function createZipWriter(sink: ZipSink, when: Date = new Date()): ZipWriter {
  const encoder = new TextEncoder();
  const { time, date } = dosTime(when);
  const entries: Written[] = [];
  let offset = 0;
  let open = false;
  const emit = async (bytes: Uint8Array) => {
    offset += bytes.length;
    if (offset > LIMIT) throw new Error('zip: archive over 4 GB (no ZIP64)');
    await sink(bytes);
  };

  const begin = (path: string): ZipEntry => {
    if (open) throw new Error('zip: the previous entry is still open');
    open = true;
    const name = encoder.encode(path);
    const start = offset;
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    header.setUint16(6, 0x0808, true); // bit 3: sizes in the data descriptor; bit 11: UTF-8 name
    header.setUint16(8, 8, true); // deflate
    header.setUint16(10, time, true);
    header.setUint16(12, date, true);
    header.setUint16(26, name.length, true);
    const headerBytes = new Uint8Array(30 + name.length);
    headerBytes.set(new Uint8Array(header.buffer));
    headerBytes.set(name, 30);
    const headerSent = emit(headerBytes);

    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = new CompressionStream('deflate-raw');
    const writer = deflate.writable.getWriter();
    // Drains the deflated bytes to the sink while the entry is written (the header goes first).
    const drained = headerSent.then(async () => {
      const reader = deflate.readable.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        compressed += value.length;
        await emit(value);
      }
    });
    // A failing sink must not leave `write` waiting on a stream nobody reads.
    drained.catch(() => writer.abort().catch(() => undefined));
    return {
      async write(bytes) {
        if (bytes.length === 0) return;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (size > LIMIT) throw new Error('zip: entry over 4 GB (no ZIP64)');
        await Promise.race([writer.write(bytes as Uint8Array<ArrayBuffer>), drained.then(() => undefined)]);
      },
      async close() {
        await writer.close();
        await drained;
        const descriptor = new DataView(new ArrayBuffer(16));
        descriptor.setUint32(0, 0x08074b50, true);
        descriptor.setUint32(4, crc, true);
        descriptor.setUint32(8, compressed, true);
        descriptor.setUint32(12, size, true);
        await emit(new Uint8Array(descriptor.buffer));
        entries.push({ name, crc, compressed, size, offset: start });
        open = false;
      },
    };
  };

  return {
    begin,
    async add(name, bytes) {
      const entry = begin(name);
      await entry.write(bytes);
      await entry.close();
    },
    async finish() {
      if (open) throw new Error('zip: an entry is still open');
      const start = offset;
      for (const e of entries) {
        const record = new DataView(new ArrayBuffer(46));
        record.setUint32(0, 0x02014b50, true);
        record.setUint16(4, 20, true); // made by: MS-DOS attributes, version 2.0
        record.setUint16(6, 20, true);
        record.setUint16(8, 0x0808, true);
        record.setUint16(10, 8, true);
        record.setUint16(12, time, true);
        record.setUint16(14, date, true);
        record.setUint32(16, e.crc, true);
        record.setUint32(20, e.compressed, true);
        record.setUint32(24, e.size, true);
        record.setUint16(28, e.name.length, true);
        record.setUint32(42, e.offset, true);
        const bytes = new Uint8Array(46 + e.name.length);
        bytes.set(new Uint8Array(record.buffer));
        bytes.set(e.name, 46);
        await emit(bytes);
      }
      const end = new DataView(new ArrayBuffer(22));
      end.setUint32(0, 0x06054b50, true);
      end.setUint16(8, entries.length, true);
      end.setUint16(10, entries.length, true);
      end.setUint32(12, offset - start, true);
      end.setUint32(16, start, true);
      await emit(new Uint8Array(end.buffer));
    },
  };
}
