/**
 * Moving the team from its folder to the CouchDB server (shared/sync/couch/move.ts) with the app's
 * own syncs: the folder sync captures local edits and reads the folder's whole history into the
 * store, the CouchDB engine merges it into the server, then the folder gets the marker. Afterwards
 * every server run also replays folder files written late by laptops that had not seen the marker.
 */
import { parseCouchUrl } from '../../../shared/bridge/couch-url';
import { createLateReplay, type LateReplay, moveFolderToServer, type MoveProgress, type MoveResult } from '../../../shared/sync/couch/move';
import { getBridge } from '../../bridge';
import { syncKeyring } from '../../db/sync/keys';
import { appendSyncLog, createAppCouchSync, createAppSync, setSyncTarget } from '../../db/sync/settings';
import { bridgeCouch, couchLabels } from './bridge-couch';
import { bridgeFolder } from './bridge-folder';
import { canSync, passphraseForRun, refreshSync, resetEngine, syncNow, useSync } from './sync-controller';

/** Runs the move (or, on a laptop that was away, joins the moved team); the server becomes this laptop's target. */
export async function moveTeam(onProgress: (p: MoveProgress) => void): Promise<MoveResult> {
  await refreshSync();
  const { folder, couch } = useSync.getState();
  const parsed = couch?.url ? parseCouchUrl(couch.url) : undefined;
  if (!folder || !canSync({ target: 'folder', folder, couch }) || !couch?.url || !parsed || 'problem' in parsed) {
    throw new Error('move: folder and server must both be set up');
  }
  const passphrase = await passphraseForRun();
  const folderSync = createAppSync(bridgeFolder(getBridge()), passphrase);
  const couchSync = createAppCouchSync(bridgeCouch(getBridge()), passphrase, couchLabels(couch.url, couch.user));
  await couchSync.engine.init();
  const result = await moveFolderToServer({
    folderEngine: { syncOnce: () => folderSync.sync() },
    store: folderSync.store,
    couch: couchSync.engine,
    folder: bridgeFolder(getBridge()),
    server: parsed,
    onProgress,
  });
  await setSyncTarget('couch');
  resetEngine();
  await refreshSync();
  void syncNow();
  return result;
}

let late: { key: string; replay: LateReplay } | undefined;

/** One late replay while the old folder is still reachable; problems go to the sync log, never stop the run. */
export async function replayLateFolder(): Promise<void> {
  const { folder, couch } = useSync.getState();
  if (!folder?.path || folder.needsPermission || !couch?.url) return;
  const passphrase = await passphraseForRun();
  const key = `${folder.path}\u0000${couch.url}\u0000${couch.user ?? ''}\u0000${passphrase ?? ''}`;
  if (late?.key !== key) {
    const folderSync = createAppSync(bridgeFolder(getBridge()), passphrase);
    const couchSync = createAppCouchSync(bridgeCouch(getBridge()), passphrase, couchLabels(couch.url, couch.user));
    await couchSync.engine.init();
    const replay = createLateReplay({
      folder: bridgeFolder(getBridge()),
      store: folderSync.store,
      clock: folderSync.clock,
      keyring: syncKeyring,
      ...(passphrase ? { passphrase } : {}),
      couch: couchSync.engine,
    });
    late = { key, replay };
  }
  try {
    const result = await late.replay.run();
    const problems = result.status.problems.filter((p) => p.code !== 'folder.moved' && p.code !== 'folder.unavailable');
    if (problems.length) useSync.setState({ log: await appendSyncLog(problems, Date.now()) });
  } catch {
    // The folder is optional once the team moved (archived, unmounted): nothing to replay then.
  }
}
