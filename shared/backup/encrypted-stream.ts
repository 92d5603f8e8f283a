import { concatBytes, fromHex, fromUtf8, randomBytes, toHex, utf8 } from '../bytes';
import { createDataKey, DEFAULT_PBKDF2_ITERATIONS, type WrappedKey } from '../crypto';
import { bytesSource, readExact, sequentialChunks, type ByteSource, type PlainChunks } from './chunks';
import { BackupCryptoError, decryptBackupBytes, ENCRYPTED_V1_LIMIT, isEncryptedBackup, MAGIC, unlockBackupKey } from './encryption';

// Encrypted backups, version 2: written and read a chunk at a time (WebCrypto AES-256-GCM only).
//
//   {"format":"rapport-backup-encrypted","version":2,"key":{…wrapped data key…},"nonce":"<8 bytes hex>"}\n
//   [u32 length][ciphertext + tag of chunk 0]  [u32 length][chunk 1] … [u32 length][last chunk]
//
// Each chunk is its own GCM message under the file's random data key. Its IV is the header's
// random 8-byte nonce followed by the chunk's index (u32, big-endian): unique per chunk, never
// reused under a key. Its associated data is the header line, the index and a last-chunk flag, so
// a chunk moved to another place, dropped, repeated, taken from another file, or a file cut off
// at a chunk boundary fails the tag check instead of restoring partial data.

type HeaderV2 = { format: typeof MAGIC; version: 2; key: WrappedKey; nonce: string };

/** A GCM tag; every sealed chunk is at least this long. */
const TAG_BYTES = 16;
/** Far above any chunk the writer makes (BACKUP_CHUNK_BYTES); a larger length field is damage. */
const MAX_SEALED_BYTES = 64 * 1024 * 1024;
/** Enough to hold the header line (a few hundred bytes). */
const HEAD_BYTES = 64 * 1024;
/** Enough to see the format name at the start. */
const PROBE_BYTES = 64;

type Buf = Uint8Array<ArrayBuffer>;
const buf = (b: Uint8Array): Buf => b as Buf;

function ivOf(nonce: Uint8Array, index: number): Buf {
  const iv = new Uint8Array(12);
  iv.set(nonce);
  new DataView(iv.buffer).setUint32(8, index);
  return iv;
}

function aadOf(header: Uint8Array, index: number, last: boolean): Buf {
  const tail = new Uint8Array(5);
  new DataView(tail.buffer).setUint32(0, index);
  tail[4] = last ? 1 : 0;
  return buf(concatBytes([header, tail]));
}

export type BackupSealer = {
  /**
   * The header line, the file's first bytes: a new copy on every read, owned by the caller (it may be
   * sent on and even transferred; the sealer keeps its own for every chunk's associated data).
   */
  readonly header: Uint8Array;
  /** The next chunk sealed (length field + ciphertext); `last` for the file's final chunk. */
  seal(plain: Uint8Array, last: boolean): Promise<Uint8Array>;
};

/** Starts an encrypted backup: a new random data key wrapped with the passphrase. Chunks must be sealed in order. */
export async function createBackupSealer(passphrase: string, iterations = DEFAULT_PBKDF2_ITERATIONS): Promise<BackupSealer> {
  const { key, wrapped } = await createDataKey(passphrase, iterations);
  const nonce = randomBytes(8);
  const header = utf8(`${JSON.stringify({ format: MAGIC, version: 2, key: wrapped, nonce: toHex(nonce) } satisfies HeaderV2)}\n`);
  let index = 0;
  let closed = false;
  return {
    get header() {
      return header.slice();
    },
    async seal(plain, last) {
      if (closed) throw new Error('encrypted backup already has its last chunk');
      closed = last;
      const at = index++;
      const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: ivOf(nonce, at), additionalData: aadOf(header, at, last) }, key, buf(plain)));
      const record = new Uint8Array(4 + cipher.length);
      new DataView(record.buffer).setUint32(0, cipher.length);
      record.set(cipher, 4);
      return record;
    },
  };
}

