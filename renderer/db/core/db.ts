import { Dexie, type EntityTable } from 'dexie';
import type {
  Account,
  ActivityPlan,
  AutomationRule,
  Contact,
  Deal,
  Draft,
  ImportBatch,
  Interaction,
  LeadSource,
  MergeRecord,
  ReminderState,
  Sale,
  SavedView,
  SegmentRule,
  Setting,
  TeamMember,
  TeamSetting,
} from '../../../shared/domain';
import { applyMigrations } from './migrations';
import { derivedFields } from './derived';
import { openItems } from './open-index';
import { syncCapture } from '../sync/middleware';
import { searchWords } from '../history/index-words';
import { postingsMiddleware } from '../history/postings-index';
import { buildPostings } from '../history/postings-build';
import { writeGuard } from './write';

export const DEFAULT_DB_NAME = 'rapport';

export type RapportDb = Dexie & {
  accounts: EntityTable<Account, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  interactions: EntityTable<Interaction, 'id'>;
  deals: EntityTable<Deal, 'id'>;
  sales: EntityTable<Sale, 'id'>;
  leadSources: EntityTable<LeadSource, 'id'>;
  teamMembers: EntityTable<TeamMember, 'id'>;
  segmentRules: EntityTable<SegmentRule, 'id'>;
  activityPlans: EntityTable<ActivityPlan, 'id'>;
  reminderStates: EntityTable<ReminderState, 'id'>;
  automationRules: EntityTable<AutomationRule, 'id'>;
  settings: EntityTable<Setting, 'id'>;
  teamSettings: EntityTable<TeamSetting, 'id'>;
  drafts: EntityTable<Draft, 'id'>;
  savedViews: EntityTable<SavedView, 'id'>;
  importBatches: EntityTable<ImportBatch, 'id'>;
  merges: EntityTable<MergeRecord, 'id'>;
};

/**
 * Opens (creating or upgrading) the database. Strict durability: a write is reported done only
 * once it is on disk, because a laptop losing power in a car park must not lose the last visit.
 */
export function openDb(name: string = DEFAULT_DB_NAME): RapportDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as RapportDb;
  applyMigrations(db);
  // First, so lowest: it sees every interaction as stored, words derived by searchWords above it.
  db.use(postingsMiddleware());
  db.use(derivedFields);
  db.use(openItems);
  db.use(syncCapture(db));
  db.use(searchWords(db));
  // On top: checks (in tests that ask) that every mutation runs in a transaction runWrite opened.
  db.use(writeGuard);
  return db;
}

let current: RapportDb | undefined;

/** The app's database, opened on first use. */
export function getDb(): RapportDb {
  if (!current) {
    const db = openDb();
    // Rows from before schema v6 are posted in the background (history/postings-build.ts), by the
    // window's database only: a report or export worker opening its own would build alongside it.
    db.on('ready', () => {
      setTimeout(() => void buildPostings(db).catch(() => undefined), 0);
    }, true);
    current = db;
  }
  return current;
}

/** Replaces the app's database (tests and the benchmark open throwaway databases). */
export function useDatabase(db: RapportDb): void {
  current = db;
}
