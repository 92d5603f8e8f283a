import {
  newId,
  type Account,
  type ComplaintStatus,
  type Id,
  type Interaction,
  type IsoDate,
  type IsoInstant,
  type Outcome,
} from '../../../shared/domain';
import { getDb, type RapportDb } from '../core/db';
import { runWrite, type WriteLabel } from '../core/write';

/** What the log form hands over; ids, status and timestamps are filled in here. */
export type InteractionInput = Pick<
  Interaction,
  'accountId' | 'type' | 'mode' | 'at' | 'userId' | 'contactIds' | 'subject' | 'summary' | 'nextStep'
> & {
  durationMin?: number;
  outcome?: Outcome;
  followUpDate?: IsoDate;
  /** For complaints: where it stands and who handles it. */
  complaint?: { status: ComplaintStatus; ownerId: Id; resolution: string };
};

/** What completing a planned appointment records. */
export type CompletionInput = Partial<Omit<InteractionInput, 'accountId'>>;

/** Drops undefined and empty optional fields, so stored rows stay compact and comparable. */
function clean(input: CompletionInput): CompletionInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') out[k] = v;
  for (const k of ['subject', 'summary', 'nextStep'] as const) if (k in input) out[k] = input[k] ?? '';
  return out as CompletionInput;
}

/**
 * Keeps the account's last-contact fields in step with a done interaction. Runs inside the
 * caller's transaction, so the history and the rhythm state can never disagree after a crash.
 */
async function touchAccount(db: RapportDb, row: Interaction): Promise<void> {
  if (row.status !== 'done' || row.deletedAt !== undefined) return;
  const account = await db.accounts.get(row.accountId);
  if (!account) return;
  const field = row.mode === 'human' ? 'lastHumanContactAt' : 'lastDigitalContactAt';
  const current = account[field];
  // A back-dated entry must not make the account look less recently contacted.
  if (current !== undefined && current >= row.at) return;
  const patch: Partial<Account> = { [field]: row.at, updatedAt: Date.now() };
  await db.accounts.update(row.accountId, patch);
}

/** Contacts are in scope so the search words get the people's names in the same transaction (history/index-words.ts). */
function write<T>(fn: (db: RapportDb) => Promise<T>, label: WriteLabel = 'interaction'): Promise<T> {
  const db = getDb();
  return runWrite([db.interactions, db.accounts, db.contacts], () => fn(db), { db, label });
}

function build(input: InteractionInput, status: Interaction['status']): Interaction {
  const now = Date.now();
  const { complaint, ...rest } = clean(input) as InteractionInput;
  const row: Interaction = {
    ...rest,
    subject: input.subject.trim(),
    summary: input.summary.trim(),
    nextStep: input.nextStep.trim(),
    contactIds: [...input.contactIds],
    id: newId(),
    status,
    createdAt: now,
    updatedAt: now,
  };
  if (input.type === 'complaint') {
    const c = complaint ?? { status: 'open', ownerId: input.userId, resolution: '' };
    row.complaint = { ...c, resolution: c.resolution.trim(), ...(c.status === 'resolved' ? { resolvedAt: new Date(now).toISOString() } : {}) };
  }
  return row;
}

/** Records something that happened (status `done`). */
export async function logInteraction(input: InteractionInput): Promise<Interaction> {
  const row = build(input, 'done');
  return write(async (db) => {
    await db.interactions.add(row);
    await touchAccount(db, row);
    return row;
  });
}

/** Books a future appointment (status `planned`); outcome and next step come when it is done. */
export async function planAppointment(input: InteractionInput): Promise<Interaction> {
  const { outcome: _o, followUpDate: _f, ...rest } = input;
  const row = build(rest, 'planned');
  await write((db) => db.interactions.add(row), 'appointment');
  return row;
}

async function mustGet(db: RapportDb, id: Id): Promise<Interaction> {
  const row = await db.interactions.get(id);
  if (!row || row.deletedAt !== undefined) throw new Error(`Interaction ${id} not found`);
  return row;
}

/** Turns a planned appointment into a logged interaction with what actually happened. */
export async function completeAppointment(id: Id, input: CompletionInput): Promise<Interaction> {
  return write(async (db) => {
    const row = await mustGet(db, id);
    if (row.status !== 'planned') throw new Error('Only planned appointments can be completed');
    const { complaint, ...rest } = clean(input);
    const done: Interaction = { ...row, ...rest, status: 'done', updatedAt: Date.now() };
    if (complaint && done.type === 'complaint') done.complaint = { ...complaint };
    await db.interactions.put(done);
    await touchAccount(db, done);
    return done;
  });
}

/** Moves a planned appointment; the earlier start is kept in `movedFrom`, oldest first. */
export async function moveAppointment(id: Id, at: IsoInstant): Promise<void> {
  await write(async (db) => {
    const row = await mustGet(db, id);
    if (row.status !== 'planned') throw new Error('Only planned appointments can be moved');
    if (row.at === at) return;
    await db.interactions.update(id, { at, movedFrom: [...(row.movedFrom ?? []), row.at], updatedAt: Date.now() });
  }, 'appointment');
}

/** Cancels a planned appointment; it stays in the history as cancelled. */
export async function cancelAppointment(id: Id): Promise<void> {
  await write(async (db) => {
    const row = await mustGet(db, id);
    if (row.status !== 'planned') throw new Error('Only planned appointments can be cancelled');
    await db.interactions.update(id, { status: 'cancelled', updatedAt: Date.now() });
  }, 'appointment');
}

/** Changes a complaint's status, owner or resolution; `resolvedAt` follows the status. */
export async function updateComplaint(
  id: Id,
  patch: Partial<{ status: ComplaintStatus; ownerId: Id; resolution: string }>,
): Promise<Interaction> {
  return write(async (db) => {
    const row = await mustGet(db, id);
    if (row.type !== 'complaint') throw new Error('Not a complaint');
    const before = row.complaint ?? { status: 'open' as const, ownerId: row.userId, resolution: '' };
    const next = { ...before, ...patch };
    if (next.status === 'resolved' && before.status !== 'resolved') next.resolvedAt = new Date().toISOString();
    if (next.status !== 'resolved') delete next.resolvedAt;
    const updated: Interaction = { ...row, complaint: next, updatedAt: Date.now() };
    await db.interactions.put(updated);
    return updated;
  });
}
