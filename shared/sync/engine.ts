/**
 * The folder-sync engine. One `syncOnce()`:
 *  1. lists the folder (a missing folder or a missing root of a known folder stops everything: an
 *     unmounted share must never look like "everyone deleted everything");
 *  2. opens the root (creates it in an empty folder), unlocks the key when encrypted;
 *  3. finishes an interrupted own write, detects a cloned install (→ new device id);
 *  4. reads every unseen segment of every other device, conflicted copies included, verifies hash and
 *     decryption, quarantines far-future clocks, merges; loads snapshots where segments are gone;
 *  5. writes the queued local changes as a new segment;
 *  6. snapshots, compacts its own files, removes its own conflicted copies, writes its ack/state file.
 * Vanished files never delete local data: merging only ever adds information.
 * A folder whose team moved to a server (marker, engine-moved.ts) is only read: steps 5 and 6 write
 * nothing but the state file, which then also acknowledges the marker.
 */
import { type Ctx, type Quarantined, report, type Settings } from './engine-context';
import { cleanOwnCopies, compactOwn, purgeAbandoned, readStates, snapshotIfDue, writeOwnState } from './engine-compact';
import { adoptRoot, errorName, findForeignOwnFiles, ownSegmentsMissing, resolveIntent, restartIdentity, writePending } from './engine-own';
import { MERGE_BATCH_FIELDS, readOthers } from './engine-read';
import { loadIdentity, loadMeta, META, saveMeta } from './engine-state';
import { checkMoved } from './engine-moved';
import { listingSig, newQuickToken, QUICK_META, type QuickMark, quickRunAllowed } from './engine-quick';
import { openSyncRoot, type SyncKeyring } from './engine-root';
import { type Folder, FolderUnavailableError } from './folder';
import type { HlcClock } from './hlc';
import { type DataFileRef, parseDataPath } from './layout';
import { problem, SyncError, type SyncProblem } from './problems';
import { randomBytes, toHex } from '../bytes';
import type { SyncStore } from './store';
import type { MovedMarker } from './couch/types';

export type SyncEngineOptions = {
  folder: Folder;
  store: SyncStore;
  /** The app's clock; local edits must be stamped with it (see `stampEdits`). */
  clock: HlcClock;
  /** Physical time; defaults to Date.now. */
  now?: () => number;
  /** Team passphrase: required for an encrypted folder; creating a folder with it encrypts the folder. */
  passphrase?: string;
  /** Keeps unlocked data keys (then the passphrase is needed only once per folder). */
  keyring?: SyncKeyring;
  /** PBKDF2 iterations for a new encrypted folder (default 600 000; tests use fewer). */
  pbkdf2Iterations?: number;
  /** Device id to use when the store has none yet (default: random). */
  deviceId?: string;
  /** Id generator for new ids (after a clone was detected). */
  newDeviceId?: () => string;
  /** At most this many changes per segment (default 5000). */
  maxChangesPerSegment?: number;
  /**
   * Allow quick runs (see engine-quick.ts): a run told `localUnchanged` stops after listing when the
   * folder is exactly as the last clean run left it. The app turns this on; simulations keep every run full.
   */
  quickRuns?: boolean;
} & Partial<Settings>;

export type DeviceStatus = {
  device: string;
  /** This laptop's time when the device's state file last changed. */
  lastSeenAt?: number;
  /** Highest contiguous seq of that device applied here. */
  appliedSeq: number;
  /** No longer holds back compaction (away too long). */
  expired: boolean;
};

export type SyncStatus = {
  deviceId?: string;
  folderId?: string;
  /** The last run finished without an error-level problem. */
  ok: boolean;
  /** This laptop's time of the last run without an error. */
  lastSyncAt?: number;
  /** Local changes waiting to be written. */
  pending: number;
  devices: DeviceStatus[];
  /** Files held back because of far-future stamps (accept with `trustFutureClock`). */
  quarantined: Quarantined[];
  /** Problems of the last run. */
  problems: SyncProblem[];
  /** Changes from others that altered local data in the last run. */
  applied: number;
  /** Own changes written in the last run. */
  written: number;
  /** The team moved to this server (marker in the folder): the folder is only read, local changes wait for the server. */
  moved?: MovedMarker;
};

const DAY = 86_400_000;
const STATE_WRITTEN = 'sync.stateWritten';
const DEFAULTS: Settings = { maxClockAheadMs: DAY, snapshotEvery: 20, expireAfterMs: 30 * DAY, abandonAfterMs: 180 * DAY, heartbeatMs: 3_600_000, mergeBatchFields: MERGE_BATCH_FIELDS };

