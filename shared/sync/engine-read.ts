/** Reading other devices' files: verify, decrypt, quarantine far-future stamps, merge, track heads. */
import { isErasure } from './change';
import { decodeHlc } from './hlc';
import { type Ctx, report } from './engine-context';
import { markApplied, raiseHead } from './engine-state';
import type { DataFileRef } from './layout';
import { MergeBatch } from './merge-batch';
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

/**
 * The writer's clock when it wrote the file (the header's `created` stamp), if too far ahead of this
 * laptop's clock and that device is not trusted for it. Judged by the writer's own clock, not by the
 * stamps inside: an edit of a row that a fast device had stamped is stamped just above it (tickAfter),
 * and a snapshot relays merged stamps; neither says the writer's clock is wrong, and neither can drag
 * a clock (HlcClock.receive is bounded) or beat an edit made after it (edits stamp above the row).
 */
function futureStamp(ctx: Ctx, file: DecodedFile): { device: string; aheadMs: number } | null {
  const aheadMs = decodeHlc(file.header.created).wall - ctx.now;
  const device = file.header.device;
  return aheadMs > ctx.settings.maxClockAheadMs && !ctx.meta.trustFuture.includes(device) ? { device, aheadMs } : null;
}

/** True (with a warning) when a file was written by a clock too far in the future: it waits until trusted. */
function quarantine(ctx: Ctx, ref: DataFileRef, file: DecodedFile): boolean {
  const future = futureStamp(ctx, file);
  if (!future) return false;
  // `device` is whose clock is ahead (accept it with SyncEngine.trustFutureClock); `writer` wrote the file.
  const params = { device: future.device, writer: ref.device, seq: ref.seq, aheadMs: future.aheadMs };
  report(ctx, 'segment.futureClock', 'warning', params, ref.path);
  ctx.quarantined.push({ path: ref.path, device: future.device, seq: ref.seq, aheadMs: future.aheadMs });
  return true;
}

/**
 * Most field winners held in memory before they go to the store. Up to this many distinct fields,
 * all unseen files are folded (see MergeBatch) and applied in one store call. Past it, rows are split
 * by hash into parts that each fit and the files are read once per part, so each row is still read
 * and written once: applying whenever the batch was full rewrote every row once per batch (five
 * devices editing the same 100k rows cost five passes over the table, issue #8).
 */
export const MERGE_BATCH_FIELDS = 100_000;

/** Applies every unseen segment of other devices (including conflicted copies), then snapshots where segments are gone. */
export async function readOthers(ctx: Ctx): Promise<void> {
  const seen = new Set(ctx.meta.seen);
  const unseen: DataFileRef[] = [];
  for (const ref of ctx.refs) {
    if (ref.kind !== 'segment' || ref.device === ctx.device) continue;
    if (seen.has(ref.hash)) markApplied(ctx.meta.heads, ref.device, ref.seq);
    else unseen.push(ref);
  }
  markSeen(ctx, seen, await mergeSegments(ctx, unseen, ctx.settings.mergeBatchFields));
  await loadSnapshotsForGaps(ctx, seen);
  reportGaps(ctx);
}

/** A bound on splitting (a part can hold fewer fields than one row has only in theory). */
const MAX_PARTS = 1 << 16;

/**
 * Merges these files and returns those applied in full. The first pass folds every file into part 0,
 * halving the part whenever it reaches 3/4 of the limit (room for the other parts being a little
 * bigger); each further part is one more pass over the files the first pass could use. A part that
 * still reaches the limit is applied as it goes: correct (merging is idempotent), only slower.
 */
async function mergeSegments(ctx: Ctx, refs: DataFileRef[], limit: number): Promise<DataFileRef[]> {
  let usable: DataFileRef[] = [];
  const first = new MergeBatch();
  for (const [i, ref] of refs.entries()) {
    const file = await loadFile(ctx, ref);
    if (!file || quarantine(ctx, ref, file)) continue;
    first.add(file.changes);
    usable.push(ref);
    while (first.size >= (limit * 3) / 4 && i < refs.length - 1 && first.partCount < MAX_PARTS) first.split();
    if (first.size >= limit) await applyBatch(ctx, first);
  }
  await applyBatch(ctx, first);
  if (first.newestStamp) ctx.clock.receive(first.newestStamp);
  for (let part = 1; part < first.partCount; part++) {
    const batch = first.sibling(part);
    const read: DataFileRef[] = [];
    for (const ref of usable) {
      // Gone or changed since the first pass: not marked as seen, so a later run reads it (or its snapshot).
      const file = await loadFile(ctx, ref);
      if (!file) continue;
      batch.add(file.changes);
      read.push(ref);
      if (batch.size >= limit) await applyBatch(ctx, batch);
    }
    await applyBatch(ctx, batch);
    usable = read;
  }
  return usable;
}

async function applyBatch(ctx: Ctx, batch: MergeBatch): Promise<void> {
  if (batch.size === 0) return;
  const changed = await ctx.store.apply(batch.take());
  ctx.applied += changed.length;
  if (changed.some(isErasure)) ctx.snapshotNow = true;
}

/** Only once applied are files marked as seen (a crash before re-reads them). */
function markSeen(ctx: Ctx, seen: Set<string>, refs: DataFileRef[]): void {
  for (const ref of refs) {
    seen.add(ref.hash);
    ctx.meta.seen.push(ref.hash);
    if (ref.kind === 'segment') markApplied(ctx.meta.heads, ref.device, ref.seq);
  }
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
async function loadSnapshotsForGaps(ctx: Ctx, seen: Set<string>): Promise<void> {
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
        const batch = new MergeBatch();
        batch.add(file.changes);
        await applyBatch(ctx, batch);
        if (batch.newestStamp) ctx.clock.receive(batch.newestStamp);
        markSeen(ctx, seen, [ref]);
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
