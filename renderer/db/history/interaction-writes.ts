import { newId, type Id, type Interaction, type IsoInstant } from '../../../shared/domain';
import {
  cancelAppointment as cancelCommand,
  completeAppointment as completeCommand,
  moveAppointment as moveCommand,
  recordInteraction,
  touchAccount,
  updateComplaint as updateComplaintCommand,
  type ComplaintPatch,
  type CompletionInput,
  type InteractionInput,
} from '../../../shared/interactions';
import { orThrow } from '../../../shared/validation/result';
import { FOLLOW_UP_OF, OPEN_FIELD } from '../../../shared/planning/open-items';
import { getDb, type RapportDb } from '../core/db';
import { rederiveOpen } from '../core/open-index';
import { runWrite, type WriteLabel } from '../core/write';

export type { CompletionInput, InteractionInput } from '../../../shared/interactions';

/**
 * The rules live in shared/interactions; this file reads what a command needs, calls it and
 * persists its rows. A refused command throws (RefusedError) before anything is written.
 */

/**
 * Keeps the account's last-contact fields in step with a done interaction. Runs inside the
 * caller's transaction, so the history and the rhythm state can never disagree after a crash.
 */
async function persistTouch(db: RapportDb, row: Interaction): Promise<void> {
  const patch = touchAccount(await db.accounts.get(row.accountId), row, Date.now());
  if (!patch) return;
  await db.accounts.update(row.accountId, patch);
  // The contact answers the account's earlier follow-ups: they leave the open-items index now.
  await rederiveOpen(db.interactions.where(OPEN_FIELD).equals([FOLLOW_UP_OF, row.accountId]));
}

/** Contacts are in scope so the search words get the people's names in the same transaction (history/index-words.ts). */
function write<T>(fn: (db: RapportDb) => Promise<T>, label: WriteLabel = 'interaction'): Promise<T> {
  const db = getDb();
  return runWrite([db.interactions, db.accounts, db.contacts], () => fn(db), { db, label });
}

/** Records something that happened (status `done`). */
export async function logInteraction(input: InteractionInput): Promise<Interaction> {
  const row = orThrow(recordInteraction(input, 'done', { id: newId(), now: Date.now() }));
  return write(async (db) => {
    await db.interactions.add(row);
    await persistTouch(db, row);
    return row;
  });
}

/** Books a future appointment (status `planned`); outcome and next step come when it is done. */
export async function planAppointment(input: InteractionInput): Promise<Interaction> {
  const row = orThrow(recordInteraction(input, 'planned', { id: newId(), now: Date.now() }));
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
    const done = orThrow(completeCommand(await mustGet(db, id), input, Date.now()));
    await db.interactions.put(done);
    await persistTouch(db, done);
    return done;
  });
}

/** Moves a planned appointment; the earlier start is kept in `movedFrom`, oldest first. */
export async function moveAppointment(id: Id, at: IsoInstant): Promise<void> {
  await write(async (db) => {
    const changes = orThrow(moveCommand(await mustGet(db, id), at, Date.now()));
    if (changes) await db.interactions.update(id, changes);
  }, 'appointment');
}

/** Cancels a planned appointment; it stays in the history as cancelled. */
export async function cancelAppointment(id: Id): Promise<void> {
  await write(async (db) => {
    await db.interactions.update(id, orThrow(cancelCommand(await mustGet(db, id), Date.now())));
  }, 'appointment');
}

/** Changes a complaint's status, owner or resolution; `resolvedAt` follows the status. */
export async function updateComplaint(id: Id, patch: ComplaintPatch): Promise<Interaction> {
  return write(async (db) => {
    const updated = orThrow(updateComplaintCommand(await mustGet(db, id), patch, Date.now()));
    await db.interactions.put(updated);
    return updated;
  });
}