/** The sealed chunks after the header, opened one by one; throws BackupCryptoError naming the chunk that fails. */
function openedChunks(source: ByteSource, key: CryptoKey, header: Uint8Array, nonce: Uint8Array, chunkBytes: number): PlainChunks {
  let offset = header.length;
  let index = 0;
  let size = Number.POSITIVE_INFINITY;
  let ended = false;
  const open = (sealed: Uint8Array, last: boolean) =>
    crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivOf(nonce, index), additionalData: aadOf(header, index, last) }, key, buf(sealed)).then(
      (plain) => new Uint8Array(plain),
      () => undefined,
    );
  return {
    async next() {
      if (ended) return undefined;
      const chunk = index + 1;
      const lengthField = await readExact(source, offset, 4, chunkBytes);
      size = lengthField.size;
      if (lengthField.data.length < 4) throw new BackupCryptoError('backup.crypto.truncated', { chunk: index });
      const length = new DataView(lengthField.data.buffer, lengthField.data.byteOffset, 4).getUint32(0);
      if (length < TAG_BYTES || length > MAX_SEALED_BYTES) throw new BackupCryptoError('backup.crypto.chunkDamaged', { chunk });
      const sealed = await readExact(source, offset + 4, length, chunkBytes);
      if (sealed.data.length < length) throw new BackupCryptoError('backup.crypto.truncated', { chunk: index });
      const atEnd = offset + 4 + length >= sealed.size;
      const plain = await open(sealed.data, atEnd);
      if (!plain) {
        // Tell a cut-off file (a sound chunk that is not the last at the end) from damage.
        if (atEnd && (await open(sealed.data, false))) throw new BackupCryptoError('backup.crypto.truncated', { chunk });
        throw new BackupCryptoError('backup.crypto.chunkDamaged', { chunk });
      }
      offset += 4 + length;
      index++;
      ended = atEnd;
      return plain;
    },
    progress: () => (Number.isFinite(size) && size > 0 ? Math.min(1, offset / size) : 0),
  };
}

/** A stored backup's content: `open` reads it (again) from the start, decrypting when it is encrypted. */
export type BackupContent = { encrypted: boolean; open(): PlainChunks };

export type ContentOptions = { chunkBytes: number; v1Limit?: number };

/**
 * Opens a backup file for reading: plain ones as they are; encrypted ones after unlocking the data
 * key once (PBKDF2 is slow on purpose), version 2 chunk by chunk, version 1 whole (up to
 * ENCRYPTED_V1_LIMIT). Throws BackupCryptoError: passphrase missing or wrong, file damaged or too large.
 */
export async function openBackupContent(source: ByteSource, passphrase: string | undefined, options: ContentOptions): Promise<BackupContent> {
  const { chunkBytes } = options;
  // A few bytes tell an encrypted file; only then is its header line read.
  const probe = await readExact(source, 0, PROBE_BYTES, chunkBytes);
  if (!isEncryptedBackup(probe.data)) return { encrypted: false, open: () => sequentialChunks(source, chunkBytes) };
  if (!passphrase) throw new BackupCryptoError('backup.crypto.passphraseRequired');
  const head = await readExact(source, 0, HEAD_BYTES, chunkBytes);
  const first = head.data;
  const newline = first.indexOf(0x0a);
  let header: { version?: unknown; key?: WrappedKey; nonce?: unknown };
  try {
    if (newline < 0) throw new Error('no header line');
    header = JSON.parse(fromUtf8(first.subarray(0, newline))) as typeof header;
  } catch {
    throw new BackupCryptoError('backup.crypto.damaged');
  }
  if (header.version === 1) {
    const limit = options.v1Limit ?? ENCRYPTED_V1_LIMIT;
    if (head.size > limit) throw new BackupCryptoError('backup.crypto.tooLarge', { size: head.size, limit });
    const plain = await decryptBackupBytes((await readExact(source, 0, head.size, chunkBytes)).data, passphrase);
    return { encrypted: true, open: () => sequentialChunks(bytesSource(plain), chunkBytes) };
  }
  let nonce: Uint8Array;
  try {
    if (header.version !== 2 || !header.key || typeof header.nonce !== 'string') throw new Error('bad header');
    nonce = fromHex(header.nonce);
    if (nonce.length !== 8) throw new Error('bad nonce');
  } catch {
    throw new BackupCryptoError('backup.crypto.damaged');
  }
  const key = await unlockBackupKey(passphrase, header.key);
  const headerBytes = first.slice(0, newline + 1);
  return { encrypted: true, open: () => openedChunks(source, key, headerBytes, nonce, chunkBytes) };
}
