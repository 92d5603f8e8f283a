/**
 * Acknowledgements, snapshots and compaction. A device deletes only its own files: a segment goes
 * when its own latest snapshot covers it and every known device has acknowledged it. A device that
 * stays away longer than `expireAfterMs` stops counting; when it returns it finds the gap and loads a
 * snapshot. Because snapshots are written from the merged store, erased rows appear in them only as
 * their erasure flag: once compaction has run everywhere, no file in the folder holds the old values.
 */
import { type Ctx, report } from './engine-context';
import { decodeState, encodeState, MAX_OBSERVED_GAP_MS, ownMark, saveMeta, type StateFile, stateSig } from './engine-state';
import { dataFilePath, type DataFileRef, isStatePath, statePath } from './layout';
import { encodeDataFile, hashMatches } from './segment';
import { errorName, noteWritten, tryRemove } from './engine-own';

/** Other devices' state files, merged over conflicted copies (acks only grow, so max is right). */
export async function readStates(ctx: Ctx): Promise<Map<string, StateFile>> {
  const out = new Map<string, StateFile>();
  for (const entry of ctx.listing) {
    if (!isStatePath(entry.path)) continue;
    const bytes = await ctx.folder.read(entry.path);
    const s = bytes && decodeState(bytes);
    if (!s || s.folder !== ctx.folderId) continue;
    if (s.device === ctx.device) {
      if (entry.path !== statePath(ctx.device)) await tryRemove(ctx, entry.path);
      continue;
    }
    const prev = out.get(s.device);
    if (!prev) out.set(s.device, s);
    else {
      const heads = { ...prev.heads };
      for (const [d, seq] of Object.entries(s.heads)) heads[d] = Math.max(heads[d] ?? 0, seq);
      out.set(s.device, { ...prev, heads, retired: [...new Set([...prev.retired, ...s.retired])], beat: Math.max(prev.beat, s.beat) });
    }
  }
  const last = ctx.meta.lastRunAt ?? ctx.now;
  const observed = Math.min(Math.max(ctx.now - last, 0), MAX_OBSERVED_GAP_MS);
  for (const [device, s] of out) {
    const sig = stateSig(s);
    const peer = ctx.meta.peers[device];
    if (!peer || peer.sig !== sig) ctx.meta.peers[device] = { sig, since: ctx.now, silentMs: 0 };
    else peer.silentMs = (peer.silentMs ?? 0) + observed;
  }
  ctx.meta.lastRunAt = ctx.now;
  return out;
}

/** Devices whose acknowledgement compaction waits for. */
export function knownDevices(ctx: Ctx, states: Map<string, StateFile>, log = true): string[] {
  const retired = new Set([...ctx.meta.own.retired, ...[...states.values()].flatMap((s) => s.retired)]);
  const known: string[] = [];
  for (const device of states.keys()) {
    if (retired.has(device) || device === ctx.device) continue;
    const peer = ctx.meta.peers[device];
    const expired = peer !== undefined && peer.silentMs > ctx.settings.expireAfterMs;
    if (!expired) known.push(device);
    else if (log) report(ctx, 'device.expired', 'info', { device, since: peer.since });
  }
  return known;
}

/** Writes a snapshot of the whole merged state when enough own segments piled up (or when asked). */
export async function snapshotIfDue(ctx: Ctx, force: boolean): Promise<void> {
  const own = ctx.meta.own;
  if (own.seq === 0 || own.intent) return;
  if (!force && own.seq - own.snapshotSeq < ctx.settings.snapshotEvery) return;
  const covers: Record<string, number> = { [ctx.device]: own.seq };
  for (const [d, h] of Object.entries(ctx.meta.heads)) if (h.seq > 0) covers[d] = h.seq;
  const header = { kind: 'snapshot' as const, folder: ctx.folderId, device: ctx.device, seq: own.seq, prev: own.lastHash, created: ctx.clock.tick(), covers };
  const file = await encodeDataFile(header, await ctx.store.exportAll(), ctx.key);
  own.written.push(ownMark(file.hash));
  await saveMeta(ctx.store, ctx.meta);
  try {
    await ctx.folder.writeAtomic(file.path, file.bytes);
  } catch (e) {
    report(ctx, 'folder.writeFailed', 'warning', { error: errorName(e) }, file.path);
    return;
  }
  own.snapshotSeq = own.seq;
  own.snapshotCovers = covers;
  for (const ref of ctx.refs)
    if (ref.kind === 'snapshot' && ref.device === ctx.device && ref.path !== file.path) await tryRemove(ctx, ref.path);
  noteWritten(ctx, file.path, file.bytes.length);
}

