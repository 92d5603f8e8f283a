import type { Account, Category, Contact, Id, Interaction, IsoDate } from '../domain';
import type { GeoPlace, GeoPoint } from '../geo/types';
import { birthdayOccurrenceAt } from './birthday';
import { fromDayNumber, isoWeekDays, localTimeOf, toDayNumber, weekdayOfDayNumber, zoneClock } from './calendar';
import { graceDays, hasRhythm, lastDayOf, rhythmDaysOf, type RhythmTable } from './rhythm';
import type { Reminder } from './reminders';
import { heapPush, heapReplaceTop } from './top-k';

export type WeekPlanReason = 'appointment' | 'overdue' | 'due' | 'follow_up' | 'birthday';

export type WeekPlanEntry = {
  accountId: Id;
  reason: WeekPlanReason;
  /** Local `HH:mm` of a pinned appointment. */
  time?: string;
  /** The planned appointment, or the interaction whose follow-up this is. */
  interactionId?: Id;
  /** Whose birthday it is. */
  contactId?: Id;
  /** Days past the rhythm's due date (negative: due later this week); absent when never contacted. */
  daysOverdue?: number;
  /** Added by the rep rather than proposed. */
  manual?: boolean;
  /** Planned arrival, local `HH:mm` (set by the routed planner; print and .ics both read it). */
  start?: string;
  /** Planned end of the visit, local `HH:mm`. */
  end?: string;
  /** Where the account was placed on the map; absent when it could not be placed. */
  point?: GeoPoint;
  /** Estimated road km from the previous stop (the day's start point for the first visit). */
  driveKm?: number;
  /** Estimated driving minutes from the previous stop. */
  driveMinutes?: number;
  /** Minutes waited before a fixed appointment because the rep arrived early. */
  waitMinutes?: number;
};
export type WeekPlanArea = { areaKey: string; entries: WeekPlanEntry[] };
export type WeekPlanDay = {
  date: IsoDate;
  /** The day's visits; entries across areas, in driving order, are the day's route. */
  areas: WeekPlanArea[];
  /** Start and end point of the day's route, when the rep has set them. */
  from?: GeoPlace;
  to?: GeoPlace;
  /** Road km of the whole day, start to end point. */
  km?: number;
  /** Driving minutes of the whole day. */
  driveMinutes?: number;
  /** Local `HH:mm` of arriving back at the end point. */
  back?: string;
};

/** Why a due account was not planned this week. */
export type LeftOutReason = 'capacity' | 'not_placed';
/** An account the planner could not fit, named in the status line. */
export type LeftOut = { accountId: Id; reason: LeftOutReason; entryReason: WeekPlanReason };
export type WeekPlan = {
  rep: Id;
  isoYear: number;
  isoWeek: number;
  days: WeekPlanDay[];
  /** Candidates that did not fit into the week's capacity. */
  unplanned: number;
  /** Who was left out and why, most urgent first (the routed planner fills it). */
  leftOut?: LeftOut[];
};

export type WeekPlanInput = {
  /** Team member the plan is for: their accounts and their appointments. */
  rep: Id;
  isoYear: number;
  isoWeek: number;
  accounts: readonly Account[];
  /** Contacts per account, for birthdays falling in the week. */
  contactsByAccount?: ReadonlyMap<Id, readonly Contact[]>;
  /** Planned appointments and recent history (follow-up dates). */
  interactions: readonly Interaction[];
  /** Open reminders (already filtered by done/snooze): older follow-ups and birthdays come from here. */
  reminders?: readonly Reminder[];
  rhythms: RhythmTable;
  maxVisitsPerDay: number;
  /** Public holidays: no visits proposed, appointments still shown. */
  holidays?: readonly IsoDate[];
  tz?: string;
};

/** Area of an account: two-digit postal region plus city, the way reps think of "a day in 80 München". */
export function areaKeyOf(account: Pick<Account, 'postalCode' | 'city'>): string {
  const region = account.postalCode.replace(/\s/g, '').slice(0, 2) || '??';
  return `${region} ${account.city.trim()}`.trim();
}

const CATEGORY_RANK: Record<Category, number> = { A: 0, B: 1, C: 2, D: 3 };
// Brief's order: overdue, due, follow-ups, birthdays. Never-contacted accounts rank after due ones:
// they are a gap, but after an import there can be thousands and real overdue visits come first.
const RANK = { overdue: 0, due: 1, never: 2, follow_up: 3, birthday: 4 } as const;

type Candidate = { entry: WeekPlanEntry; score: number; region: string; areaKey: string };

/** Lower is better: reason, then category (A first), then most overdue; ids break ties. */
function better(a: Candidate, b: Candidate): boolean {
  return a.score !== b.score ? a.score < b.score : a.entry.accountId < b.entry.accountId;
}