export function randomDeviceId(): string {
  return `d${toHex(randomBytes(8))}`;
}

export class SyncEngine {
  private readonly settings: Settings;
  private readonly now: () => number;
  private running: Promise<SyncStatus> | null = null;
  private readonly coversCache = new Map<string, Record<string, number>>();
  private keyCache: { folderId: string; key: CryptoKey | undefined } | null = null;
  /** Device id once loaded (the store is read once per engine; a clone restart updates it). */
  private device: string | undefined;
  private quick: QuickMark | undefined;
  private status: SyncStatus = { ok: true, pending: 0, devices: [], quarantined: [], problems: [], applied: 0, written: 0 };

  constructor(private readonly opts: SyncEngineOptions) {
    this.now = opts.now ?? Date.now;
    const entries = Object.entries(DEFAULTS) as Array<[keyof Settings, number]>;
    this.settings = Object.fromEntries(entries.map(([k, v]) => [k, opts[k] ?? v])) as Settings;
  }

  /** Loads (or creates) the device id and restores the clock. Call before stamping local edits. */
  async init(): Promise<string> {
    if (this.device) return this.device;
    const { store, clock } = this.opts;
    const id = await loadIdentity(store, clock, () => this.opts.deviceId ?? (this.opts.newDeviceId ?? randomDeviceId)());
    this.device = id;
    return id;
  }

  /** The status of the last run. */
  getStatus(): SyncStatus {
    return this.status;
  }

  /** The user accepted that this device's clock is far ahead: its quarantined files are merged on the next run. */
  async trustFutureClock(device: string): Promise<void> {
    // A run in progress saves its own copy of the bookkeeping at its end; change it only afterwards.
    await this.running?.catch(() => undefined);
    const meta = await loadMeta(this.opts.store);
    if (!meta.trustFuture.includes(device)) meta.trustFuture.push(device);
    await saveMeta(this.opts.store, meta);
    this.quick = undefined;
  }

  /**
   * One sync run; concurrent calls share the run in progress. `snapshot` forces a snapshot (after an
   * erasure). `localUnchanged`: the caller knows nothing was queued since the last run, so with
   * `quickRuns` the run may stop after listing an unchanged folder.
   */
  syncOnce(options: { snapshot?: boolean; localUnchanged?: boolean } = {}): Promise<SyncStatus> {
    this.running ??= this.run(options.snapshot === true, options.localUnchanged === true).finally(() => (this.running = null));
    return this.running;
  }