/** Deletes own segments covered by the own snapshot and acknowledged by every known device. */
export async function compactOwn(ctx: Ctx, states: Map<string, StateFile>): Promise<void> {
  const own = ctx.meta.own;
  let limit = own.snapshotSeq;
  for (const device of knownDevices(ctx, states)) limit = Math.min(limit, states.get(device)?.heads[ctx.device] ?? 0);
  if (limit <= own.compactedTo) return;
  let ok = true;
  for (const ref of ctx.refs) {
    if (ref.kind !== 'segment' || ref.device !== ctx.device || ref.seq > limit) continue;
    if (!(await tryRemove(ctx, ref.path))) ok = false;
  }
  if (ok) own.compactedTo = limit;
}

/**
 * Files of a device silent for `abandonAfterMs` (a decommissioned laptop, an id retired after a clone).
 * The one case where a device deletes files it did not write: only immutable files whose content is
 * in this device's own snapshot and that every known device has applied. Should the device return,
 * it finds its files gone and republishes a snapshot.
 */
export async function purgeAbandoned(ctx: Ctx, states: Map<string, StateFile>): Promise<void> {
  const covers = ctx.meta.own.snapshotCovers;
  if (!covers) return;
  const known = knownDevices(ctx, states, false);
  for (const [device, peer] of Object.entries(ctx.meta.peers)) {
    if (device === ctx.device || peer.silentMs <= ctx.settings.abandonAfterMs) continue;
    let limit = Math.min(covers[device] ?? 0, ctx.meta.heads[device]?.seq ?? 0);
    for (const k of known) if (k !== device) limit = Math.min(limit, states.get(k)?.heads[device] ?? 0);
    for (const ref of ctx.refs) if (ref.device === device && ref.seq <= limit) await tryRemove(ctx, ref.path);
  }
}

/**
 * Conflicted copies in this device's own folders: content that verifies was merged already (or is
 * restored under the canonical name if that is missing); damaged copies go once the original is fine.
 */
export async function cleanOwnCopies(ctx: Ctx): Promise<void> {
  const listed = new Set(ctx.listing.map((e) => e.path));
  const copies: { ref: DataFileRef; bytes: Uint8Array; verified: boolean }[] = [];
  for (const ref of ctx.refs) {
    if (!ref.conflictCopy || ref.device !== ctx.device) continue;
    const bytes = await ctx.folder.read(ref.path);
    if (bytes) copies.push({ ref, bytes, verified: await hashMatches(bytes, ref.hash) });
  }
  // Good copies first: one of them may restore the original that a damaged copy is judged against.
  copies.sort((a, b) => Number(b.verified) - Number(a.verified));
  let cleaned = 0;
  const own = ctx.meta.own;
  for (const { ref, bytes, verified } of copies) {
    const canonical = dataFilePath(ref.kind, ref.device, ref.seq, ref.hash);
    const obsolete = ref.kind === 'segment' ? ref.seq <= own.compactedTo : ref.seq < own.snapshotSeq;
    if (obsolete) {
      // Compacted already: nothing to restore, the copy just goes.
    } else if (verified && !listed.has(canonical)) {
      try {
        await ctx.folder.writeAtomic(canonical, bytes);
        listed.add(canonical);
      } catch (e) {
        report(ctx, 'folder.writeFailed', 'warning', { error: errorName(e) }, canonical);
        continue;
      }
    } else if (!verified) {
      const original = listed.has(canonical) ? await ctx.folder.read(canonical) : null;
      if (!original || !(await hashMatches(original, ref.hash))) continue;
    }
    if (await tryRemove(ctx, ref.path)) cleaned++;
  }
  if (cleaned) report(ctx, 'conflictCopy.cleaned', 'info', { count: cleaned });
}

/**
 * Rewrites `state/<me>.json` when the acknowledgements changed or the heartbeat is due. `movedAt`: the
 * marker's time once this device has seen it (the folder can be archived when every device says so).
 */
export async function writeOwnState(ctx: Ctx, lastWritten: { sig: string; at: number } | undefined, movedAt?: number): Promise<{ sig: string; at: number } | undefined> {
  const heads: Record<string, number> = { [ctx.device]: ctx.meta.own.seq };
  for (const [d, h] of Object.entries(ctx.meta.heads)) heads[d] = h.seq;
  const body = { format: 'rapport-sync-state' as const, device: ctx.device, folder: ctx.folderId, heads, retired: ctx.meta.own.retired, ...(movedAt === undefined ? {} : { moved: movedAt }) };
  const sig = stateSig({ ...body, beat: 0 });
  const missing = !ctx.listing.some((e) => e.path === statePath(ctx.device));
  const due = missing || !lastWritten || lastWritten.sig !== sig || ctx.now - lastWritten.at >= ctx.settings.heartbeatMs || ctx.now < lastWritten.at;
  if (!due) return lastWritten;
  try {
    await ctx.folder.writeAtomic(statePath(ctx.device), encodeState({ ...body, beat: ctx.now }));
    return { sig, at: ctx.now };
  } catch (e) {
    report(ctx, 'folder.writeFailed', 'warning', { error: errorName(e) }, statePath(ctx.device));
    return lastWritten;
  }
}
