import { COMPLAINT_STATUSES, type Id, type Interaction, type InteractionType, type IsoInstant } from '../../../shared/domain';
import { getDb } from '../core/db';

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
  const open = COMPLAINT_STATUSES.filter((s) => s !== 'resolved').map((s) => ['complaint', s]);
  const rows = await getDb().interactions.where('[type+complaint.status]').anyOf(open).toArray();
  return rows
    .filter((r) => r.deletedAt === undefined && r.complaint && r.complaint.status !== 'resolved')
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** Filters of the timeline; absent = everything. */
export type TimelineFilter = {
  /** Only these types. */
  types?: readonly InteractionType[];
  /** Only entries by this team member. */
  userId?: Id;
  /** Only entries involving this contact person (served by the *contactIds index). */
  contactId?: Id;
};

/** One page of a timeline, newest first, with whether older entries exist. */
export type TimelinePage = { rows: Interaction[]; hasMore: boolean };

function matches(r: Interaction, f: TimelineFilter): boolean {
  if (r.deletedAt !== undefined || r.status === 'planned') return false;
  if (f.types && f.types.length > 0 && !f.types.includes(r.type)) return false;
  if (f.userId && r.userId !== f.userId) return false;
  if (f.contactId && !r.contactIds.includes(f.contactId)) return false;
  return true;
}

/**
 * The account's history, newest first, `limit` rows ("load more" raises the limit). Walks the
 * [accountId+at] index backwards and stops after limit + 1 matches, so the cost depends on the
 * page, not on the size of the database.
 */
export async function listTimeline(accountId: Id, limit: number, filter: TimelineFilter = {}): Promise<TimelinePage> {
  const rows = await getDb()
    .interactions.where('[accountId+at]')
    .between([accountId, ''], [accountId, '\uffff'])
    .reverse()
    .filter((r) => matches(r, filter))
    .limit(limit + 1)
    .toArray();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** One contact person's history across accounts, newest first, through the *contactIds index. */
export async function listContactTimeline(contactId: Id, limit: number, filter: TimelineFilter = {}): Promise<TimelinePage> {
  const rows = await getDb().interactions.where('contactIds').equals(contactId).toArray();
  const hits = rows.filter((r) => matches(r, filter)).sort((a, b) => b.at.localeCompare(a.at));
  return { rows: hits.slice(0, limit), hasMore: hits.length > limit };
}

/** The account's planned appointments, soonest first. */
export async function listPlannedOf(accountId: Id): Promise<Interaction[]> {
  const rows = await getDb()
    .interactions.where('[accountId+at]')
    .between([accountId, ''], [accountId, '\uffff'])
    .filter((r) => r.status === 'planned' && r.deletedAt === undefined)
    .toArray();
  return rows;
}

/** Every complaint of one account, unresolved first, then newest first. */
export async function listComplaintsOf(accountId: Id): Promise<Interaction[]> {
  const rows = await getDb()
    .interactions.where('[accountId+at]')
    .between([accountId, ''], [accountId, '\uffff'])
    .filter((r) => r.type === 'complaint' && r.deletedAt === undefined)
    .toArray();
  const open = (r: Interaction) => (r.complaint?.status === 'resolved' ? 1 : 0);
  return rows.sort((a, b) => open(a) - open(b) || b.at.localeCompare(a.at));
}

/** Ids of accounts with an unresolved complaint, for badges wherever an account is listed. */
export async function listAccountIdsWithOpenComplaint(): Promise<Set<Id>> {
  const rows = await listOpenComplaints();
  return new Set(rows.map((r) => r.accountId));
}

export async function getInteraction(id: Id): Promise<Interaction | undefined> {
  return getDb().interactions.get(id);
}
