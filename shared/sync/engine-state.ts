/** The engine's bookkeeping (kept in SyncStore meta) and the per-device state/ack file. */
import { canonicalJson, fromUtf8, utf8 } from '../bytes';
import { DEVICE_ID_PATTERN, type HlcClock } from './hlc';
import type { SyncStore } from './store';

/** What this device wrote. */
export type OwnLog = {
  /** Last committed segment seq. */
  seq: number;
  /** Hash of that segment (the next one's `prev`). */
  lastHash: string;
  /**
   * Short hashes (`ownMark`) of every file this install wrote or tried to write, never pruned (17 bytes
   * per file): a verified file in its own folder that is not here means a clone — also a late
   * conflicted copy of a long-compacted file must still be recognised as its own.
   */
  written: string[];
  /** Segment being written: decided before the write so a crash in between is resolved on the next run. */
  intent?: { seq: number; hash: string; path: string };
  /** Own seq covered by the latest own snapshot. */
  snapshotSeq: number;
  /** What the latest own snapshot covers per device (its header's `covers`). */
  snapshotCovers?: Record<string, number>;
  /** Own segments up to this seq were deleted by compaction. */
  compactedTo: number;
  /** Earlier ids of this install (changed after a clone was detected). */
  retired: string[];
};

/** Per other device: highest contiguous seq applied, plus seqs applied above it (late files make gaps). */
export type Heads = Record<string, { seq: number; above: number[] }>;

/**
 * Per other device: its state file as last seen, when (this laptop's time) it last changed, and how
 * long it has been silent *while this laptop was watching*: each run adds the time since the previous
 * run, capped at a day, so a laptop that itself was away for weeks does not declare everyone else gone
 * (and a wrong clock jumping ahead cannot either).
 */
export type Peers = Record<string, { sig: string; since: number; silentMs: number }>;

/** Most a single run adds to a peer's silence. */
export const MAX_OBSERVED_GAP_MS = 86_400_000;

export type EngineMeta = {
  own: OwnLog;
  heads: Heads;
  /** Hashes of segment/snapshot files already applied (pruned to files still listed). */
  seen: string[];
  peers: Peers;
  /** Devices whose far-future stamps the user accepted. */
  trustFuture: string[];
  /** This laptop's time of the previous run that could read the folder. */
  lastRunAt?: number;
};

export const META = {
  deviceId: 'sync.deviceId',
  folderId: 'sync.folderId',
  hlc: 'sync.hlc',
  engine: 'sync.engine',
  lastSync: 'sync.lastSync',
} as const;

export function freshOwn(retired: string[] = []): OwnLog {
  return { seq: 0, lastHash: '', written: [], snapshotSeq: 0, compactedTo: 0, retired };
}

export async function loadMeta(store: SyncStore): Promise<EngineMeta> {
  const m = await store.getMeta<EngineMeta>(META.engine);
  return m ?? { own: freshOwn(), heads: {}, seen: [], peers: {}, trustFuture: [] };
}

export function saveMeta(store: SyncStore, meta: EngineMeta): Promise<void> {
  return store.setMeta(META.engine, meta);
}

/** Marks a segment seq of a device as applied and advances its contiguous head. */
export function markApplied(heads: Heads, device: string, seq: number): void {
  const h = (heads[device] ??= { seq: 0, above: [] });
  if (seq > h.seq && !h.above.includes(seq)) h.above.push(seq);
  advance(h);
}

/** Moves a head forward (a snapshot covered everything up to `seq`). */
export function raiseHead(heads: Heads, device: string, seq: number): void {
  const h = (heads[device] ??= { seq: 0, above: [] });
  if (seq > h.seq) h.seq = seq;
  advance(h);
}

function advance(h: { seq: number; above: number[] }): void {
  h.above.sort((a, b) => a - b);
  while (h.above.length && h.above[0]! <= h.seq + 1) h.seq = Math.max(h.seq, h.above.shift()!);
}

/** `state/<device>.json`: what a device has applied (its acknowledgements), written only by it. */
export type StateFile = {
  format: 'rapport-sync-state';
  device: string;
  folder: string;
  /** Per device, the highest contiguous seq applied (own id: own committed seq). */
  heads: Record<string, number>;
  /** Ids this install used before (after a clone was detected): nobody waits for their acks any more. */
  retired: string[];
  /** Writer's physical time (informational only: clocks may be wrong). */
  beat: number;
  /** The moved marker's `at` once this device has seen it: it writes nothing more into the folder. */
  moved?: number;
};

export function encodeState(s: StateFile): Uint8Array {
  return utf8(JSON.stringify(s) + '\n');
}

export function decodeState(bytes: Uint8Array): StateFile | null {
  try {
    const s = JSON.parse(fromUtf8(bytes)) as StateFile;
    if (s?.format !== 'rapport-sync-state' || typeof s.device !== 'string' || typeof s.heads !== 'object') return null;
    return { ...s, retired: Array.isArray(s.retired) ? s.retired : [] };
  } catch {
    return null;
  }
}

/** Signature of a state file's meaningful content (the heartbeat counts: it shows the device is alive). */
export function stateSig(s: StateFile): string {
  return canonicalJson(s);
}

/** The part of a content hash kept in `OwnLog.written`; 64 bits are plenty to recognise own files. */
export function ownMark(hash: string): string {
  return hash.slice(0, 16);
}

/**
 * Loads (or creates) this laptop's device id and restores the clock. Both engines use it, so the folder
 * and the server know a laptop by one id and a switch of target never stamps below an earlier edit.
 */
export async function loadIdentity(store: SyncStore, clock: HlcClock, makeId: () => string): Promise<string> {
  let id = await store.getMeta<string>(META.deviceId);
  if (!id) {
    id = makeId();
    if (!DEVICE_ID_PATTERN.test(id)) throw new Error(`invalid device id ${id}`);
    await store.setMeta(META.deviceId, id);
  }
  clock.device = id;
  const last = await store.getMeta<string>(META.hlc);
  if (last) clock.observe(last);
  // Local edits since the last run are newer than the saved clock; never stamp below them.
  for (const c of await store.pending()) clock.observe(c.hlc);
  return id;
}