  private async run(forceSnapshot: boolean, localUnchanged: boolean): Promise<SyncStatus> {
    const { store, clock } = this.opts;
    const device = await this.init();
    // Writes and deletions of this run (a run that changed the folder leaves no quick mark).
    let touched = false;
    const base = this.opts.folder;
    const folder: Folder = {
      list: (prefix) => base.list(prefix),
      read: (path) => base.read(path),
      writeAtomic: (path, bytes) => ((touched = true), base.writeAtomic(path, bytes)),
      remove: (path) => ((touched = true), base.remove(path)),
    };
    const now = this.now();
    const problems: SyncProblem[] = [];
    const finish = async (ctx: Ctx | null, moved?: MovedMarker): Promise<SyncStatus> => {
      this.status = await this.buildStatus(ctx, problems, moved);
      return this.status;
    };
    let listing;
    try {
      listing = await folder.list('');
    } catch (e) {
      problems.push(problem('folder.unavailable', 'error', { error: e instanceof FolderUnavailableError ? 'missing' : errorName(e) }));
      this.quick = undefined;
      return finish(null);
    }
    const quickOk = this.opts.quickRuns && localUnchanged && !forceSnapshot;
    if (quickOk && (await quickRunAllowed(this.quick, listing, now, this.settings.heartbeatMs, () => store.getMeta<string>(QUICK_META)))) {
      // Nothing new anywhere: the previous status stands; the time of this check is the last sync.
      this.status = { ...this.status, lastSyncAt: now, applied: 0, written: 0, problems: [] };
      return this.status;
    }
    const mark = this.opts.quickRuns ? { sig: listingSig(listing), token: newQuickToken(), at: now } : undefined;
    this.quick = undefined;
    const { marker: moved, stop } = await checkMoved(folder, listing, problems);
    if (stop) return finish(null, moved);
    const opened = await openSyncRoot({ folder, store, listing, now, problems, passphrase: this.opts.passphrase, iterations: this.opts.pbkdf2Iterations, keyCache: this.keyCache, keyring: this.opts.keyring });
    if (!opened) return finish(null, moved);
    this.keyCache = { folderId: opened.folderId, key: opened.key };
    const refs = listing.map((e) => parseDataPath(e.path)).filter((r): r is DataFileRef => r !== null);
    const bookkeeping: Record<string, unknown> = {};
    let stateWritten: { sig: string; at: number } | undefined;
    const ctx: Ctx = {
      folder, store, clock, settings: this.settings, now, key: opened.key, folderId: opened.folderId, device,
      meta: await loadMeta(store), listing, refs, problems, quarantined: [], applied: 0, written: 0, snapshotNow: false,
      coversCache: this.coversCache,
    };
    try {
      // After adopting another root the interrupted write is moot: everything is queued again.
      if (opened.adopted) await adoptRoot(ctx);
      else await resolveIntent(ctx);
      const foreign = await findForeignOwnFiles(ctx);
      if (foreign.length) {
        const old = ctx.device;
        await this.restart(ctx);
        report(ctx, 'device.cloned', 'warning', { oldId: old, newId: ctx.device }, foreign[0]!.path);
      }
      await readOthers(ctx);
      const states = await readStates(ctx);
      // Moved: queued changes stay queued for the server; the folder gets no new history and loses none.
      if (!moved) {
        await writePending(ctx, this.opts.maxChangesPerSegment ?? 5000);
        const missing = ownSegmentsMissing(ctx);
        await snapshotIfDue(ctx, forceSnapshot || missing || ctx.snapshotNow);
        if (missing && ctx.meta.own.snapshotSeq === ctx.meta.own.seq) ctx.meta.own.compactedTo = ctx.meta.own.seq;
        await compactOwn(ctx, states);
        await purgeAbandoned(ctx, states);
        await cleanOwnCopies(ctx);
      }
      const lastState = await store.getMeta<{ sig: string; at: number }>(STATE_WRITTEN);
      stateWritten = await writeOwnState(ctx, lastState, moved?.at);
      if (stateWritten !== lastState) bookkeeping[STATE_WRITTEN] = stateWritten;
    } catch (e) {
      if (e instanceof SyncError) report(ctx, e.code, 'error', e.params);
      else if (e instanceof FolderUnavailableError) report(ctx, 'folder.unavailable', 'error', { error: 'missing' });
      else report(ctx, 'folder.ioError', 'error', { error: errorName(e) });
    } finally {
      const listed = new Set(ctx.refs.map((r) => r.hash));
      ctx.meta.seen = [...new Set(ctx.meta.seen)].filter((h) => listed.has(h));
      // The run's bookkeeping in one store write.
      bookkeeping[META.engine] = ctx.meta;
      bookkeeping[META.hlc] = clock.last;
      if (!problems.some((p) => p.level === 'error')) bookkeeping[META.lastSync] = now;
      if (mark) bookkeeping[QUICK_META] = mark.token;
      await store.setMetas(bookkeeping);
    }
    const status = await finish(ctx, moved);
    this.device = ctx.device;
    const clean = !touched && status.pending === 0 && status.quarantined.length === 0 && problems.every((p) => p.level === 'info');
    if (mark && clean && stateWritten) this.quick = { ...mark, stateAt: stateWritten.at };
    return status;
  }

  private async restart(ctx: Ctx): Promise<void> {
    const id = (this.opts.newDeviceId ?? randomDeviceId)();
    await restartIdentity(ctx, id);
    await ctx.store.setMeta(META.deviceId, id);
    this.device = id;
  }

  private async buildStatus(ctx: Ctx | null, problems: SyncProblem[], moved: MovedMarker | undefined): Promise<SyncStatus> {
    const { store } = this.opts;
    const meta = ctx?.meta ?? (await loadMeta(store));
    const devices: DeviceStatus[] = Object.keys({ ...meta.heads, ...meta.peers }).sort().map((device) => {
      const peer = meta.peers[device];
      const since = peer?.since;
      return {
        device,
        ...(since === undefined ? {} : { lastSeenAt: since }),
        appliedSeq: meta.heads[device]?.seq ?? 0,
        expired: peer !== undefined && peer.silentMs > this.settings.expireAfterMs,
      };
    });
    const lastSyncAt = await store.getMeta<number>(META.lastSync);
    return {
      deviceId: ctx?.device ?? (await store.getMeta<string>(META.deviceId)),
      folderId: ctx?.folderId ?? (await store.getMeta<string>(META.folderId)),
      ok: !problems.some((p) => p.level === 'error'),
      ...(lastSyncAt === undefined ? {} : { lastSyncAt }),
      pending: (await store.pending()).length,
      devices,
      quarantined: ctx?.quarantined ?? [],
      problems: [...problems],
      applied: ctx?.applied ?? 0,
      written: ctx?.written ?? 0,
      ...(moved ? { moved } : {}),
    };
  }
}
