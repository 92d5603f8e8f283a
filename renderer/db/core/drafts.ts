import { getDb } from './db';
import { runWrite } from './write';

/**
 * Unsaved form input, one row per form key (e.g. `interaction:new:<accountId>`). Written as the
 * user types, so a crash or a closed window loses at most the last keystrokes.
 *
 * Each draft is mirrored in the tab's sessionStorage until IndexedDB has it: when the disk is full
 * (or the browser closed the database after a disk error) the draft cannot reach IndexedDB, but the
 * mirror lives in memory and survives the reload that reopens the database.
 */
const MIRROR_PREFIX = 'rapport:draft:';

function mirror(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage access can throw (e.g. denied by the browser's settings); the mirror is only a fallback.
    return undefined;
  }
}

function readMirror<T>(key: string): T | undefined {
  const raw = mirror()?.getItem(MIRROR_PREFIX + key);
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

function writeMirror(key: string, payload: unknown | undefined): void {
  try {
    if (payload === undefined) mirror()?.removeItem(MIRROR_PREFIX + key);
    else mirror()?.setItem(MIRROR_PREFIX + key, JSON.stringify(payload));
  } catch {
    // Over the session quota: the IndexedDB draft is still tried.
  }
}

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  // The mirror exists only while IndexedDB lacks the newest input, so it wins when present.
  const mirrored = readMirror<T>(key);
  if (mirrored !== undefined) return mirrored;
  const row = await getDb().drafts.get(key);
  return row?.payload as T | undefined;
}

/** Stores the draft; when IndexedDB refuses, the mirror keeps it and the error still reaches the caller. */
export async function saveDraft(key: string, payload: unknown): Promise<void> {
  writeMirror(key, payload);
  const mirrored = mirror()?.getItem(MIRROR_PREFIX + key);
  await runWrite((d) => [d.drafts], () => getDb().drafts.put({ id: key, payload, updatedAt: Date.now() }), { label: 'draft' });
  // A newer draft typed meanwhile keeps its mirror until its own write lands.
  if (mirror()?.getItem(MIRROR_PREFIX + key) === mirrored) writeMirror(key, undefined);
}

export async function deleteDraft(key: string): Promise<void> {
  writeMirror(key, undefined);
  await runWrite((d) => [d.drafts], () => getDb().drafts.delete(key), { label: 'draft' });
}
