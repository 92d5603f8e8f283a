import type { RapportDb } from './db';

/** What went wrong with the database, for the global alert. */
export type DbFault =
  /** A write failed because the disk or quota is full. */
  | { kind: 'storage-full' }
  /** A write succeeded after a full disk: there is space again, the storage-full alert can go. */
  | { kind: 'storage-recovered' }
  /** The browser closed the database after a disk error; writes work again after a reload. */
  | { kind: 'lost' }
  /** Another window upgraded or deleted the database; this window's connection is closed. */
  | { kind: 'versionchange'; deleted: boolean }
  /** This window waits for an older window to close before it can upgrade. */
  | { kind: 'blocked' };

const listeners = new Set<(fault: DbFault) => void>();

export function onDbFault(listener: (fault: DbFault) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportDbFault(fault: DbFault): void {
  for (const l of listeners) l(fault);
}

/**
 * Reacts to other windows: an upgrade or delete elsewhere closes this connection for good (no
 * silent re-open at the old version) and says so; an upgrade blocked by an older window says so
 * instead of waiting silently. Call before the first open.
 */
const watched = new WeakSet<RapportDb>();

export function watchDb(db: RapportDb): void {
  if (watched.has(db)) return;
  watched.add(db);
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    db.close({ disableAutoOpen: true });
    reportDbFault({ kind: 'versionchange', deleted: !event.newVersion });
    return false;
  });
  db.on('blocked', () => reportDbFault({ kind: 'blocked' }));
}
