import { generateDemoDataChunks, type DemoData } from '../../../shared/demo';
import type { IsoDate } from '../../../shared/domain';
import { getDb, type RapportDb } from '../core/db';
import { asBulkWork } from '../core/bulk-work';
import { runWrite } from '../core/write';
import { announceCustomerChange } from '../core/derived';
import { DOCS, POSTINGS, type PostDoc, type Posting } from '../history/postings';
import { PostingsBuilder } from '../history/postings-bulk';
import { CAPTURED_ALL } from '../sync/capture';
import { setSetting } from '../team/settings';
import { announceBulkWrite, finishLoad, startPostings, storedChunk, writeStored } from './demo-bulk';

/** The tables the demo generator fills, in the order they are written. */
const DEMO_TABLES = [
  'teamMembers',
  'leadSources',
  'segmentRules',
  'accounts',
  'contacts',
  'interactions',
  'deals',
  'sales',
] as const satisfies ReadonlyArray<keyof DemoData & keyof RapportDb>;
export type DemoTable = (typeof DEMO_TABLES)[number];
/** The customer base alone: what the customer list reads (a 100k benchmark without a million interactions). */
export const CUSTOMER_TABLES: readonly DemoTable[] = ['teamMembers', 'leadSources', 'segmentRules', 'accounts', 'contacts'];

export type DemoOptions = {
  /** Same seed, same data. */
  seed: number;
  /** Number of accounts (700 for the demo, 10k/100k for benchmarks). */
  accounts: number;
  /** The day the demo's history ends. */
  today: IsoDate;
  /** Name of the seat's own team member. */
  selfName: string;
  /** Only these tables are written (benchmarks of one area); all by default. */
  tables?: readonly DemoTable[];
};

export class DemoLoadError extends Error {
  constructor(readonly code: 'not_empty' | 'cancelled') {
    super(code === 'not_empty' ? 'The customer base is not empty' : 'Loading the demo data was cancelled');
  }
}

async function clearDemoTables(db: RapportDb): Promise<void> {
  await runWrite(DEMO_TABLES.map((t) => db.table(t)), async () => {
    for (const t of DEMO_TABLES) await db.table(t).clear();
  }, { label: 'demo' });
}

/** Writes one generated chunk in one transaction (only `tables`, when given). */
export async function writeDemoChunk(db: RapportDb, chunk: DemoData, tables: readonly DemoTable[] = DEMO_TABLES): Promise<void> {
  await runWrite(DEMO_TABLES.map((t) => db.table(t)), async () => {
    for (const t of tables) {
      const rows = chunk[t];
      if (rows.length > 0) await db.table(t).bulkPut(rows);
    }
  }, { label: 'demo' });
}

/**
 * Loads generated demo data into an empty database in chunks, reporting progress. Cancelling or
 * failing (e.g. a full disk) removes every demo row again, so the user is back where they were.
 */
export async function loadDemoData(
  options: DemoOptions,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ selfMemberId: string }> {
  // Held while it writes: the daily backup and the automation rules wait for the whole demo.
  return asBulkWork(() => writeDemo(options, onProgress, signal));
}

/**
 * Accounts generated and written per transaction by the bulk path: fewer, larger transactions cost
 * less per row (measured in Chromium with tests/bench, BENCH_ONLY=scale), and 2,000 accounts (some
 * 20,000 interactions, ~25 MB of rows) stay well inside what one commit should hold in memory.
 */
export const BULK_CHUNK = 2000;

/** A tenth of a small demo (up to BULK_CHUNK accounts) per transaction, so the progress bar moves; BULK_CHUNK beyond. */
const bulkChunk = (accounts: number) => (accounts > BULK_CHUNK ? BULK_CHUNK : Math.max(100, Math.ceil(accounts / 10)));

/** Only an empty history takes the bulk path (doc numbers from 0, no stored posting list to extend). */
async function emptyHistory(db: RapportDb): Promise<boolean> {
  const [interactions, docs, postings] = await Promise.all([db.interactions.count(), db.table(DOCS).count(), db.table(POSTINGS).count()]);
  return interactions === 0 && docs === 0 && postings <= 1;
}

async function writeDemo(options: DemoOptions, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<{ selfMemberId: string }> {
  const db = getDb();
  if ((await db.accounts.count()) > 0) throw new DemoLoadError('not_empty');
  const tables = options.tables ?? DEMO_TABLES;
  const bulk = await emptyHistory(db);
  const postings = new PostingsBuilder(0);
  const stores = [...DEMO_TABLES, POSTINGS, DOCS];
  let selfMemberId: string | undefined;
  let small: Pick<DemoData, 'teamMembers' | 'leadSources' | 'segmentRules'> | undefined;
  let done = 0;
  // Sync diffs every row at its first capture; only rows written after it need their mark.
  const mark = bulk && (await db.table('syncMeta').get(CAPTURED_ALL)) !== undefined;
  // One transaction in flight while the next chunk is generated.
  let committing: Promise<void> | undefined;
  try {
    if (bulk) await startPostings(db);
    for (const chunk of generateDemoDataChunks(options, bulk ? bulkChunk(options.accounts) : 500)) {
      if (signal?.aborted) throw new DemoLoadError('cancelled');
      selfMemberId ??= chunk.teamMembers[0]?.id;
      small ??= { teamMembers: chunk.teamMembers, leadSources: chunk.leadSources, segmentRules: chunk.segmentRules };
      if (bulk) {
        const docs: PostDoc[] = [];
        const full: Posting[] = [];
        const rows = storedChunk(chunk, tables, postings, docs, full, mark);
        await committing;
        const write = writeStored(db, stores, rows, docs, full);
        committing = write.done;
        await write.queued;
      } else await writeDemoChunk(db, chunk, tables);
      done += chunk.accounts.length;
      onProgress?.(done, options.accounts);
    }
    await committing;
    if (bulk && small) await finishLoad(db, postings, small, tables);
  } catch (error) {
    await committing?.catch(() => undefined);
    await clearDemoTables(db);
    throw error;
  } finally {
    if (bulk) {
      announceBulkWrite(db, stores);
      announceCustomerChange();
    }
  }
  if (!selfMemberId) throw new Error('The demo generator produced no team member');
  await setSetting('demoSeed', options.seed);
  await setSetting('selfMemberId', selfMemberId);
  return { selfMemberId };
}
