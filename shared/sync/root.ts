/** The root file: which folder this is, its format, and (when encrypted) the wrapped data key. */
import { fromUtf8, randomBytes, toHex, utf8 } from '../bytes';
import { CryptoError, createDataKey, DEFAULT_PBKDF2_ITERATIONS, unlockDataKey, type WrappedKey } from '../crypto';
import { SyncError } from './problems';
import { FORMAT_VERSION } from './segment';

export type RootFile = {
  /** Magic. */
  format: 'rapport-sync-root';
  /** Format version of the folder. */
  v: number;
  /** Random id of this sync folder; devices remember it so a different folder is never mixed in. */
  folderId: string;
  /** Epoch ms of creation (informational). */
  createdAt: number;
  /** Present when the team chose a passphrase. */
  key?: WrappedKey;
};

/** Makes a new root, with a fresh data key when a passphrase is given. */
export async function createRoot(
  now: number,
  passphrase?: string,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<{ root: RootFile; key?: CryptoKey }> {
  const root: RootFile = { format: 'rapport-sync-root', v: FORMAT_VERSION, folderId: toHex(randomBytes(16)), createdAt: now };
  if (passphrase === undefined) return { root };
  const { key, wrapped } = await createDataKey(passphrase, iterations);
  return { root: { ...root, key: wrapped }, key };
}

export function encodeRoot(root: RootFile): Uint8Array {
  return utf8(JSON.stringify(root, null, 2) + '\n');
}

/** Parses a root file; throws SyncError `root.invalid`. */
export function decodeRoot(bytes: Uint8Array): RootFile {
  let r: RootFile;
  try {
    r = JSON.parse(fromUtf8(bytes)) as RootFile;
  } catch {
    throw new SyncError('root.invalid');
  }
  if (!r || r.format !== 'rapport-sync-root' || typeof r.folderId !== 'string' || !/^[0-9a-f]{8,64}$/.test(r.folderId))
    throw new SyncError('root.invalid');
  if (r.v > FORMAT_VERSION) throw new SyncError('root.invalid', { version: r.v });
  return r;
}

/** The data key of an encrypted root (undefined for a plain one). */
export async function openRoot(root: RootFile, passphrase: string | undefined): Promise<CryptoKey | undefined> {
  if (!root.key) return undefined;
  if (passphrase === undefined) throw new SyncError('crypto.passphraseRequired');
  try {
    return await unlockDataKey(passphrase, root.key);
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    throw new SyncError(e.code === 'crypto.wrongPassphrase' ? 'crypto.wrongPassphrase' : 'root.invalid');
  }
}
