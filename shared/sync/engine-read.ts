/** Reading other devices' files: verify, decrypt, quarantine far-future stamps, merge, track heads. */
import { type Change, compareWrites, fieldKey, isErasure } from './change';
import { type Ctx, report } from './engine-context';
import { markApplied, raiseHead } from './engine-state';
import type { DataFileRef } from './layout';
import { SyncError } from './problems';
import { decodeDataFile, type DecodedFile, decodeHeader, hashMatches } from './segment';

/** Reads, checks and decodes one file; null (with a problem logged) when it cannot be used now. */
export async function loadFile(ctx: Ctx, ref: DataFileRef): Promise<DecodedFile | null> {
  const params = { device: ref.device, seq: ref.seq };
  const bytes = await ctx.folder.read(ref.path);
  if (!bytes) return null;
  if (!(await hashMatches(bytes, ref.hash))) {
    report(ctx, 'segment.hashMismatch', 'warning', params, ref.path);
    return null;
  }
  let file: DecodedFile;
  try {
    // The clear-text header is checked first: a file of another folder (set-up race) has another key.
    const h = decodeHeader(bytes).header;
    const kind = ref.kind === 'segment' ? 'segment' : 'snapshot';
    if (h.folder !== ctx.folderId) {
      // Left over from a set-up race (its writer removes it after adopting the winning root).
      report(ctx, 'segment.invalid', 'info', { ...params, reason: 'otherFolder' }, ref.path);
      return null;
    }
    if (h.device !== ref.device || h.seq !== ref.seq || h.kind !== kind) {
      report(ctx, 'segment.invalid', 'error', { ...params, reason: 'headerMismatch' }, ref.path);
      return null;
    }
    file = await decodeDataFile(bytes, ctx.key);
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    report(ctx, e.code, 'error', { ...params, ...e.params }, ref.path);
    return null;
  }
  return file;
}

/** The newest stamp too far ahead of this laptop's clock (from a device not trusted for it), if any. */
function futureStamp(ctx: Ctx, changes: Change[]): { device: string; aheadMs: number } | null {
  let worst: { device: string; aheadMs: number } | null = null;
  const trusted = new Set(ctx.meta.trustFuture);
  for (const c of changes) {
    // The wall part of a stamp is its first 15 digits (checked when the file was decoded).
    const aheadMs = Number(c.hlc.slice(0, 15)) - ctx.now;
    if (aheadMs > ctx.settings.maxClockAheadMs && !trusted.has(c.device) && (!worst || aheadMs > worst.aheadMs)) worst = { device: c.device, aheadMs };
  }
  return worst;
}

/** True (with a warning) when a file holds stamps too far in the future: it waits until trusted. */
function quarantine(ctx: Ctx, ref: DataFileRef, file: DecodedFile): boolean {
  const future = futureStamp(ctx, file.changes);
  if (!future) return false;
  // `device` is whose clock is ahead (accept it with SyncEngine.trustFutureClock); `writer` wrote the file.
  const params = { device: future.device, writer: ref.device, seq: ref.seq, aheadMs: future.aheadMs };
  report(ctx, 'segment.futureClock', 'warning', params, ref.path);
  ctx.quarantined.push({ path: ref.path, device: future.device, seq: ref.seq, aheadMs: future.aheadMs });
  return true;
}

/**
 * Most field winners held in memory before they go to the store. Files are folded first (per field the
 * winner by `compareWrites`, which is what the store would keep anyway, merging being associative), so
 * the store reads and writes each touched row once per batch instead of once per file: five devices
 * editing the same rows cost one pass over those rows, not five.
 */
export const MERGE_BATCH_FIELDS = 100_000;

/** Files decoded but not yet applied, folded to one winning change per field. */
class MergeBatch {
  private winners = new Map<string, Change>();
  private refs: DataFileRef[] = [];
  private newest = '';

  get size(): number {
    return this.winners.size;
  }

  add(ref: DataFileRef, changes: Change[]): void {
    const winners = this.winners;
    for (const c of changes) {
      const key = fieldKey(c.table, c.rowId, c.field);
      const current = winners.get(key);
      if (!current || compareWrites(c.field, c, current) > 0) winners.set(key, c);
      if (c.hlc > this.newest) this.newest = c.hlc;
    }
    this.refs.push(ref);
  }

  /** Applies the batch in one store call; only then are its files marked as seen (a crash before re-reads them). */
  async flush(ctx: Ctx, seen: Set<string>): Promise<DataFileRef[]> {
    const refs = this.refs;
    if (refs.length === 0) return refs;
    const changed = this.winners.size ? await ctx.store.apply([...this.winners.values()]) : [];
    ctx.applied += changed.length;
    if (changed.some(isErasure)) ctx.snapshotNow = true;
    if (this.newest) ctx.clock.receive(this.newest);
    for (const ref of refs) {
      seen.add(ref.hash);
      ctx.meta.seen.push(ref.hash);
      if (ref.kind === 'segment') markApplied(ctx.meta.heads, ref.device, ref.seq);
    }
    this.winners = new Map();
    this.refs = [];
    this.newest = '';
    return refs;
  }
}

