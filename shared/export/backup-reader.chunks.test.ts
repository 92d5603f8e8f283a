import { describe, expect, it } from 'vitest';
import type { PlainChunks } from '../backup/chunks';
import { createBackup } from './backup';
import { BackupReadError, NEED_BYTES, openBackupReader, type BackupReadOptions } from './backup-reader';
import { serializeBackupBytes } from './backup-writer';

const NOW = new Date('2026-11-23T08:15:00.000Z');
const rows = [
  { id: 'a1', name: 'Müller & Söhne', updatedAt: 1 },
  { id: 'a2', name: 'Café 🚀 Zürich', updatedAt: 2 },
  { id: 'a3', name: 'Ende', updatedAt: 3 },
];
const bytes = serializeBackupBytes(createBackup({ accounts: rows, settings: [{ id: 's', updatedAt: 1 }] }, 4, NOW));
const text = new TextDecoder().decode(bytes);

/** The bytes as the bridge would hand them over, cut exactly at `cuts`; counts the chunks asked for. */
function chunksAt(source: Uint8Array, cuts: number[]): PlainChunks & { asked: number } {
  const edges = [0, ...cuts, source.length];
  let i = 0;
  const out = {
    asked: 0,
    async next() {
      out.asked++;
      if (i >= edges.length - 1) return undefined;
      const chunk = source.slice(edges[i], edges[i + 1]);
      i++;
      return chunk;
    },
    progress: () => edges[i]! / source.length,
  };
  return out;
}

async function readAll(chunks: PlainChunks, options: BackupReadOptions = {}) {
  const reader = await openBackupReader(chunks, options);
  const tables: Record<string, unknown[]> = {};
  for (let batch = await reader.next(2); batch; batch = await reader.next(2)) (tables[batch.table] ??= []).push(...batch.rows);
  expect(reader.progress()).toBe(1);
  return tables;
}

const expected = { accounts: rows, settings: [{ id: 's', updatedAt: 1 }] };

describe('backup reader fed chunk by chunk', () => {
  it('carries a row split across two chunks over to the next', async () => {
    const inRow = text.indexOf('Müller') + 2;
    expect(await readAll(chunksAt(bytes, [inRow]))).toEqual(expected);
    // A row spread over many chunks, and a chunk holding nothing but the middle of a row.
    const start = text.indexOf('{"id":"a2"');
    expect(await readAll(chunksAt(bytes, [start + 3, start + 6, start + 9, start + 40]))).toEqual(expected);
  });

  it('joins a multi-byte UTF-8 character split across chunks', async () => {
    const rocket = bytes.indexOf(0xf0); // first byte of 🚀 (4 bytes)
    const umlaut = bytes.indexOf(0xc3); // first byte of ü (2 bytes)
    for (const cuts of [[rocket + 1], [rocket + 2], [rocket + 3], [umlaut + 1], [umlaut + 1, rocket + 2]]) {
      expect(await readAll(chunksAt(bytes, cuts)), JSON.stringify(cuts)).toEqual(expected);
    }
  });

  it('reads CRLF line breaks, also when CR and LF fall into different chunks', async () => {
    const crlf = new TextEncoder().encode(text.replaceAll('\n', '\r\n'));
    const cr = crlf.indexOf(0x0d, crlf.indexOf(0x0d) + 1);
    expect(await readAll(chunksAt(crlf, [cr + 1]))).toEqual(expected);
    expect(await readAll(chunksAt(crlf, Array.from({ length: crlf.length - 1 }, (_, i) => i + 1)))).toEqual(expected);
  });

  it('reports a file cut off at a chunk boundary, and a damaged character', async () => {
    const cut = text.indexOf('{"id":"a3"') + 5;
    const error = await readAll(chunksAt(bytes.subarray(0, cut), [cut - 2])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupReadError);
    expect((error as BackupReadError).issue).toMatchObject({ code: 'backup.truncated' });
    const broken = bytes.slice();
    broken[bytes.indexOf(0xf0) + 1] = 0x41;
    const damaged = await readAll(chunksAt(broken, [bytes.indexOf(0xf0) + 1])).catch((e: unknown) => e);
    expect((damaged as BackupReadError).issue).toEqual({ code: 'backup.not_json', line: 4 });
  });

  it('take never waits: it answers NEED_BYTES until more() reads the next chunk (restore awaits that explicitly)', async () => {
    const chunks = chunksAt(bytes, [10, 50, 90, 130]);
    const reader = await openBackupReader(chunks);
    const forHeader = chunks.asked;
    const tables: Record<string, unknown[]> = {};
    let needs = 0;
    for (;;) {
      const batch = reader.take(2);
      if (batch === NEED_BYTES) {
        needs++;
        await reader.more();
        continue;
      }
      if (!batch) break;
      (tables[batch.table] ??= []).push(...batch.rows);
    }
    expect(tables).toEqual(expected);
    // Every chunk after the header's (and the end) was asked for after a NEED_BYTES, never inside take.
    expect(needs).toBe(chunks.asked - forHeader);
    expect(needs).toBeGreaterThan(1);
  });

  it('refuses an old one-line backup above the whole-file limit with its size', async () => {
    const oneLine = new TextEncoder().encode(JSON.stringify(createBackup({ accounts: rows }, 4, NOW)));
    const error = await readAll(chunksAt(oneLine, [20, 40]), { wholeFileLimit: 50 }).catch((e: unknown) => e);
    expect((error as BackupReadError).issue).toMatchObject({ code: 'backup.too_large', params: { limit: 50 } });
    expect(await readAll(chunksAt(oneLine, [20, 40]))).toEqual({ accounts: rows });
  });
});
