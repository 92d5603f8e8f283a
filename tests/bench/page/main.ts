import { generateDemoDataChunks } from '../../../shared/demo';
import { DEFAULT_DB_NAME, getDb, openDb } from '../../../renderer/db/core/db';
import { BULK_CHUNK, CUSTOMER_TABLES, loadDemoData, writeDemoChunk, type DemoTable } from '../../../renderer/db/transfer/demo';
import { setSetting } from '../../../renderer/db/team/settings';
import { deleteDb, getAll, openPlainDb, putAll } from './raw-idb';
import * as interactionScenarios from './interactions';
import * as importExportScenarios from './import-export';
import { reportFloor } from './reports';
import { searchFloor } from './search-floor';
import * as syncScenarios from './sync';
import * as backupScenarios from './backup';
import * as scaleScenarios from './scale';
import { asIsoDate } from '../../../shared/time';

const TODAY = asIsoDate('2026-11-23');
const SEED = 7;

/** The app's demo load into a fresh app database, timed; `tables` limits what is written. */
async function timedAppLoad(accounts: number, tables?: readonly DemoTable[]): Promise<number> {
  try {
    return await appLoadOnce(accounts, tables);
  } catch (e) {
    // page.evaluate passes only the (minified) class name of an Error subclass along: say what failed.
    const err = e as { name?: string; message?: string; inner?: { message?: string } };
    throw new Error(`demo load: ${err.name ?? ''}: ${err.message ?? String(e)} ${err.inner?.message ?? ''}`, { cause: e });
  }
}

async function appLoadOnce(accounts: number, tables?: readonly DemoTable[]): Promise<number> {
  getDb().close();
  await deleteDb(DEFAULT_DB_NAME);
  await getDb().open();
  const t0 = performance.now();
  // A 100k load runs for many minutes: the runner echoes these lines (every 5%, with the pace so far).
  let shown = 0;
  const progress = (done: number, total: number) => {
    if (done < total && done < shown + total / 20) return;
    shown = done;
    console.log(`bench-progress ${done}/${total} accounts after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  await loadDemoData({ seed: SEED, accounts, today: TODAY, selfName: 'Bench', ...(tables ? { tables } : {}) }, progress);
  const ms = performance.now() - t0;
  getDb().close();
  return ms;
}

/**
 * Goes on with a demo load that was stopped (the browser closed or killed): each chunk is one
 * transaction of 500 accounts, so the accounts stored say how many chunks are in; the same seed
 * generates the same chunks, the stored ones are skipped. A 100k load takes hours on a shared
 * 2-core machine, so it can be spread over several runs (BENCH_RESUME=1).
 */
async function resumeAppLoad(accounts: number): Promise<number> {
  const db = getDb();
  const stored = await db.accounts.count();
  if (stored % 500 !== 0) throw new Error(`${stored} accounts stored: not a whole number of demo chunks, cannot resume`);
  const t0 = performance.now();
  let done = 0;
  let self: string | undefined;
  for (const chunk of generateDemoDataChunks({ seed: SEED, accounts, today: TODAY, selfName: 'Bench' }, 500)) {
    self ??= chunk.teamMembers[0]?.id;
    done += chunk.accounts.length;
    if (done <= stored) continue;
    await writeDemoChunk(db, chunk);
    console.log(`bench-progress ${done}/${accounts} accounts after ${((performance.now() - t0) / 1000).toFixed(0)} s (resumed at ${stored})`);
  }
  // What loadDemoData writes when it finishes (a stopped load never got there).
  if (!self) throw new Error('The demo generator produced no team member');
  await setSetting('demoSeed', SEED);
  await setSetting('selfMemberId', self);
  return performance.now() - t0;
}

/** Scenarios the runner calls through page.evaluate; each returns milliseconds. */
const bench = {
  /** The app's demo loader (Dexie, chunked transactions) into the app's database. */
  appLoad: (accounts: number): Promise<number> => timedAppLoad(accounts),
  /** The app's demo load, going on where a stopped one ended (BENCH_RESUME=1). */
  appResume: (accounts: number): Promise<number> => resumeAppLoad(accounts),
  /** The same loader writing only the customer base (accounts, contacts and what they refer to): BENCH_DEMO=customers. */
  appLoadCustomers: (accounts: number): Promise<number> => timedAppLoad(accounts, CUSTOMER_TABLES),
  /** Generating the same rows in memory, without writing: part of both sides above. */
  async generate(accounts: number): Promise<number> {
    const t0 = performance.now();
    let rows = 0;
    for (const chunk of generateDemoDataChunks({ seed: SEED, accounts, today: TODAY, selfName: 'Bench' }, 500)) {
      rows += chunk.accounts.length;
    }
    if (rows !== accounts) throw new Error(`generated ${rows} accounts, expected ${accounts}`);
    return performance.now() - t0;
  },
  /**
   * Baseline: the same generated rows put with raw IndexedDB, as many accounts a transaction as the
   * app's loader writes, into a plain database with the app's current stores and indexes (created by
   * opening it once with the app's schema, then reopened without Dexie or middleware).
   */
  async rawLoad(accounts: number): Promise<number> {
    const name = 'bench-raw';
    await deleteDb(name);
    const schema = openDb(name);
    await schema.open();
    schema.close();
    const db = await openPlainDb(name);
    const t0 = performance.now();
    for (const chunk of generateDemoDataChunks({ seed: SEED, accounts, today: TODAY, selfName: 'Bench' }, BULK_CHUNK)) {
      await putAll(db, [chunk as unknown as Record<string, unknown[]>]);
    }
    const ms = performance.now() - t0;
    db.close();
    await deleteDb(name);
    return ms;
  },
  /** Baseline for first paint: open the app's database raw and read every account and contact. */
  async rawReadAll(): Promise<number> {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DEFAULT_DB_NAME);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await Promise.all([getAll(db, 'accounts'), getAll(db, 'contacts')]);
    const ms = performance.now() - t0;
    db.close();
    return ms;
  },
  /** Accounts in the app's database, so a runner with BENCH_REUSE can skip loading what is already there. */
  // Leaves the connection open: a Dexie instance closed by hand does not reopen by itself, and the scenarios
  // that follow on the same page use it.
  async accountCount(): Promise<number> {
    return getDb().accounts.count();
  },
  /** Customer-list search floor (see search-floor.ts); returns one time per query. */
  searchFloor,
  /** Reports page floors (see reports.ts): [raw read ms, one in-memory pass ms]. */
  reportFloor,
};

(window as unknown as { bench: typeof bench }).bench = { ...bench, ...interactionScenarios, ...importExportScenarios, ...syncScenarios, ...backupScenarios, ...scaleScenarios };
document.title = 'bench-ready';
