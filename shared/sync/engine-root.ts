/** Finding, creating and opening the root file at the start of a run. */
import { META } from './engine-state';
import type { Folder, FolderEntry } from './folder';
import { isRootPath, parseDataPath, ROOT_PREFIX, rootPath } from './layout';
import { problem, SyncError, type SyncProblem } from './problems';
import { createRoot, decodeRoot, encodeRoot, openRoot, type RootFile } from './root';
import type { SyncStore } from './store';

const ROOT_INTENT = 'sync.rootIntent';

export type OpenRootInput = {
  folder: Folder;
  store: SyncStore;
  listing: FolderEntry[];
  now: number;
  problems: SyncProblem[];
  passphrase: string | undefined;
  iterations: number | undefined;
  keyCache: { folderId: string; key: CryptoKey | undefined } | null;
  keyring: SyncKeyring | undefined;
};

/**
 * Where an unlocked data key is kept between runs and restarts, so the passphrase itself need not be
 * stored: the app keeps the key as a non-extractable CryptoKey (see renderer/db/sync/keys.ts).
 */
export type SyncKeyring = {
  get(folderId: string): Promise<CryptoKey | undefined>;
  save(folderId: string, key: CryptoKey): Promise<void>;
};

/** `adopted`: this device had joined another root that lost a creation race; it must republish. */
export type OpenedRoot = { folderId: string; key: CryptoKey | undefined; adopted: boolean };

/** Null (with a problem) when the run must stop without writing or deleting anything. */
export async function openSyncRoot(input: OpenRootInput): Promise<OpenedRoot | null> {
  const { folder, store, listing, problems } = input;
  const known = await store.getMeta<string>(META.folderId);
  // A root this device started to create in an earlier run; a damaged one is its own crashed write.
  const intent = known ? undefined : await store.getMeta<string>(ROOT_INTENT);
  const roots: RootFile[] = [];
  let damaged = 0;
  for (const entry of listing.filter((e) => isRootPath(e.path))) {
    const bytes = await folder.read(entry.path);
    try {
      if (bytes) roots.push(decodeRoot(bytes));
    } catch {
      if (intent && entry.path === rootPath(intent)) await folder.remove(entry.path);
      else {
        damaged++;
        problems.push(problem('root.invalid', 'warning', {}, entry.path));
      }
    }
  }
  if (roots.length === 0) {
    if (damaged) {
      // Someone else's root still being delivered (or damaged): wait rather than start a second folder.
      problems.push(problem('root.invalid', 'error', {}, ROOT_PREFIX));
      return null;
    }
    const hasData = listing.some((e) => parseDataPath(e.path) !== null);
    if (known || hasData) {
      // Known folder without root, or data without root: an unmounted share, a half-synced or foreign
      // folder. Never "repair" it by starting over — stop and say so.
      problems.push(problem('folder.rootMissing', 'error', { folderId: known ?? '' }, known ? rootPath(known) : ROOT_PREFIX));
      return null;
    }
    let created: { root: RootFile; key?: CryptoKey };
    try {
      created = await createRoot(input.now, input.passphrase, input.iterations);
      await store.setMeta(ROOT_INTENT, created.root.folderId);
      await folder.writeAtomic(rootPath(created.root.folderId), encodeRoot(created.root));
    } catch (e) {
      problems.push(problem('folder.writeFailed', 'error', { error: String(e) }, ROOT_PREFIX));
      return null;
    }
    await store.setMeta(META.folderId, created.root.folderId);
    if (created.key) await input.keyring?.save(created.root.folderId, created.key);
    return { folderId: created.root.folderId, key: created.key, adopted: false };
  }
  // Two laptops may set up the empty folder at the same moment (each before seeing the other's root);
  // everyone settles on the smallest id, and a device that had joined another one republishes.
  roots.sort((a, b) => (a.folderId < b.folderId ? -1 : a.folderId > b.folderId ? 1 : 0));
  const root = roots[0]!;
  const distinct = new Set(roots.map((r) => r.folderId));
  if (distinct.size > 1) problems.push(problem('root.conflict', 'info', { folderId: root.folderId }, rootPath(root.folderId)));
  let adopted = false;
  if (known && known !== root.folderId) {
    if (!distinct.has(known)) {
      // Our root may be the one that could not be read just now (still arriving): try again later.
      if (damaged) problems.push(problem('root.invalid', 'error', {}, rootPath(known)));
      else problems.push(problem('folder.otherFolder', 'error', { folderId: root.folderId, expected: known }, rootPath(root.folderId)));
      return null;
    }
    adopted = true;
  }
  let key: CryptoKey | undefined;
  try {
    if (input.keyCache?.folderId === root.folderId) key = input.keyCache.key;
    else {
      const kept = root.key ? await input.keyring?.get(root.folderId) : undefined;
      key = kept ?? (await openRoot(root, input.passphrase));
      if (key && !kept) await input.keyring?.save(root.folderId, key);
    }
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    problems.push(problem(e.code, 'error', e.params, rootPath(root.folderId)));
    return null;
  }
  if (known !== root.folderId) await store.setMeta(META.folderId, root.folderId);
  return { folderId: root.folderId, key, adopted };
}

/**
 * Checks a passphrase against the folder's root right away (the settings form), without a run.
 * Null when the folder has no readable root yet (the first run creates one with this passphrase).
 * Throws SyncError `crypto.wrongPassphrase` for a wrong one.
 */
export async function unlockFolderKey(folder: Folder, passphrase: string): Promise<{ folderId: string; key: CryptoKey | undefined } | null> {
  const roots: RootFile[] = [];
  for (const entry of (await folder.list('')).filter((e) => isRootPath(e.path))) {
    const bytes = await folder.read(entry.path);
    try {
      if (bytes) roots.push(decodeRoot(bytes));
    } catch {
      // Damaged or still arriving: the run reports it.
    }
  }
  // The same choice as a run: the smallest id wins a set-up race.
  const root = roots.sort((a, b) => (a.folderId < b.folderId ? -1 : a.folderId > b.folderId ? 1 : 0))[0];
  return root ? { folderId: root.folderId, key: await openRoot(root, passphrase) } : null;
}