function score(rank: number, category: Category, daysOverdue: number): number {
  return rank * 1e9 + (CATEGORY_RANK[category] ?? 3) * 1e8 + (5e7 - Math.max(-4e7, Math.min(4e7, daysOverdue)));
}

/**
 * Proposes the rep's visits for one ISO week. Appointments are pinned to their day. The rest is
 * the best `capacity` candidates (see RANK), kept in a bounded heap: O(n log capacity), so 100k
 * accounts cost one pass, not a sort. Chosen visits are grouped by postal region and whole regions
 * are given to days (largest region first, onto the day with most room or one already going there),
 * so a day's visits are close together. Rhythm state is taken on Monday; an account that becomes
 * due by the week's last working day is proposed as due. Deterministic for the same input.
 */
export function proposeWeekPlan(input: WeekPlanInput): WeekPlan {
  const clock = zoneClock(input.tz);
  const week = isoWeekDays(input.isoYear, input.isoWeek).map(toDayNumber);
  const monday = week[0] ?? 0;
  const sunday = week[6] ?? monday + 6;
  const holidays = new Set((input.holidays ?? []).map(toDayNumber));
  const workdays = week.filter((d) => weekdayOfDayNumber(d) <= 5 && !holidays.has(d));
  const lastWorkday = workdays[workdays.length - 1] ?? monday + 4;

  const mondayText = fromDayNumber(monday);
  const sundayText = fromDayNumber(sunday);
  const appts = new Map<number, WeekPlanEntry[]>();
  const apptAccount = new Set<Id>();
  const followUps = new Map<Id, WeekPlanEntry>();
  for (const i of input.interactions) {
    if (i.deletedAt !== undefined) continue;
    // Appointments are the rep's own; follow-ups count whoever logged them (the account filter
    // below keeps only the rep's accounts), so a colleague's agreed call-back is not lost.
    if (i.status === 'planned' && i.userId === input.rep && (i.type === 'visit' || i.type === 'meeting')) {
      const day = lastDayOf(i.at, clock);
      if (day === null || day < monday || day > sunday) continue;
      const list = appts.get(day) ?? [];
      list.push({ accountId: i.accountId, reason: 'appointment', time: localTimeOf(i.at, input.tz), interactionId: i.id });
      appts.set(day, list);
      apptAccount.add(i.accountId);
    } else if (i.status === 'done' && i.followUpDate && i.followUpDate >= mondayText && i.followUpDate <= sundayText) {
      followUps.set(i.accountId, { accountId: i.accountId, reason: 'follow_up', interactionId: i.id });
    }
  }
  for (const r of input.reminders ?? []) {
    if (r.kind === 'follow_up' && toDayNumber(r.dueDate) <= sunday && !followUps.has(r.accountId)) {
      followUps.set(r.accountId, { accountId: r.accountId, reason: 'follow_up', ...(r.interactionId ? { interactionId: r.interactionId } : {}) });
    }
  }
  const birthdays = new Map<Id, Id>();
  for (const r of input.reminders ?? []) {
    if (r.kind === 'birthday' && r.contactId && toDayNumber(r.dueDate) >= monday && toDayNumber(r.dueDate) <= sunday) birthdays.set(r.accountId, r.contactId);
  }

  const capacity = new Map<number, number>();
  const perDay = Number.isFinite(input.maxVisitsPerDay) ? Math.floor(input.maxVisitsPerDay) : 0;
  for (const d of workdays) capacity.set(d, Math.max(0, perDay - (appts.get(d)?.length ?? 0)));
  const total = [...capacity.values()].reduce((s, c) => s + c, 0);
  const heap: Candidate[] = []; // max-heap on "worse": heap[0] is the weakest kept candidate
  let candidates = 0;
  const apptArea = new Map<Id, string>();
  const rhythmOf = rhythmDaysOf(input.rhythms, 'human');
  for (const a of input.accounts) {
    const pinned = apptAccount.size > 0 && apptAccount.has(a.id);
    if (pinned) apptArea.set(a.id, areaKeyOf(a));
    if (pinned || a.ownerId !== input.rep || a.archived || a.deletedAt !== undefined) continue;
    // Rank and score stay plain numbers; objects are built only for candidates that make the cut.
    let rank = -1;
    let days = 0;
    const rhythm = hasRhythm(a) ? rhythmOf(a) : 0;
    if (rhythm > 0) {
      const last = lastDayOf(a.lastHumanContactAt, clock);
      if (last === null) rank = RANK.never;
      else if (last + rhythm <= lastWorkday) {
        days = monday - (last + rhythm);
        rank = days >= graceDays(rhythm) ? RANK.overdue : RANK.due;
      }
    }
    if (rank < 0 && followUps.size > 0 && followUps.has(a.id)) rank = RANK.follow_up;
    let contactId: Id | undefined;
    if (rank < 0) {
      contactId = (birthdays.size > 0 ? birthdays.get(a.id) : undefined) ?? birthdayInWeek(input.contactsByAccount?.get(a.id), monday);
      if (contactId) rank = RANK.birthday;
    }
    if (rank < 0) continue;
    candidates += 1;
    const s = score(rank, a.category, days);
    const top = heap[0];
    if (heap.length >= total && (!top || !(s < top.score || (s === top.score && a.id < top.entry.accountId)))) continue;
    const entry: WeekPlanEntry =
      rank === RANK.follow_up ? (followUps.get(a.id) ?? { accountId: a.id, reason: 'follow_up' })
        : rank === RANK.birthday ? { accountId: a.id, reason: 'birthday', ...(contactId ? { contactId } : {}) }
          : rank === RANK.never ? { accountId: a.id, reason: 'due' }
            : { accountId: a.id, reason: rank === RANK.overdue ? 'overdue' : 'due', daysOverdue: days };
    const areaKey = areaKeyOf(a);
    const c: Candidate = { entry, score: s, region: areaKey.slice(0, 2), areaKey };
    if (heap.length < total) heapPush(heap, c, better);
    else heapReplaceTop(heap, c, better);
  }
  return layout(input, week, workdays, appts, apptArea, capacity, heap, candidates - heap.length);
}

