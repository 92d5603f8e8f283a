import { OPEN_STAGES, type Account, type Contact, type Deal, type Id, type Interaction, type SegmentRule, type TeamMember } from '../../../shared/domain';
import { getDb } from '../core/db';
import { listComplaintsOf, listPlannedOf } from '../history/interactions';

/** Everything the one-screen briefing (and the printed customer sheet) shows for one account. */
export type BriefingData = {
  account: Account;
  contacts: Contact[];
  /** Latest done or cancelled entries, newest first. */
  recent: Interaction[];
  /** Latest entries that agreed a next step or a follow-up date, newest first. */
  nextSteps: Interaction[];
  /** Unresolved complaints, oldest first. */
  openComplaints: Interaction[];
  /** Deals still open, largest first. */
  openDeals: Deal[];
  /** Planned appointments, soonest first. */
  planned: Interaction[];
  team: TeamMember[];
  segmentRules: SegmentRule[];
};

const RECENT = 6;
const NEXT_STEPS = 4;
/** How many history entries the briefing reads. */
const LOOKBACK = 60;
/** Next steps agreed longer ago than this are settled or stale; the timeline still has them. */
const NEXT_STEP_MAX_AGE_MS = 180 * 86_400_000;

export async function loadBriefing(accountId: Id): Promise<BriefingData | null> {
  const db = getDb();
  const account = await db.accounts.get(accountId);
  if (!account || account.deletedAt !== undefined) return null;
  const [contacts, history, complaints, deals, planned, team, segmentRules] = await Promise.all([
    db.contacts.where('accountId').equals(accountId).toArray(),
    db.interactions
      .where('[accountId+at]')
      .between([accountId, ''], [accountId, '\uffff'])
      .reverse()
      .filter((r) => r.deletedAt === undefined && r.status !== 'planned')
      .limit(LOOKBACK)
      .toArray(),
    listComplaintsOf(accountId),
    db.deals.where('accountId').equals(accountId).toArray(),
    listPlannedOf(accountId),
    db.teamMembers.toArray(),
    db.segmentRules.toArray(),
  ]);
  return {
    account,
    contacts: contacts.filter((c) => c.deletedAt === undefined && !c.erased),
    recent: history.slice(0, RECENT),
    nextSteps: history
      .filter((r) => r.status === 'done' && (r.nextStep !== '' || r.followUpDate) && Date.now() - Date.parse(r.at) <= NEXT_STEP_MAX_AGE_MS)
      .slice(0, NEXT_STEPS),
    openComplaints: complaints.filter((c) => c.complaint?.status !== 'resolved').sort((a, b) => a.at.localeCompare(b.at)),
    openDeals: deals.filter((d) => d.deletedAt === undefined && OPEN_STAGES.has(d.stage)).sort((a, b) => b.value - a.value),
    planned,
    team,
    segmentRules,
  };
}
