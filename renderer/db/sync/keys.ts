/**
 * Where this laptop keeps what opens an encrypted sync folder. The team passphrase itself is never
 * stored: it is used once to unwrap the folder's data key, and only that key is kept — as a WebCrypto
 * `CryptoKey` created with `extractable: false`, which IndexedDB stores as an opaque object. Script
 * running in the app can use it to encrypt and decrypt, but nobody (not devtools, not a copied
 * profile read with other tools, not an injected script) can read its bytes or learn the passphrase,
 * which people tend to reuse elsewhere. Why not Electron's safeStorage: it exists only in the desktop
 * shell (the browser build has no equivalent) and would still hand the plain passphrase back to the
 * renderer on every run; a non-extractable key works the same in both. The trade-off: whoever copies
 * the whole profile can sync as this laptop — as with any secret an app must use without asking.
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
