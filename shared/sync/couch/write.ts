/**
 * Merging changes into the server's documents: read the current winner and its conflict leaves, merge
 * per field (`compareWrites`), write the merged body on the winner's revision and remove the losing
 * leaves in the same `_bulk_docs`. A 409 only means someone wrote in between: read and merge again.
 * The same code resolves conflicts seen while pulling (with no local changes), so two laptops resolving
 * at once write identical bodies and the second one's 409 turns into "nothing left to do".
 */
import { CryptoError } from '../../crypto';
import { type Change, ERASED_FIELD, type FieldState } from '../change';
import { compareHlc } from '../hlc';
import { SyncError } from '../problems';
import { type CouchCtx, report } from './context';
import { type CouchField, type DecodedDoc, decodeDoc, docChanges, encodeFields, mergeField, parseDocId, type RowDoc } from './doc';
import { couchCall, docPath, isObject } from './http';

/** Rounds of read-merge-write for documents that keep getting 409. */
const MAX_ROUNDS = 6;

/** `pulled`: came in this run's pull, so the store has it already; `decoded`: as the pull decoded it. */
type ServerDoc = { doc: RowDoc; losers: RowDoc[]; pulled?: boolean; decoded?: DecodedDoc };

/** Current winners (with `_conflicts`) and the bodies of their losing leaves. Missing and deleted documents are absent. */
export async function readDocs(ctx: CouchCtx, ids: string[]): Promise<Map<string, ServerDoc>> {
  const out = new Map<string, ServerDoc>();
  if (ids.length === 0) return out;
  const res = await couchCall(ctx.transport, ctx.labels, 'POST', '_all_docs?include_docs=true&conflicts=true', { keys: ids });
  const rows = isObject(res.body) && Array.isArray(res.body.rows) ? (res.body.rows as Array<{ doc?: RowDoc | null }>) : [];
  for (const row of rows) {
    const doc = row.doc;
    if (!doc || doc._deleted || typeof doc._id !== 'string') continue;
    const losers: RowDoc[] = [];
    for (const rev of doc._conflicts ?? []) {
      const got = await couchCall(ctx.transport, ctx.labels, 'GET', `${docPath(doc._id)}?rev=${encodeURIComponent(rev)}`, undefined, [200, 404]);
      // A leaf removed meanwhile (another laptop resolved it): the next write's 409 says so.
      if (got.status === 200 && isObject(got.body)) losers.push(got.body as RowDoc);
    }
    out.set(doc._id, { doc, losers });
  }
  return out;
}

/** The documents to merge into: on the first round those pulled in this run as they came, the others read. */
async function currentDocs(ctx: CouchCtx, ids: string[], usePulled: boolean): Promise<Map<string, ServerDoc>> {
  const known = new Map<string, ServerDoc>();
  const unknown: string[] = [];
  for (const id of ids) {
    const got = usePulled ? ctx.pulled.get(id) : undefined;
    ctx.pulled.delete(id);
    if (got && !got.doc._deleted) known.set(id, { doc: got.doc, losers: [], pulled: true, ...(got.decoded ? { decoded: got.decoded } : {}) });
    else unknown.push(id);
  }
  for (const [id, d] of await readDocs(ctx, unknown)) known.set(id, d);
  return known;
}

/** Erased rows' losing leaves are purged where the server can (CouchDB 3); else deleted (pouchdb-server has no `_purge`). */
async function purge(ctx: CouchCtx, revs: Record<string, string[]>): Promise<boolean> {
  if (Object.keys(revs).length === 0) return true;
  const res = await couchCall(ctx.transport, ctx.labels, 'POST', '_purge', revs, [200, 201, 202, 400, 404, 405, 415, 500, 501]);
  return res.status >= 200 && res.status < 300;
}

type Planned = { writes: object[]; owners: string[]; learned: Change[]; done: string[]; failed: string[]; losers: number };