function birthdayInWeek(contacts: readonly Contact[] | undefined, monday: number): Id | undefined {
  for (const c of contacts ?? []) {
    if (c.birthday && c.deletedAt === undefined && !c.erased && birthdayOccurrenceAt(c.birthday, monday, 6, 0)) return c.id;
  }
  return undefined;
}

function layout(
  input: WeekPlanInput, week: number[], workdays: number[], appts: Map<number, WeekPlanEntry[]>, apptArea: Map<Id, string>,
  capacity: Map<number, number>, chosen: Candidate[], unplanned: number,
): WeekPlan {
  const placed = new Map<number, Candidate[]>();
  const regionsOfDay = new Map<number, Set<string>>();
  for (const [day, list] of appts) {
    regionsOfDay.set(day, new Set(list.map((e) => (apptArea.get(e.accountId) ?? '??').slice(0, 2))));
  }
  const clusters = new Map<string, Candidate[]>();
  for (const c of chosen.sort((a, b) => (better(a, b) ? -1 : 1))) {
    const list = clusters.get(c.region) ?? [];
    list.push(c);
    clusters.set(c.region, list);
  }
  const order = [...clusters.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [region, list] of order) {
    let rest = list;
    while (rest.length > 0) {
      let best: number | undefined;
      for (const d of workdays) {
        const cap = capacity.get(d) ?? 0;
        if (cap === 0) continue;
        const bestCap = best === undefined ? -1 : capacity.get(best) ?? 0;
        const here = regionsOfDay.get(d)?.has(region) ?? false;
        const bestHere = best !== undefined && (regionsOfDay.get(best)?.has(region) ?? false);
        if (best === undefined || (here && !bestHere) || (here === bestHere && cap > bestCap)) best = d;
      }
      if (best === undefined) break; // cannot happen: chosen never exceeds total capacity
      const take = rest.slice(0, capacity.get(best) ?? 0);
      rest = rest.slice(take.length);
      capacity.set(best, (capacity.get(best) ?? 0) - take.length);
      placed.set(best, [...(placed.get(best) ?? []), ...take]);
      const regions = regionsOfDay.get(best) ?? new Set<string>();
      regions.add(region);
      regionsOfDay.set(best, regions);
    }
  }
  const days: WeekPlanDay[] = [];
  for (const d of week) {
    const fixed = [...(appts.get(d) ?? [])].sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? -1 : (a.time ?? '') > (b.time ?? '') ? 1 : 0));
    if (!workdays.includes(d) && fixed.length === 0) continue;
    const areas = new Map<string, WeekPlanEntry[]>();
    for (const e of fixed) pushTo(areas, apptArea.get(e.accountId) ?? '??', e);
    for (const c of placed.get(d) ?? []) pushTo(areas, c.areaKey, c.entry);
    const sorted = [...areas.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    days.push({ date: fromDayNumber(d), areas: sorted.map(([areaKey, entries]) => ({ areaKey, entries })) });
  }
  return { rep: input.rep, isoYear: input.isoYear, isoWeek: input.isoWeek, days, unplanned };
}

function pushTo(areas: Map<string, WeekPlanEntry[]>, key: string, e: WeekPlanEntry): void {
  const list = areas.get(key) ?? [];
  list.push(e);
  areas.set(key, list);
}
