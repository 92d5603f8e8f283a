/** CRYPTO-TAMPER for chunked encrypted backups (format version 2), and reading version-1 files. */
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../bytes';
import { bytesSource, createChunker } from './chunks';
import { createBackupSealer, openBackupContent } from './encrypted-stream';
import { encryptBackupBytes } from './encryption';

const FAST = 1000; // PBKDF2 iterations for tests; production uses 600 000.
const PASS = 'Team Süd 2026!';
const plain = new TextEncoder().encode(Array.from({ length: 40 }, (_, i) => `{"id":"a${i}","name":"Müller ${i} 🚀"}`).join('\n'));

/** An encrypted v2 file with chunks of `size` plaintext bytes: the header and each sealed record apart. */
async function sealed(size = 300, content = plain, passphrase = PASS) {
  const sealer = await createBackupSealer(passphrase, FAST);
  const chunker = createChunker(size);
  chunker.push(content);
  const records: Uint8Array[] = [];
  for (const chunk of chunker.take()) records.push(await sealer.seal(chunk, false));
  records.push(await sealer.seal(chunker.rest(), true));
  return { header: sealer.header, records, file: concatBytes([sealer.header, ...records]) };
}

async function readPlain(file: Uint8Array, passphrase: string | undefined, chunkBytes = 64) {
  const content = await openBackupContent(bytesSource(file), passphrase, { chunkBytes });
  const chunks = content.open();
  const parts: Uint8Array[] = [];
  for (let chunk = await chunks.next(); chunk; chunk = await chunks.next()) parts.push(chunk);
  return { encrypted: content.encrypted, bytes: concatBytes(parts), progress: chunks.progress() };
}

const refusal = (file: Uint8Array, passphrase: string | undefined = PASS) => readPlain(file, passphrase).then(() => undefined, (error: unknown) => error);

