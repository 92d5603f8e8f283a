/**
 * Encryption with a passphrase, WebCrypto only; the sync folder and encrypted backups use the same scheme.
 * A random 256-bit data key encrypts every file (AES-256-GCM, fresh random IV, the file's header line as
 * associated data so header and body cannot be swapped). The data key is stored (sync root file, backup
 * header) wrapped (AES-GCM) with a key derived from the passphrase by PBKDF2-SHA256. GCM's tag makes a wrong passphrase or a flipped byte fail
 * loudly instead of producing garbage.
 */
import { fromHex, randomBytes, toHex, utf8 } from '../bytes';

export type CryptoErrorCode =
  /** The wrapped key's parameters are unusable (unknown KDF, bad iteration count). */
  | 'crypto.invalidKey'
  /** The passphrase does not open the wrapped key (or the wrapping was altered). */
  | 'crypto.wrongPassphrase'
  /** A ciphertext, its IV or its associated data was altered. */
  | 'crypto.decryptFailed';

/** Thrown by the key and cipher helpers; sync and backups translate the code into their own problems. */
export class CryptoError extends Error {
  constructor(readonly code: CryptoErrorCode) {
    super(code);
    this.name = 'CryptoError';
  }
}

/** Production PBKDF2 iteration count (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

/** Stored in the root file; nothing secret. */
export type WrappedKey = {
  /** Key derivation. */
  kdf: 'PBKDF2-SHA256';
  /** PBKDF2 iterations. */
  iterations: number;
  /** PBKDF2 salt, hex. */
  salt: string;
  /** IV of the wrapping, hex. */
  iv: string;
  /** The data key encrypted with the passphrase key (ciphertext + tag), hex. */
  wrapped: string;
};

const WRAP_AAD = utf8('rapport-sync-key-v1');

type Buf = Uint8Array<ArrayBuffer>;
const buf = (b: Uint8Array): Buf => b as Buf;

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', buf(utf8(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', buf(raw), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Makes a new random data key and its wrapping for the root file. */
export async function createDataKey(
  passphrase: string,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<{ key: CryptoKey; wrapped: WrappedKey }> {
  const raw = randomBytes(32);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await passphraseKey(passphrase, salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: buf(WRAP_AAD) }, kek, buf(raw)));
  const key = await importDataKey(raw);
  raw.fill(0);
  return { key, wrapped: { kdf: 'PBKDF2-SHA256', iterations, salt: toHex(salt), iv: toHex(iv), wrapped: toHex(wrapped) } };
}

/** Opens the data key; throws CryptoError `crypto.wrongPassphrase` when the passphrase (or the wrapping) is wrong. */
export async function unlockDataKey(passphrase: string, w: WrappedKey): Promise<CryptoKey> {
  if (w.kdf !== 'PBKDF2-SHA256' || !Number.isInteger(w.iterations) || w.iterations < 1) throw new CryptoError('crypto.invalidKey');
  const kek = await passphraseKey(passphrase, fromHex(w.salt), w.iterations);
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf(fromHex(w.iv)), additionalData: buf(WRAP_AAD) }, kek, buf(fromHex(w.wrapped))),
    );
  } catch {
    throw new CryptoError('crypto.wrongPassphrase');
  }
  const key = await importDataKey(raw);
  raw.fill(0);
  return key;
}

/** A fresh random 96-bit GCM IV, hex; never reuse one with the same key. */
export function newIv(): string {
  return toHex(randomBytes(12));
}

/** Encrypts; `aad` (the file header, which names the IV) is authenticated but not encrypted. */
export async function encryptBytes(key: CryptoKey, ivHex: string, plain: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(fromHex(ivHex)), additionalData: buf(aad) }, key, buf(plain));
  return new Uint8Array(cipher);
}

/** Decrypts; throws CryptoError `crypto.decryptFailed` when anything was altered. */
export async function decryptBytes(key: CryptoKey, ivHex: string, cipher: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf(fromHex(ivHex)), additionalData: buf(aad) }, key, buf(cipher));
    return new Uint8Array(plain);
  } catch {
    throw new CryptoError('crypto.decryptFailed');
  }
}
