import { describe, expect, it } from 'vitest';
import { concatBytes, toHex, utf8 } from '../bytes';
import { bytesSource, sequentialChunks } from './chunks';
import { checkedChunks, closeWithIntegrity, createContentHasher, INTEGRITY_BLOCK_BYTES, parseIntegrityLine } from './integrity';

/** A plain file as the writer closes it: `body`, then the integrity line, cut into `chunkBytes` chunks on the way. */
async function hashedFile(body: Uint8Array, chunkBytes: number): Promise<Uint8Array> {
  const hasher = createContentHasher();
  const out: Uint8Array[] = [];
  let at = 0;
  for (; at + chunkBytes < body.length; at += chunkBytes) out.push(await hasher.add(body.subarray(at, at + chunkBytes)));
  out.push(...(await closeWithIntegrity(hasher, body.subarray(at), chunkBytes)));
  return concatBytes(out);
}

async function readAll(file: Uint8Array, chunkBytes: number) {
  const chunks = checkedChunks(sequentialChunks(bytesSource(file), chunkBytes));
  const seen: Uint8Array[] = [];
  for (let c = await chunks.next(); c; c = await chunks.next()) seen.push(c);
  return { bytes: concatBytes(seen), integrity: chunks.integrity() };
}

/** Deep equality of large typed arrays is slow in expect; a plain loop is not. */
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** 1.1 MiB of text lines: two hash blocks. */
const body = utf8(Array.from({ length: 17_000 }, (_, i) => `{"id":"a${i}","city":"Bonn","note":"${'x'.repeat(40)}"},`).join('\n') + '\n]\n},\n');

describe('backup integrity (SHA-256 over 1 MiB blocks, WebCrypto)', () => {
  it('is SHA-256 of the blocks’ SHA-256 digests, whatever chunks it was written and read in', async () => {
    expect(body.length).toBeGreaterThan(INTEGRITY_BLOCK_BYTES);
    const digests: Uint8Array[] = [];
    for (let at = 0; at < body.length; at += INTEGRITY_BLOCK_BYTES) {
      digests.push(new Uint8Array(await crypto.subtle.digest('SHA-256', body.slice(at, at + INTEGRITY_BLOCK_BYTES))));
    }
    const expected = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(digests) as Uint8Array<ArrayBuffer>)));
    const file = await hashedFile(body, 300_001);
    expect(same(await hashedFile(body, 65_536), file)).toBe(true);
    const last = new TextDecoder().decode(file.subarray(body.length)).trimEnd();
    expect(parseIntegrityLine(last)).toEqual({ algorithm: 'sha256-1mib-blocks', hash: expected });
    for (const size of [50_000, INTEGRITY_BLOCK_BYTES + 3]) {
      const read = await readAll(file, size);
      expect(read.integrity).toBe('verified');
      expect(same(read.bytes, file)).toBe(true);
    }
  });

  it('refuses one changed byte in a middle block, a changed hash and an unknown algorithm', async () => {
    const file = await hashedFile(body, 65_536);
    const at = new TextDecoder().decode(file).indexOf('Bonn', Math.floor(file.length / 2));
    const changed = file.slice();
    changed[at] = 'D'.charCodeAt(0);
    await expect(readAll(changed, 65_536)).rejects.toMatchObject({ issue: { code: 'backup.altered' } });
    const text = new TextDecoder().decode(file);
    const hash = parseIntegrityLine(text.trimEnd().split('\n').at(-1)!)!.hash;
    await expect(readAll(utf8(text.replace(hash, `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`)), 65_536)).rejects.toMatchObject({ issue: { code: 'backup.altered' } });
    await expect(readAll(utf8(text.replace('sha256-1mib-blocks', 'sha512-blocks')), 65_536)).rejects.toMatchObject({ issue: { code: 'backup.altered' } });
  });

  it('marks a file without an integrity line as not verified (older backups), and an empty one too', async () => {
    expect((await readAll(utf8('{"format":"rapport-backup"}\n'), 10)).integrity).toBe('none');
    expect((await readAll(new Uint8Array(0), 10)).integrity).toBe('none');
  });
});