describe('chunked encrypted backups', () => {
  it('round-trip chunk by chunk, whatever the read size, and hide the content', async () => {
    const { file, records } = await sealed();
    expect(records.length).toBe(Math.ceil(plain.length / 300));
    expect(new TextDecoder().decode(file)).not.toContain('Müller');
    for (const chunkBytes of [7, 301, 1 << 20]) {
      const read = await readPlain(file, PASS, chunkBytes);
      expect(read).toEqual({ encrypted: true, bytes: plain, progress: 1 });
    }
  });

  it('hand the header line to the caller: sending it on, even transferred to another thread, leaves the later chunks sound', async () => {
    const sealer = await createBackupSealer(PASS, FAST);
    const first = sealer.header;
    // What postMessage with a transfer list does to the buffer the backup worker sends first.
    const sent = structuredClone(first, { transfer: [first.buffer] });
    expect(first.byteLength).toBe(0);
    const chunker = createChunker(300);
    chunker.push(plain);
    const records: Uint8Array[] = [];
    for (const chunk of chunker.take()) records.push(await sealer.seal(chunk, false));
    records.push(await sealer.seal(chunker.rest(), true));
    expect(sealer.header).toEqual(sent);
    expect((await readPlain(concatBytes([sent, ...records]), PASS)).bytes).toEqual(plain);
  });

  it('refuse a wrong or missing passphrase', async () => {
    const { file } = await sealed();
    expect(await refusal(file, 'falsch')).toMatchObject({ code: 'backup.crypto.wrongPassphrase' });
    expect(await readPlain(file, undefined).catch((e: unknown) => e)).toMatchObject({ code: 'backup.crypto.passphraseRequired' });
  });

  it('name the chunk with an altered byte', async () => {
    const { header, records } = await sealed();
    for (const [chunk, at] of [[1, 10], [2, 4], [3, records[2]!.length - 1]] as const) {
      const altered = records.map((r) => r.slice());
      const record = altered[chunk - 1]!;
      record[at] = record[at]! ^ 0x01;
      expect(await refusal(concatBytes([header, ...altered])), `chunk ${chunk}`).toMatchObject({ code: 'backup.crypto.chunkDamaged', params: { chunk } });
    }
    // The header is every chunk's associated data: a changed nonce fails the first chunk.
    const file = concatBytes([header, ...records]);
    const nonceAt = new TextDecoder().decode(header).indexOf('"nonce":"') + 9;
    const copy = file.slice();
    copy[nonceAt] = copy[nonceAt] === 0x30 ? 0x31 : 0x30;
    expect(await refusal(copy)).toMatchObject({ code: 'backup.crypto.chunkDamaged', params: { chunk: 1 } });
  });

  it('refuse a dropped, repeated, reordered or foreign chunk', async () => {
    const { header, records } = await sealed();
    const other = await sealed(300, plain.slice().reverse());
    const cases: Record<string, [Uint8Array[], number]> = {
      dropped: [[records[0]!, records[2]!, ...records.slice(3)], 2],
      repeated: [[records[0]!, records[1]!, records[1]!, ...records.slice(2)], 3],
      reordered: [[records[0]!, records[2]!, records[1]!, ...records.slice(3)], 2],
      foreign: [[records[0]!, other.records[1]!, ...records.slice(2)], 2],
    };
    for (const [what, [list, chunk]] of Object.entries(cases)) {
      expect(await refusal(concatBytes([header, ...list])), what).toMatchObject({ code: 'backup.crypto.chunkDamaged', params: { chunk } });
    }
    // The last chunk moved to the front.
    expect(await refusal(concatBytes([header, records.at(-1)!, ...records.slice(0, -1)]))).toMatchObject({ code: 'backup.crypto.chunkDamaged', params: { chunk: 1 } });
  });

  it('refuse a truncated file: at a chunk boundary, inside a chunk, inside a length field', async () => {
    const { header, records, file } = await sealed();
    const n = records.length;
    expect(await refusal(concatBytes([header, ...records.slice(0, -1)]))).toMatchObject({ code: 'backup.crypto.truncated', params: { chunk: n - 1 } });
    expect(await refusal(concatBytes([header, ...records.slice(0, 2)]))).toMatchObject({ code: 'backup.crypto.truncated', params: { chunk: 2 } });
    expect(await refusal(header)).toMatchObject({ code: 'backup.crypto.truncated', params: { chunk: 0 } });
    expect(await refusal(file.subarray(0, file.length - 5))).toMatchObject({ code: 'backup.crypto.truncated', params: { chunk: n - 1 } });
    expect(await refusal(file.subarray(0, header.length + 2))).toMatchObject({ code: 'backup.crypto.truncated', params: { chunk: 0 } });
    // Data after the last chunk is damage, not more backup.
    expect(await refusal(concatBytes([file, records[0]!]))).toMatchObject({ code: 'backup.crypto.chunkDamaged', params: { chunk: n } });
  });

  it('pass a plain backup through unchanged', async () => {
    expect(await readPlain(plain, undefined, 100)).toEqual({ encrypted: false, bytes: plain, progress: 1 });
  });
});

describe('version-1 encrypted backups (one ciphertext)', () => {
  it('still open, whole, below the limit', async () => {
    const old = await encryptBackupBytes(plain, PASS, FAST);
    expect(await readPlain(old, PASS, 50)).toEqual({ encrypted: true, bytes: plain, progress: 1 });
    expect(await refusal(old, 'falsch')).toMatchObject({ code: 'backup.crypto.wrongPassphrase' });
    const altered = old.slice();
    altered[altered.length - 2] = altered[altered.length - 2]! ^ 0x01;
    expect(await refusal(altered)).toMatchObject({ code: 'backup.crypto.damaged' });
  });

  it('are refused above the limit with their size, before anything is decrypted', async () => {
    const old = await encryptBackupBytes(plain, PASS, FAST);
    const error = await openBackupContent(bytesSource(old), PASS, { chunkBytes: 64, v1Limit: 100 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'backup.crypto.tooLarge', params: { size: old.length, limit: 100 } });
  });
});
