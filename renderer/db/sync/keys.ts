/**
 * Where this laptop keeps what opens an encrypted sync folder. The team passphrase itself is never
 * stored: it is used once to unwrap the folder's data key, and only that key is kept — as a WebCrypto
 * `CryptoKey` created with `extractable: false`, which IndexedDB stores as an opaque object. Script
 * running in the app (devtools and injected scripts included) can use it to encrypt and decrypt but
 * cannot export its bytes through WebCrypto, and the passphrase, which people tend to reuse elsewhere,
 * is never on disk. That is all "non-extractable" promises: Chromium writes the key material itself
 * into the profile's IndexedDB files, so whoever copies the profile and reads those files with other
 * tools has the folder's data key (not the passphrase) and can read and write the team's sync data.
 * Protect the profile as you would the data (disk encryption). Why not Electron's safeStorage: it
 * exists only in the desktop shell (the browser build has no equivalent) and would still hand the
 * plain passphrase back to the renderer on every run; a non-extractable key works the same in both.
 * Keys live in the small handles database, outside backups, one per folder id.
 */
import type { SyncKeyring } from '../../../shared/sync';
import { deleteHandle, getHandle, setHandle } from './handles';

const KEYS = 'syncKeys';
/** Earlier versions stored the passphrase in clear here; it is used once more, then deleted. */
const LEGACY_PASSPHRASE = 'syncPassphrase';

type Keys = Record<string, CryptoKey>;

export const syncKeyring: SyncKeyring = {
  get: async (folderId) => (await getHandle<Keys>(KEYS))?.[folderId],
  async save(folderId, key) {
    if (key.extractable) throw new Error('only non-extractable keys are kept');
    await setHandle(KEYS, { ...((await getHandle<Keys>(KEYS)) ?? {}), [folderId]: key });
  },
};

/** True when a key for some folder is kept on this laptop. */
export async function hasSyncKey(): Promise<boolean> {
  return Object.keys((await getHandle<Keys>(KEYS)) ?? {}).length > 0;
}

/** Forgets every kept key (and a legacy passphrase). */
export async function forgetSyncKeys(): Promise<void> {
  await deleteHandle(KEYS);
  await deleteHandle(LEGACY_PASSPHRASE);
}

/** A passphrase stored in clear by an earlier version, if any (to be turned into a key and deleted). */
export const legacyPassphrase = () => getHandle<string>(LEGACY_PASSPHRASE);
export const dropLegacyPassphrase = () => deleteHandle(LEGACY_PASSPHRASE);