/** Applies every unseen segment of other devices (including conflicted copies), then snapshots where segments are gone. */
export async function readOthers(ctx: Ctx, batchFields = MERGE_BATCH_FIELDS): Promise<void> {
  const seen = new Set(ctx.meta.seen);
  const segments = ctx.refs.filter((r) => r.kind === 'segment' && r.device !== ctx.device);
  const batch = new MergeBatch();
  for (const ref of segments) {
    if (seen.has(ref.hash)) {
      markApplied(ctx.meta.heads, ref.device, ref.seq);
      continue;
    }
    const file = await loadFile(ctx, ref);
    if (!file || quarantine(ctx, ref, file)) continue;
    batch.add(ref, file.changes);
    if (batch.size >= batchFields) await batch.flush(ctx, seen);
  }
  await batch.flush(ctx, seen);
  await loadSnapshotsForGaps(ctx, seen, batch);
  reportGaps(ctx);
}

/** Seqs available per device (any verified-or-not file name; used only to decide whether to wait). */
function availableSeqs(ctx: Ctx): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const r of ctx.refs) if (r.kind === 'segment') (out.get(r.device) ?? out.set(r.device, new Set()).get(r.device)!).add(r.seq);
  return out;
}

/**
 * A snapshot is needed when it covers a device beyond our head and the next segment of that device
 * is not in the folder (compacted away, or we are new). Loading it is a plain merge, so loading one
 * that was not strictly needed costs time but never changes the outcome.
 */
async function loadSnapshotsForGaps(ctx: Ctx, seen: Set<string>, batch: MergeBatch): Promise<void> {
  const latest = new Map<string, DataFileRef[]>();
  for (const r of ctx.refs) {
    if (r.kind !== 'snapshot' || r.device === ctx.device) continue;
    const list = latest.get(r.device) ?? [];
    latest.set(r.device, [...list, r].sort((a, b) => b.seq - a.seq || Number(a.conflictCopy) - Number(b.conflictCopy)));
  }
  const available = availableSeqs(ctx);
  for (const candidates of latest.values()) {
    for (const ref of candidates) {
      if (seen.has(ref.hash)) break;
      const covers = await snapshotCovers(ctx, ref);
      if (!covers) continue;
      const needed = Object.entries(covers).some(([dev, seq]) => {
        if (dev === ctx.device) return false;
        const head = ctx.meta.heads[dev]?.seq ?? 0;
        return seq > head && !available.get(dev)?.has(head + 1);
      });
      const file = needed ? await loadFile(ctx, ref) : null;
      if (file && !quarantine(ctx, ref, file)) {
        // One snapshot at a time: the heads it raises decide whether the next device's snapshot is needed.
        batch.add(ref, file.changes);
        await batch.flush(ctx, seen);
        for (const [dev, seq] of Object.entries(covers)) if (dev !== ctx.device) raiseHead(ctx.meta.heads, dev, seq);
        report(ctx, 'snapshot.loaded', 'info', { device: ref.device, seq: ref.seq }, ref.path);
      }
      break;
    }
  }
}

/**
 * What a snapshot covers, from its clear-text header (no decryption), cached per content hash so the
 * usually large snapshot files are not read again on every run. Null while incomplete or unusable.
 */
async function snapshotCovers(ctx: Ctx, ref: DataFileRef): Promise<Record<string, number> | null> {
  const cached = ctx.coversCache.get(ref.hash);
  if (cached) return cached;
  const bytes = await ctx.folder.read(ref.path);
  if (!bytes || !(await hashMatches(bytes, ref.hash))) return null;
  try {
    const { header } = decodeHeader(bytes);
    if (header.folder !== ctx.folderId || header.device !== ref.device || header.kind !== 'snapshot') return null;
    const covers = header.covers ?? {};
    ctx.coversCache.set(ref.hash, covers);
    return covers;
  } catch {
    return null;
  }
}

/** Devices with later segments present but the next one missing: a late file; we wait for it. */
function reportGaps(ctx: Ctx): void {
  for (const [dev, seqs] of availableSeqs(ctx)) {
    if (dev === ctx.device) continue;
    const head = ctx.meta.heads[dev]?.seq ?? 0;
    const later = [...seqs].some((s) => s > head + 1);
    if (later && !seqs.has(head + 1)) report(ctx, 'segment.waiting', 'info', { device: dev, seq: head + 1 });
  }
}
