/**
 * Pulling: `_changes` page by page from the checkpoint (`conflicts=true&include_docs=true`; no
 * `style=all_docs`: the leaves it lists are in the document's `_conflicts` already, and computing and
 * sending them cost pouchdb-server about a third of the feed's CPU),
 * each document decoded to changes and merged through `SyncStore.apply` (idempotent, so a page seen
 * twice after a crash changes nothing). Documents with conflict leaves are merged and resolved on the
 * server; documents written by a far-future clock wait in quarantine like the folder's segments.
 */
import { CryptoError } from '../../crypto';
import type { Change } from '../change';
import { compareHlc, decodeHlc, isHlc } from '../hlc';
import { checkpointPath, nextMark } from './clone';
import { type Checkpoint, COUCH_META, type CouchCtx, type PulledDoc, report } from './context';
import { type DecodedDoc, decodeDoc, docChanges, parseDocId, type RowDoc } from './doc';
import { couchCall, isObject } from './http';
import { mergeIntoServer, readDocs } from './write';

/** True (with a warning) when the document's writer clock is too far ahead and its device is not trusted. */
function quarantine(ctx: CouchCtx, doc: RowDoc): boolean {
  if (!isHlc(doc.c)) return false;
  const { wall, device } = decodeHlc(doc.c);
  const aheadMs = wall - ctx.now;
  if (aheadMs <= ctx.maxClockAheadMs || ctx.trustFuture.includes(device)) return false;
  report(ctx, 'segment.futureClock', 'warning', { device, writer: device, seq: 0, aheadMs }, doc._id);
  ctx.quarantined.push({ path: doc._id, device, seq: 0, aheadMs });
  return true;
}

/** One pulled document decoded, and its changes; null when it is not a row, is quarantined, or cannot be decrypted. */
async function accept(ctx: CouchCtx, doc: RowDoc): Promise<{ decoded: DecodedDoc; changes: Change[] } | null> {
  const row = parseDocId(doc._id);
  if (!row || doc._deleted) return null;
  if (quarantine(ctx, doc)) return null;
  try {
    const decoded = await decodeDoc(doc, ctx.key);
    return { decoded, changes: docChanges(row.table, row.rowId, decoded.fields) };
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    report(ctx, 'segment.decryptFailed', 'error', {}, doc._id);
    return null;
  }
}

async function applyAll(ctx: CouchCtx, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  ctx.applied += (await ctx.store.apply(changes)).length;
  let newest = '';
  for (const c of changes) if (compareHlc(c.hlc, newest) > 0) newest = c.hlc;
  ctx.clock.receive(newest);
}

type ChangesPage = { results: Array<{ id: string; doc?: RowDoc | null }>; last_seq: string | number };

/** Pulls everything after `since`; saves the checkpoint after every applied page and returns the last one. */
export async function pull(ctx: CouchCtx, since: string | number): Promise<string | number> {
  for (;;) {
    const path = `_changes?conflicts=true&include_docs=true&limit=${ctx.batch}&since=${encodeURIComponent(String(since))}`;
    const res = await couchCall(ctx.transport, ctx.labels, 'GET', path, undefined);
    const page = res.body as ChangesPage;
    if (!isObject(page) || !Array.isArray(page.results)) throw new Error('changes feed without results');
    const changes: Change[] = [];
    const conflicted = new Map<string, Change[]>();
    for (const r of page.results) {
      const doc = r.doc;
      if (!doc || parseDocId(r.id) === null) continue;
      if (doc._conflicts?.length) {
        conflicted.set(r.id, []);
        continue;
      }
      const pulled: PulledDoc | undefined = ctx.wanted.has(r.id) ? { doc } : undefined;
      if (pulled) ctx.pulled.set(r.id, pulled);
      // This laptop's own write coming back: everything in it is already in the local store.
      if (ctx.ownRevs.get(r.id) === doc._rev) {
        ctx.ownRevs.delete(r.id);
        continue;
      }
      const got = await accept(ctx, doc);
      if (!got) continue;
      for (const c of got.changes) changes.push(c);
      if (pulled) pulled.decoded = got.decoded;
    }
    await applyAll(ctx, changes);
    if (conflicted.size) await mergeIntoServer(ctx, conflicted, true);
    since = page.last_seq;
    const checkpoint: Checkpoint = { databaseId: ctx.databaseId, since };
    await ctx.store.setMeta(COUCH_META.checkpoint, checkpoint);
    if (page.results.length < ctx.batch) return since;
  }
}

/** Documents quarantined in earlier runs: merged once their clock is trusted or this laptop's caught up. */
export async function recheckQuarantine(ctx: CouchCtx, held: string[]): Promise<void> {
  if (held.length === 0) return;
  const docs = await readDocs(ctx, held);
  const changes: Change[] = [];
  for (const { doc } of docs.values()) {
    const got = await accept(ctx, doc);
    if (got) changes.push(...got.changes);
  }
  await applyAll(ctx, changes);
}

/** What this engine last wrote into `_local/<device>` (saves a read per run). */
export type ServerCheckpoint = { databaseId: string; device: string; since: string | number; rev: string };

/**
 * Also keeps the checkpoint on the server (`_local/<device>`, the replication protocol's place for it:
 * an administrator sees how far each laptop has read). Written only when it moved; a stale revision is
 * read and written again.
 */
export async function saveServerCheckpoint(ctx: CouchCtx, since: string | number, last: ServerCheckpoint | undefined): Promise<ServerCheckpoint | undefined> {
  if (last && last.databaseId === ctx.databaseId && last.since === since && last.device === ctx.device) return last;
  const path = checkpointPath(ctx.device);
  let rev = last?.databaseId === ctx.databaseId && last.device === ctx.device ? last.rev : undefined;
  // Remembered before the write: a lost answer must not make this install's own write look foreign.
  const mark = await nextMark(ctx.store, ctx.databaseId, ctx.device);
  for (let attempt = 0; attempt < 2; attempt++) {
    const body = { ...(rev ? { _rev: rev } : {}), since, databaseId: ctx.databaseId, device: ctx.device, at: ctx.now, mark };
    const put = await couchCall(ctx.transport, ctx.labels, 'PUT', path, body, [200, 201, 202, 409]);
    if (put.status !== 409) return isObject(put.body) && typeof put.body.rev === 'string' ? { databaseId: ctx.databaseId, device: ctx.device, since, rev: put.body.rev } : undefined;
    const cur = await couchCall(ctx.transport, ctx.labels, 'GET', path, undefined, [200, 404]);
    rev = cur.status === 200 && isObject(cur.body) && typeof cur.body._rev === 'string' ? cur.body._rev : undefined;
  }
  return undefined;
}
