/**
 * Clone detection on the server path (the folder's `device.cloned`, shared/sync/README.md). A laptop
 * whose profile was copied from another carries the same device id and the same bookkeeping. Every
 * write of the `_local/<device>` checkpoint carries a random mark, remembered in the store *before*
 * the write (so an answer lost on the way never looks foreign). When the server's checkpoint holds a
 * mark this install never wrote, another install with its id wrote it since the copy: the one that
 * notices takes a new id, as the folder engine does; the old id's documents stay as they are.
 */
import { randomBytes, toHex } from '../../bytes';
import { freshOwn, loadMeta, META, saveMeta } from '../engine-state';
import type { SyncStore } from '../store';
import { COUCH_META, type CouchCtx } from './context';
import { couchCall, isObject } from './http';

/** Marks of `_local/<device>` writes this install made (the newest few: a confirmed one and one in flight). */
export type OwnMarks = { databaseId: string; device: string; marks: string[] };

const KEEP = 4;

export function checkpointPath(device: string): string {
  return `_local/${encodeURIComponent(device)}`;
}

/** Remembers a new mark for this device's next checkpoint write and returns it (call before the PUT). */
export async function nextMark(store: SyncStore, databaseId: string, device: string): Promise<string> {
  const mark = toHex(randomBytes(8));
  const own = await store.getMeta<OwnMarks>(COUCH_META.ownMarks);
  const earlier = own && own.databaseId === databaseId && own.device === device ? own.marks.slice(-(KEEP - 1)) : [];
  await store.setMeta(COUCH_META.ownMarks, { databaseId, device, marks: [...earlier, mark] } satisfies OwnMarks);
  return mark;
}

/**
 * True when `_local/<device>` holds a mark this install did not write. Nothing to compare (first run
 * with this database, a checkpoint from an older version or removed by an administrator) is no clone.
 */
export async function clonedOnServer(ctx: CouchCtx): Promise<boolean> {
  const own = await ctx.store.getMeta<OwnMarks>(COUCH_META.ownMarks);
  if (!own || own.databaseId !== ctx.databaseId || own.device !== ctx.device || own.marks.length === 0) return false;
  const got = await couchCall(ctx.transport, ctx.labels, 'GET', checkpointPath(ctx.device), undefined, [200, 404]);
  if (got.status !== 200 || !isObject(got.body) || typeof got.body.mark !== 'string') return false;
  return !own.marks.includes(got.body.mark);
}

/**
 * This install continues under `newId`. The folder engine's log of its own files starts afresh under
 * the new id (what it wrote under the old one is already in the local state), as its own restart does.
 */
export async function takeNewIdentity(ctx: CouchCtx, newId: string): Promise<void> {
  const old = ctx.device;
  if (await ctx.store.getMeta(META.engine)) {
    const meta = await loadMeta(ctx.store);
    if (meta.own.seq > 0) meta.heads[old] = { seq: Math.max(meta.heads[old]?.seq ?? 0, meta.own.seq), above: [] };
    meta.own = freshOwn([...meta.own.retired, old]);
    await saveMeta(ctx.store, meta);
  }
  await ctx.store.setMeta(META.deviceId, newId);
  ctx.device = newId;
  ctx.clock.device = newId;
}
