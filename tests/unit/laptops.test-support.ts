import { afterEach } from 'vitest';
import { openDb, type RapportDb } from '../../renderer/db/core/db';
import { createDbSync, type DbSync } from '../../renderer/db/sync/run';
import type { Folder } from '../../shared/sync';

/** A laptop in the two-laptop sync tests: its own database, and sync over the team's folder. */
export type Laptop = { db: RapportDb; sync: DbSync; now: () => number };

/**
 * Laptops that share one test clock (each may run `skew` ms off it). Databases are named
 * `<prefix>-<name>-<uuid>` and deleted after each test.
 */
export function laptopTeam(prefix: string, start = Date.UTC(2026, 10, 23, 8, 0, 0)) {
  let clock = start;
  const opened: RapportDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return {
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    laptop(name: string, folder: Folder, options: { skew?: number; snapshotEvery?: number } = {}): Laptop {
      const db = openDb(`${prefix}-${name}-${crypto.randomUUID()}`);
      opened.push(db);
      const now = () => clock + (options.skew ?? 0);
      const extra = options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery };
      return { db, now, sync: createDbSync(db, folder, { deviceId: name, now, ...extra }) };
    },
  };
}
