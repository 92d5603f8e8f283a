/**
 * The CouchDB sync engine (docs/sync-couchdb.md). One `syncOnce()`:
 *  1. checks the database answers like CouchDB, reads (or creates) its `rapport:key` document and
 *     unlocks the data key; a database recreated on the server (new id) gets this laptop's whole
 *     state again; a copied profile (its `_local/<device>` written by another install) takes a new
 *     device id (clone.ts);
 *  2. re-reads documents held back for far-future clocks;
 *  3. pulls `_changes` from the checkpoint and merges through the store (conflict leaves are merged
 *     and resolved on the server);
 *  4. pushes the queued local changes, merged per field into the server's documents; the queue is
 *     dropped only for documents the server confirmed.
 * Any HTTP fault stops the run with its problem; nothing is deleted locally, the queue stays.
 */
import { randomDeviceId, type SyncStatus } from '../engine';
import type { Quarantined } from '../engine-context';
import { loadIdentity, META } from '../engine-state';
import { type Change, isErasure } from '../change';
import { problem, SyncError, type SyncProblem } from '../problems';
import { checkpointPath, clonedOnServer, takeNewIdentity } from './clone';
import { type Checkpoint, COUCH_META, type CouchCtx, report } from './context';
import { docIdOf } from './doc';
import { couchCall, type CouchLabels } from './http';
import { pull, recheckQuarantine, saveServerCheckpoint, type ServerCheckpoint } from './pull';
import { openDatabase } from './root';
import type { CouchEngineOptions } from './types';
import { groupByDoc, mergeIntoServer } from './write';

const DAY = 86_400_000;

export class CouchEngine {
  private readonly now: () => number;
  private device: string | undefined;
  private running: Promise<SyncStatus> | null = null;
  /** Runs and pushes never overlap: each waits for the one before. */
  private tail: Promise<unknown> = Promise.resolve();
  private keyCache: { databaseId: string; key: CryptoKey | undefined } | null = null;
  private readonly ownRevs = new Map<string, string>();
  /** The database's name as the server last gave it (for problem texts once it is gone). */
  private databaseName = '';
  private serverCheckpoint: ServerCheckpoint | undefined;
  private status: SyncStatus = { ok: true, pending: 0, devices: [], quarantined: [], problems: [], applied: 0, written: 0 };