async function plan(ctx: CouchCtx, groups: Map<string, Change[]>, ids: string[], docs: Map<string, ServerDoc>, stamp: string): Promise<Planned> {
  const p: Planned = { writes: [], owners: [], learned: [], done: [], failed: [], losers: 0 };
  const erasedLosers: Record<string, string[]> = {};
  for (const id of ids) {
    const row = parseDocId(id)!;
    const server = docs.get(id);
    const merged = new Map<string, FieldState>();
    let raw: Record<string, CouchField> = {};
    try {
      if (server) {
        const dec = server.decoded ?? (await decodeDoc(server.doc, ctx.key));
        raw = dec.raw;
        for (const [f, s] of dec.fields) merged.set(f, s);
        for (const loser of server.losers) for (const [f, s] of (await decodeDoc(loser, ctx.key)).fields) mergeField(merged, f, s);
        if (!server.pulled) p.learned.push(...docChanges(row.table, row.rowId, merged));
      }
    } catch (e) {
      if (!(e instanceof CryptoError)) throw e;
      // Altered or foreign ciphertext: nothing merged into it, the local changes stay queued.
      report(ctx, 'segment.decryptFailed', 'error', {}, id);
      p.failed.push(id);
      continue;
    }
    let changed = !server || server.losers.length > 0;
    for (const c of groups.get(id) ?? []) changed = mergeField(merged, c.field, { hlc: c.hlc, value: c.value }) || changed;
    if (!changed) {
      p.done.push(id);
      continue;
    }
    const body: RowDoc = { _id: id, f: await encodeFields(id, merged, raw, ctx.key), c: stamp };
    if (server?.doc._rev) body._rev = server.doc._rev;
    p.writes.push(body);
    p.owners.push(id);
    const erased = merged.get(ERASED_FIELD)?.value === true;
    for (const loser of server?.losers ?? []) {
      p.losers++;
      if (erased) (erasedLosers[id] ??= []).push(loser._rev!);
      else {
        p.writes.push({ _id: id, _rev: loser._rev, _deleted: true });
        p.owners.push(id);
      }
    }
  }
  if (!(await purge(ctx, erasedLosers)))
    for (const [id, revs] of Object.entries(erasedLosers))
      for (const rev of revs) {
        p.writes.push({ _id: id, _rev: rev, _deleted: true });
        p.owners.push(id);
      }
  return p;
}

/**
 * Merges `groups` (document id → changes; an empty list only resolves conflicts) into the server.
 * Returns the ids now holding every given change. `learn`: apply what the server held to the local
 * store and remember the written revisions (a push of this laptop's queue; not the folder replay).
 */
export async function mergeIntoServer(ctx: CouchCtx, groups: Map<string, Change[]>, learn: boolean): Promise<Set<string>> {
  const done = new Set<string>();
  let ids = [...groups.keys()].filter((id) => parseDocId(id) !== null);
  for (let round = 0; round < MAX_ROUNDS && ids.length > 0; round++) {
    const docs = await currentDocs(ctx, ids, round === 0);
    const p = await plan(ctx, groups, ids, docs, ctx.clock.tick());
    if (learn && p.learned.length) {
      ctx.applied += (await ctx.store.apply(p.learned)).length;
      let newest = '';
      for (const c of p.learned) if (compareHlc(c.hlc, newest) > 0) newest = c.hlc;
      if (newest) ctx.clock.receive(newest);
    }
    for (const id of p.done) done.add(id);
    // Undecryptable documents (reported) are left alone: their changes stay queued.
    ids = [];
    if (p.writes.length === 0) break;
    const res = await couchCall(ctx.transport, ctx.labels, 'POST', '_bulk_docs', { docs: p.writes });
    const results = Array.isArray(res.body) ? (res.body as Array<{ ok?: boolean; rev?: string; error?: string }>) : [];
    const retry = new Set<string>();
    const revs = new Map<string, string>();
    p.writes.forEach((w, i) => {
      const id = p.owners[i]!;
      const r = results[i];
      if (r?.error === 'forbidden' || r?.error === 'unauthorized') throw new SyncError('couch.forbidden', { user: ctx.labels.user, database: ctx.labels.database });
      if (!r || r.error) retry.add(id);
      else if (!(w as { _deleted?: boolean })._deleted && r.rev) revs.set(id, r.rev);
    });
    for (const [id, rev] of revs) {
      if (retry.has(id)) continue;
      done.add(id);
      ctx.written++;
      ctx.resolved += docs.get(id)?.losers.length ?? 0;
      if (learn) ctx.ownRevs.set(id, rev);
    }
    ctx.conflicts += retry.size;
    ids = [...retry];
  }
  if (ids.length > 0) report(ctx, 'couch.conflict', 'warning', { count: ids.length });
  return done;
}

/** Groups changes by document, in order of first appearance. */
export function groupByDoc(changes: Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const id = `${c.table}:${c.rowId}`;
    const g = groups.get(id);
    if (g) g.push(c);
    else groups.set(id, [c]);
  }
  return groups;
}
