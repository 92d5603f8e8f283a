/**
 * Where things live in the sync folder:
 *
 *   rapport-sync-<folderId>.json               root: folder id, format, optional wrapped key. Named by
 *                                              its id so two laptops that set up an empty folder at the
 *                                              same moment never overwrite each other's root: everyone
 *                                              settles on the smallest id.
 *   segments/<device>/<seq:8>-<sha256>.seg     append-only changes of one device, immutable
 *   snapshots/<device>/<seq:8>-<sha256>.snap   full state of one device, covering its seq and its heads
 *   state/<device>.json                        that device's acknowledgements (heads per device)
 *
 * Every device writes only below its own id. Names that carry a hash are immutable; the state file is
 * the one mutable file per device, and only its owner writes it. Anything else is ignored.
 */
import { MOVED_MARKER_PATH } from './couch/types';
import { DEVICE_ID_PATTERN } from './hlc';

export const ROOT_PREFIX = 'rapport-sync';

export function rootPath(folderId: string): string {
  return `${ROOT_PREFIX}-${folderId}.json`;
}
export const SEGMENTS_DIR = 'segments';
export const SNAPSHOTS_DIR = 'snapshots';
export const STATE_DIR = 'state';

export type FileKind = 'segment' | 'snapshot';

/** A segment or snapshot file recognised by its name. */
export type DataFileRef = {
  path: string;
  kind: FileKind;
  /** Directory owner. */
  device: string;
  seq: number;
  /** Content hash from the name. */
  hash: string;
  /** Made by a sync tool (`(conflicted copy …)`, `.sync-conflict-…`, `-DESKTOP-XYZ`, `(1)`): same content, extra name. */
  conflictCopy: boolean;
};

const EXT: Record<FileKind, string> = { segment: 'seg', snapshot: 'snap' };

export function dataFilePath(kind: FileKind, device: string, seq: number, hash: string): string {
  const dir = kind === 'segment' ? SEGMENTS_DIR : SNAPSHOTS_DIR;
  return `${dir}/${device}/${String(seq).padStart(8, '0')}-${hash}.${EXT[kind]}`;
}

export function statePath(device: string): string {
  return `${STATE_DIR}/${device}.json`;
}

// Sync tools put their marker before or after the extension; both are accepted.
const DATA_NAME = /^(\d{8})-([0-9a-f]{64})(.*?)\.(seg|snap)(.*)$/;

/** Recognises a segment/snapshot path, canonical or a conflicted copy; null for anything else. */
export function parseDataPath(path: string): DataFileRef | null {
  const parts = path.split('/');
  if (parts.length !== 3) return null;
  const [dir, device, name] = parts as [string, string, string];
  const kind: FileKind | null = dir === SEGMENTS_DIR ? 'segment' : dir === SNAPSHOTS_DIR ? 'snapshot' : null;
  if (!kind || !DEVICE_ID_PATTERN.test(device)) return null;
  const m = DATA_NAME.exec(name);
  if (!m || m[4] !== EXT[kind]) return null;
  const seq = Number(m[1]);
  if (seq < 1) return null;
  return { path, kind, device, seq, hash: m[2]!, conflictCopy: m[3] !== '' || m[5] !== '' };
}

/** True for a root file or a conflicted copy of one (the id is read from the content). */
export function isRootPath(path: string): boolean {
  return !path.includes('/') && path.startsWith(ROOT_PREFIX) && path.includes('.json') && !isMovedMarkerPath(path);
}

/** Stem shared by the moved marker and the conflicted copies a sync tool makes of it. */
const MARKER_STEM = MOVED_MARKER_PATH.replace(/\.json$/, '');

/**
 * True for the "moved to a server" marker (`rapport-sync-moved.json`, see engine-moved.ts) or a conflicted
 * copy of it. It shares the roots' prefix, so it must never be taken for a damaged root.
 */
export function isMovedMarkerPath(path: string): boolean {
  return !path.includes('/') && path.startsWith(MARKER_STEM) && path.includes('.json');
}

/** True for a file in `state/` (the owner is read from its content, so copies are recognised too). */
export function isStatePath(path: string): boolean {
  const parts = path.split('/');
  return parts.length === 2 && parts[0] === STATE_DIR && parts[1]!.includes('.json');
}
