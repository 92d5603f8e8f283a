/**
 * Optional encryption of backup files with a passphrase, the same scheme as the sync folder
 * (shared/crypto/data-key.ts): a random AES-256-GCM data key wrapped with a PBKDF2-SHA256 key of the
 * passphrase. GCM's tag makes a wrong passphrase, a flipped byte or a truncated file fail loudly
 * instead of restoring garbage. Two versions of the file:
 * - version 1 (this file, read only by the app since version 2 exists): one header line, then ONE
 *   GCM ciphertext of the whole backup (header line as associated data). It can only be opened
 *   whole, so it is read up to ENCRYPTED_V1_LIMIT (the largest backup the app ever wrote that way).
 * - version 2 (encrypted-stream.ts): the same header line, then the backup in separately sealed
 *   chunks, so it is written and restored a chunk at a time.
 */
import { concatBytes, fromUtf8, utf8 } from '../bytes';
import { createDataKey, decryptBytes, DEFAULT_PBKDF2_ITERATIONS, encryptBytes, newIv, unlockDataKey, type WrappedKey } from '../crypto';

export const MAGIC = 'rapport-backup-encrypted';

/** Version-1 files are decrypted whole; the app wrote them only up to this size (its former bridge limit). */
export const ENCRYPTED_V1_LIMIT = 512 * 1024 * 1024;

export type BackupCryptoCode =
  | 'backup.crypto.notEncrypted'
  | 'backup.crypto.damaged'
  | 'backup.crypto.wrongPassphrase'
  | 'backup.crypto.passphraseRequired'
  /** A chunk (params.chunk, 1-based) fails its check: altered, missing, or out of order. */
  | 'backup.crypto.chunkDamaged'
  /** The file ends after chunk params.chunk without its last chunk. */
  | 'backup.crypto.truncated'
  /** A version-1 file larger than params.limit (params.size bytes). */
  | 'backup.crypto.tooLarge';

/** Why an encrypted backup cannot be opened; the UI translates the code (with `params`). */
export class BackupCryptoError extends Error {
  constructor(
    readonly code: BackupCryptoCode,
    readonly params: Record<string, number> = {},
  ) {
    super(Object.keys(params).length ? `${code} ${JSON.stringify(params)}` : code);
    this.name = 'BackupCryptoError';
  }
}

type Header = { format: typeof MAGIC; version: 1; key: WrappedKey; iv: string };

/** Whether the bytes start like an encrypted backup (no passphrase needed to tell). */
export function isEncryptedBackup(bytes: Uint8Array): boolean {
  return fromUtf8Safe(bytes.subarray(0, MAGIC.length + 12)).includes(MAGIC);
}

function fromUtf8Safe(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    return '';
  }
}

/** Encrypts backup text in the version-1 format (one ciphertext); the app writes version 2, tests write this to check old files still open. */
export function encryptBackup(text: string, passphrase: string, iterations = DEFAULT_PBKDF2_ITERATIONS): Promise<Uint8Array> {
  return encryptBackupBytes(utf8(text), passphrase, iterations);
}

/** Encrypts the UTF-8 bytes of backup text (as the chunked writer makes them, no string of the whole backup). */
export async function encryptBackupBytes(plain: Uint8Array, passphrase: string, iterations = DEFAULT_PBKDF2_ITERATIONS): Promise<Uint8Array> {
  const { key, wrapped } = await createDataKey(passphrase, iterations);
  const header: Header = { format: MAGIC, version: 1, key: wrapped, iv: newIv() };
  const headerBytes = utf8(`${JSON.stringify(header)}\n`);
  const cipher = await encryptBytes(key, header.iv, plain, headerBytes);
  return concatBytes([headerBytes, cipher]);
}

/** Decrypts an encrypted backup back to its text; throws BackupCryptoError. */
export async function decryptBackup(bytes: Uint8Array, passphrase: string): Promise<string> {
  return fromUtf8(await decryptBackupBytes(bytes, passphrase));
}

/** The backup's data key unwrapped with the passphrase; a wrong one or a damaged key says which. */
export async function unlockBackupKey(passphrase: string, wrapped: WrappedKey): Promise<CryptoKey> {
  try {
    return await unlockDataKey(passphrase, wrapped);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new BackupCryptoError(code === 'crypto.wrongPassphrase' ? 'backup.crypto.wrongPassphrase' : 'backup.crypto.damaged');
  }
}

/** Decrypts an encrypted backup to its UTF-8 bytes (restore reads them line by line, never as one string). */
export async function decryptBackupBytes(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new BackupCryptoError(isEncryptedBackup(bytes) ? 'backup.crypto.damaged' : 'backup.crypto.notEncrypted');
  const headerBytes = bytes.subarray(0, newline + 1);
  let header: Header;
  try {
    header = JSON.parse(fromUtf8(headerBytes)) as Header;
  } catch {
    throw new BackupCryptoError(isEncryptedBackup(bytes) ? 'backup.crypto.damaged' : 'backup.crypto.notEncrypted');
  }
  if (header.format !== MAGIC) throw new BackupCryptoError('backup.crypto.notEncrypted');
  if (header.version !== 1 || !header.key || typeof header.iv !== 'string') throw new BackupCryptoError('backup.crypto.damaged');
  const key = await unlockBackupKey(passphrase, header.key);
  try {
    return await decryptBytes(key, header.iv, bytes.subarray(newline + 1), headerBytes);
  } catch {
    throw new BackupCryptoError('backup.crypto.damaged');
  }
}