  constructor(private readonly opts: CouchEngineOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Loads (or creates) the device id (the same one the folder engine uses) and restores the clock. */
  async init(): Promise<string> {
    if (this.device) return this.device;
    const { store, clock } = this.opts;
    const id = await loadIdentity(store, clock, () => this.opts.deviceId ?? randomDeviceId());
    this.device = id;
    return id;
  }

  /** The status of the last run; `folderId` is the database's id. */
  getStatus(): SyncStatus {
    return this.status;
  }

  /** The user accepted that this device's clock is far ahead: its held-back documents are merged on the next run. */
  async trustFutureClock(device: string): Promise<void> {
    await this.exclusive(async () => {
      const trusted = (await this.opts.store.getMeta<string[]>(COUCH_META.trustFuture)) ?? [];
      if (!trusted.includes(device)) await this.opts.store.setMeta(COUCH_META.trustFuture, [...trusted, device]);
    });
  }

  /** One run; concurrent calls share the run in progress. */
  syncOnce(): Promise<SyncStatus> {
    this.running ??= this.exclusive(() => this.run()).finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Merges these changes into the server's documents per field, exactly like a push of queued changes
   * (the folder→server move replays the folder's state with it). Touches neither the local store nor
   * its queue. Returns the number of documents written; throws SyncError with the problem's code.
   */
  pushAll(changes: Change[]): Promise<number> {
    return this.exclusive(async () => {
      const ctx = await this.open([]);
      await this.pushChanges(ctx, changes, false);
      return ctx.written;
    });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.tail.then(fn, fn);
    this.tail = p.catch(() => undefined);
    return p;
  }

  private labels(): CouchLabels {
    const l = this.opts.labels;
    return { server: l?.server ?? '', database: l?.database ?? this.databaseName, user: l?.user ?? '' };
  }

  private async open(problems: SyncProblem[]): Promise<CouchCtx> {
    const { store, clock, transport } = this.opts;
    const device = await this.init();
    const now = this.now();
    const labels = this.labels();
    const opened = await openDatabase({
      transport, labels, now, passphrase: this.opts.passphrase, iterations: this.opts.pbkdf2Iterations, keyring: this.opts.keyring, cached: this.keyCache,
    });
    this.keyCache = { databaseId: opened.databaseId, key: opened.key };
    this.databaseName = opened.name;
    return {
      transport, labels: { ...labels, database: labels.database || opened.name }, store, clock, device, databaseId: opened.databaseId, key: opened.key,
      batch: this.opts.batchSize ?? 500, now, maxClockAheadMs: this.opts.maxClockAheadMs ?? DAY,
      trustFuture: (await store.getMeta<string[]>(COUCH_META.trustFuture)) ?? [], quarantined: [], problems, ownRevs: this.ownRevs,
      pulled: new Map(), wanted: new Set(),
      applied: 0, written: 0, conflicts: 0, resolved: 0,
    };
  }

  /** Merges changes into the server in pages; with `queue`, drops each page's changes from the queue once confirmed. */
  private async pushChanges(ctx: CouchCtx, changes: Change[], queue: boolean): Promise<void> {
    const groups = [...groupByDoc(changes)];
    for (let i = 0; i < groups.length; i += ctx.batch) {
      const page = new Map(groups.slice(i, i + ctx.batch));
      const done = await mergeIntoServer(ctx, page, queue);
      // The confirmed documents' own changes (not a scan of the whole queue per page: that was quadratic).
      if (queue) await ctx.store.dropPending([...done].flatMap((id) => page.get(id) ?? []));
    }
  }

  private async run(): Promise<SyncStatus> {
    const { store, clock } = this.opts;
    const problems: SyncProblem[] = [];
    let ctx: CouchCtx | null = null;
    const bookkeeping: Record<string, unknown> = {};
    try {
      ctx = await this.open(problems);
      const known = await store.getMeta<string>(COUCH_META.databaseId);
      const checkpoint = await store.getMeta<Checkpoint>(COUCH_META.checkpoint);
      let since = checkpoint?.databaseId === ctx.databaseId ? checkpoint.since : 0;
      if (known !== undefined && known !== ctx.databaseId) {
        // Deleted and created again (or restored from elsewhere): the server lacks what this laptop has.
        report(ctx, 'couch.databaseReplaced', 'warning', { database: ctx.labels.database });
        since = 0;
        this.ownRevs.clear();
        await this.pushChanges(ctx, await store.exportAll(), false);
      }
      if (known !== ctx.databaseId) await store.setMeta(COUCH_META.databaseId, ctx.databaseId);
      // Before anything is stamped or sent: another install with this id (a copied profile) wrote since.
      else if (await clonedOnServer(ctx)) {
        const old = ctx.device;
        await takeNewIdentity(ctx, (this.opts.newDeviceId ?? randomDeviceId)());
        this.device = ctx.device;
        this.serverCheckpoint = undefined;
        report(ctx, 'device.cloned', 'warning', { oldId: old, newId: ctx.device }, checkpointPath(old));
      }
      const held = (await store.getMeta<Quarantined[]>(COUCH_META.quarantine)) ?? [];
      await recheckQuarantine(ctx, held.map((q) => q.path));
      const pending = await store.pending();
      for (const c of pending) ctx.wanted.add(docIdOf(c.table, c.rowId));
      since = await pull(ctx, since);
      await this.pushChanges(ctx, pending, true);
      // Erased values linger in old revisions until compaction; ask for it (needs admin rights; CouchDB 3 also compacts on its own).
      if (pending.some(isErasure)) await couchCall(ctx.transport, ctx.labels, 'POST', '_compact', {}, [200, 201, 202, 400, 401, 403, 404, 405, 415, 500, 501]);
      this.serverCheckpoint = await saveServerCheckpoint(ctx, since, this.serverCheckpoint);
      if (ctx.conflicts) report(ctx, 'couch.conflict', 'info', { count: ctx.conflicts });
      if (ctx.resolved) report(ctx, 'couch.conflictsResolved', 'info', { count: ctx.resolved });
    } catch (e) {
      if (e instanceof SyncError) problems.push(problem(e.code, 'error', e.params));
      else problems.push(problem('couch.serverError', 'error', { status: e instanceof Error ? e.name : 'error' }));
    } finally {
      if (ctx) {
        const seen = new Map(ctx.quarantined.map((q) => [q.path, q]));
        bookkeeping[COUCH_META.quarantine] = [...seen.values()];
      }
      bookkeeping[META.hlc] = clock.last;
      if (!problems.some((p) => p.level === 'error')) bookkeeping[COUCH_META.lastSync] = this.now();
      await store.setMetas(bookkeeping);
    }
    this.status = await this.buildStatus(ctx, problems);
    return this.status;
  }

  private async buildStatus(ctx: CouchCtx | null, problems: SyncProblem[]): Promise<SyncStatus> {
    const { store } = this.opts;
    const lastSyncAt = await store.getMeta<number>(COUCH_META.lastSync);
    const databaseId = ctx?.databaseId ?? (await store.getMeta<string>(COUCH_META.databaseId));
    return {
      deviceId: this.device,
      ...(databaseId === undefined ? {} : { folderId: databaseId }),
      ok: !problems.some((p) => p.level === 'error'),
      ...(lastSyncAt === undefined ? {} : { lastSyncAt }),
      pending: (await store.pending()).length,
      devices: [],
      quarantined: ctx ? [...new Map(ctx.quarantined.map((q) => [q.path, q])).values()] : ((await store.getMeta<Quarantined[]>(COUCH_META.quarantine)) ?? []),
      problems: [...problems],
      applied: ctx?.applied ?? 0,
      written: ctx?.written ?? 0,
    };
  }
}
