import type { Id, Interaction, IsoInstant } from '../../shared/domain';
import { getDb } from './db';

/** Planned appointments starting in [from, to), oldest first, optionally for one team member. */
export async function listPlanned(from: IsoInstant, to: IsoInstant, userId?: Id): Promise<Interaction[]> {
  const rows = await getDb()
    .interactions.where('[status+at]')
    .between(['planned', from], ['planned', to], true, false)
    .toArray();
  return rows.filter((r) => r.deletedAt === undefined && (!userId || r.userId === userId));
}

/** The newest entries of an account's history, newest first. */
export async function listRecentOf(accountId: Id, limit: number): Promise<Interaction[]> {
  const rows = await getDb()
    .interactions.where('[accountId+at]')
    .between([accountId, ''], [accountId, '\uffff'])
    .reverse()
    .filter((r) => r.deletedAt === undefined && r.status !== 'planned')
    .limit(limit)
    .toArray();
  return rows;
}

/** Complaints not yet resolved, oldest first. */
export async function listOpenComplaints(): Promise<Interaction[]> {
  const rows = await getDb().interactions.where('type').equals('complaint').toArray();
  return rows
    .filter((r) => r.deletedAt === undefined && r.complaint && r.complaint.status !== 'resolved')
    .sort((a, b) => a.at.localeCompare(b.at));
}
