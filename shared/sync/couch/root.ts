/**
 * The database's own document `rapport:key`: a random database id (so a database deleted and created
 * again is recognised: its id differs from the one this laptop remembers) and, for a team passphrase,
 * the wrapped data key (the same PBKDF2/AES-GCM wrapping as the folder's root file). Created with a
 * PUT without revision: of two laptops setting up the same empty database, one gets 409 and adopts the
 * other's document.
 */
import { randomBytes, toHex } from '../../bytes';
import { CryptoError, createDataKey, DEFAULT_PBKDF2_ITERATIONS, unlockDataKey, type WrappedKey } from '../../crypto';
import type { SyncKeyring } from '../engine-root';
import { SyncError } from '../problems';
import { couchCall, docPath, isObject, type CouchLabels } from './http';
import { ROOT_DOC_ID } from './doc';
import type { CouchTransport } from './types';

export type CouchRoot = {
  _id: typeof ROOT_DOC_ID;
  /** Magic. */
  format: 'rapport-couch-root';
  /** Format version. */
  v: 1;
  /** Random id of this database's life; a recreated database gets a new one. */
  databaseId: string;
  /** Epoch ms of creation (informational). */
  createdAt: number;
  /** Present when the team chose a passphrase. */
  key?: WrappedKey;
};

export type OpenedDatabase = { databaseId: string; key: CryptoKey | undefined; name: string };

function isRoot(v: unknown): v is CouchRoot {
  return isObject(v) && v.format === 'rapport-couch-root' && typeof v.databaseId === 'string' && /^[0-9a-f]{8,64}$/.test(v.databaseId);
}

export type OpenDatabaseInput = {
  transport: CouchTransport;
  labels: CouchLabels;
  now: number;
  passphrase: string | undefined;
  iterations: number | undefined;
  keyring: SyncKeyring | undefined;
  /** Key unlocked in an earlier run of this engine. */
  cached: { databaseId: string; key: CryptoKey | undefined } | null;
};

/** Checks the database answers like CouchDB, reads (or creates) its root document and unlocks the key. */
export async function openDatabase(input: OpenDatabaseInput): Promise<OpenedDatabase> {
  const { transport, labels } = input;
  const info = await couchCall(transport, labels, 'GET', '', undefined);
  if (!isObject(info.body) || typeof info.body.db_name !== 'string') throw new SyncError('couch.notCouch', { url: labels.server });
  const name = info.body.db_name;
  const named = { ...labels, database: labels.database || name };
  let root: CouchRoot | undefined;
  for (let attempt = 0; attempt < 3 && !root; attempt++) {
    const got = await couchCall(transport, named, 'GET', docPath(ROOT_DOC_ID), undefined, [200, 404]);
    if (got.status === 200) {
      if (!isRoot(got.body)) throw new SyncError('root.invalid', {});
      root = got.body;
      break;
    }
    const fresh: CouchRoot = { _id: ROOT_DOC_ID, format: 'rapport-couch-root', v: 1, databaseId: toHex(randomBytes(16)), createdAt: input.now };
    let key: CryptoKey | undefined;
    if (input.passphrase !== undefined) {
      const made = await createDataKey(input.passphrase, input.iterations ?? DEFAULT_PBKDF2_ITERATIONS);
      fresh.key = made.wrapped;
      key = made.key;
    }
    const put = await couchCall(transport, named, 'PUT', docPath(ROOT_DOC_ID), fresh, [201, 202, 409]);
    if (put.status === 409) continue; // Another laptop set it up first: read theirs.
    if (key) await input.keyring?.save(fresh.databaseId, key);
    return { databaseId: fresh.databaseId, key, name };
  }
  if (!root) throw new SyncError('couch.conflict', { count: 1 });
  if (!root.key) return { databaseId: root.databaseId, key: undefined, name };
  if (input.cached?.databaseId === root.databaseId && input.cached.key) return { databaseId: root.databaseId, key: input.cached.key, name };
  const kept = await input.keyring?.get(root.databaseId);
  if (kept) return { databaseId: root.databaseId, key: kept, name };
  if (input.passphrase === undefined) throw new SyncError('crypto.passphraseRequired');
  try {
    const key = await unlockDataKey(input.passphrase, root.key);
    await input.keyring?.save(root.databaseId, key);
    return { databaseId: root.databaseId, key, name };
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    throw new SyncError(e.code === 'crypto.wrongPassphrase' ? 'crypto.wrongPassphrase' : 'root.invalid');
  }
}

/**
 * Checks a passphrase typed into the server form against the database's root before anything is kept
 * (as `unlockFolderKey` does for the folder). Reads only. null: the database has no root yet (the first
 * run creates it with this passphrase); `key` undefined: the team uses no passphrase. Throws SyncError
 * `crypto.wrongPassphrase` for a wrong one, and the mapped HTTP problem when the server cannot be asked.
 */
export async function unlockCouchKey(transport: CouchTransport, labels: CouchLabels, passphrase: string): Promise<{ databaseId: string; key: CryptoKey | undefined } | null> {
  const info = await couchCall(transport, labels, 'GET', '', undefined);
  if (!isObject(info.body) || typeof info.body.db_name !== 'string') throw new SyncError('couch.notCouch', { url: labels.server });
  const named = { ...labels, database: labels.database || info.body.db_name };
  const got = await couchCall(transport, named, 'GET', docPath(ROOT_DOC_ID), undefined, [200, 404]);
  if (got.status === 404) return null;
  if (!isRoot(got.body)) throw new SyncError('root.invalid', {});
  if (!got.body.key) return { databaseId: got.body.databaseId, key: undefined };
  try {
    return { databaseId: got.body.databaseId, key: await unlockDataKey(passphrase, got.body.key) };
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    throw new SyncError(e.code === 'crypto.wrongPassphrase' ? 'crypto.wrongPassphrase' : 'root.invalid');
  }
}
