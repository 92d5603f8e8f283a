/** This device's side of the folder: finishing interrupted writes, detecting clones, writing segments. */
import { isErasure } from './change';
import { type Ctx, report } from './engine-context';
import { freshOwn, ownMark, saveMeta } from './engine-state';
import { type DataFileRef, parseDataPath } from './layout';
import { decodeDataFile, encodeDataFile, hashMatches } from './segment';

/**
 * Resolves a write that was interrupted (crash between temp write and rename, failed rename): if the
 * file is complete it counts as written, otherwise its remains are removed and the changes — still
 * queued — go into the next segment with the same seq.
 */
export async function resolveIntent(ctx: Ctx): Promise<void> {
  const own = ctx.meta.own;
  const intent = own.intent;
  if (!intent) return;
  const bytes = await ctx.folder.read(intent.path);
  if (bytes && (await hashMatches(bytes, intent.hash))) {
    const file = await decodeDataFile(bytes, ctx.key);
    own.seq = intent.seq;
    own.lastHash = intent.hash;
    own.intent = undefined;
    await saveMeta(ctx.store, ctx.meta);
    await ctx.store.dropPending(file.changes);
    return;
  }
  if (bytes) await tryRemove(ctx, intent.path);
  own.intent = undefined;
  await saveMeta(ctx.store, ctx.meta);
}

/**
 * A verified file in this device's own folder that this install never wrote means another install
 * runs with the same device id (a copied profile or a restored backup). Returns the foreign files.
 */
export async function findForeignOwnFiles(ctx: Ctx): Promise<DataFileRef[]> {
  const written = new Set(ctx.meta.own.written);
  const foreign: DataFileRef[] = [];
  for (const ref of ctx.refs) {
    if (ref.device !== ctx.device || written.has(ownMark(ref.hash))) continue;
    const bytes = await ctx.folder.read(ref.path);
    // An unverified file may still be arriving; it is judged once complete.
    if (bytes && (await hashMatches(bytes, ref.hash))) foreign.push(ref);
  }
  return foreign;
}

/**
 * Gives this install a new device id. The old id's files stay as they are and are read like another
 * device's: they hold this install's and the clone's history.
 */
export async function restartIdentity(ctx: Ctx, newId: string): Promise<void> {
  const old = ctx.device;
  const oldOwn = ctx.meta.own;
  ctx.meta.own = freshOwn([...oldOwn.retired, old]);
  // Everything this install wrote under the old id is already in the local state.
  ctx.meta.heads[old] = { seq: oldOwn.seq, above: [] };
  ctx.meta.seen.push(...ctx.refs.filter((r) => r.device === old && oldOwn.written.includes(ownMark(r.hash))).map((r) => r.hash));
  ctx.device = newId;
  ctx.clock.device = newId;
  await saveMeta(ctx.store, ctx.meta);
}

/**
 * This device had joined a root that lost a set-up race. Its files carry the losing folder id, so it
 * removes them and queues its whole state again for the winning folder (a plain merge for everyone).
 */
export async function adoptRoot(ctx: Ctx): Promise<void> {
  const old = ctx.meta.own;
  for (const ref of ctx.refs) if (ref.device === ctx.device) await tryRemove(ctx, ref.path);
  ctx.refs = ctx.refs.filter((r) => r.device !== ctx.device);
  // Seqs are never reused (a reader may have seen the removed files); the snapshot written in this
  // run lets readers of the winning folder skip the gap. The written hashes stay, so a removed file
  // arriving late elsewhere does not look like a clone.
  const seq = Math.max(old.seq, old.intent?.seq ?? 0);
  ctx.meta = {
    ...ctx.meta,
    own: { ...freshOwn(old.retired), seq, compactedTo: seq, written: old.written },
    heads: {},
    seen: [],
    peers: {},
  };
  ctx.snapshotNow = true;
  await ctx.store.recordLocal(await ctx.store.exportAll());
  await saveMeta(ctx.store, ctx.meta);
}

/** Writes the queued local changes as new segments (several when the queue is long). */
export async function writePending(ctx: Ctx, maxPerSegment: number): Promise<boolean> {
  const pending = await ctx.store.pending();
  for (let start = 0; start < pending.length; start += maxPerSegment) {
    const chunk = pending.slice(start, start + maxPerSegment);
    const own = ctx.meta.own;
    const seq = own.seq + 1;
    const header = { kind: 'segment' as const, folder: ctx.folderId, device: ctx.device, seq, prev: own.lastHash, created: ctx.clock.tick() };
    const file = await encodeDataFile(header, chunk, ctx.key);
    own.written.push(ownMark(file.hash));
    own.intent = { seq, hash: file.hash, path: file.path };
    await saveMeta(ctx.store, ctx.meta);
    try {
      await ctx.folder.writeAtomic(file.path, file.bytes);
    } catch (e) {
      report(ctx, 'folder.writeFailed', 'warning', { error: errorName(e) }, file.path);
      return false;
    }
    own.seq = seq;
    own.lastHash = file.hash;
    own.intent = undefined;
    await saveMeta(ctx.store, ctx.meta);
    await ctx.store.dropPending(chunk);
    noteWritten(ctx, file.path, file.bytes.length);
    ctx.written += chunk.length;
    if (chunk.some(isErasure)) ctx.snapshotNow = true;
  }
  return true;
}

/** Keeps the run's view of the folder current after this device added a file. */
export function noteWritten(ctx: Ctx, path: string, size: number): void {
  const ref = parseDataPath(path);
  if (ref) ctx.refs.push(ref);
  ctx.listing.push({ path, size });
}

/** Own segments that should be in the folder (committed, not compacted) but are not: someone deleted them. */
export function ownSegmentsMissing(ctx: Ctx): boolean {
  const present = new Set(ctx.refs.filter((r) => r.kind === 'segment' && r.device === ctx.device).map((r) => r.seq));
  for (let s = ctx.meta.own.compactedTo + 1; s <= ctx.meta.own.seq; s++) if (!present.has(s)) return true;
  return false;
}

export async function tryRemove(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.folder.remove(path);
    return true;
  } catch (e) {
    report(ctx, 'folder.removeFailed', 'warning', { error: errorName(e) }, path);
    return false;
  }
}

export function errorName(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.name : 'unknown';
}
