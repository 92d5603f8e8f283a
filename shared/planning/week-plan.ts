import type { Account, Category, Contact, Id, Interaction, IsoDate } from '../domain';
import type { GeoPlace, GeoPoint } from '../geo/types';
import { birthdayOccurrenceAt } from './birthday';
import { fromDayNumber, isoWeekDays, localTimeOf, toDayNumber, weekdayOfDayNumber, zoneClock } from './calendar';
import { graceDays, hasRhythm, lastDayOf, rhythmDaysOf, type RhythmTable } from './rhythm';
import type { Reminder } from './reminders';
import { heapPush, heapReplaceTop } from './top-k';
import { defaultRepWeek, type RepWeek } from './rep-week';
import { driveLeg } from './route';
import { minutesOf } from './schedule';
import { layoutWeek, type PlanAppointment, type PlanCandidate } from './week-layout';

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
  /** Most visits on one day (appointments included); working hours may allow fewer. */
  maxVisitsPerDay: number;
  /** Days off (public holidays, 24/31 Dec, absences): no visits proposed, appointments still shown. */
  holidays?: readonly IsoDate[];
  tz?: string;
  /** The rep's working hours, visit lengths, absences and driving model; defaultRepWeek() when absent. */
  repWeek?: RepWeek;
  /**
   * Where an account is on the map (the geocoder). When given, days are areas on the map and
   * routed; an account it cannot place is not proposed but listed in leftOut as 'not_placed'.
   * When absent, areas are postal regions and the drive between visits is the minimum drive.
   */
  pointOf?: (account: Account) => GeoPoint | undefined;
  /** Where each day starts (the rep's start address, placed by the caller). */
  startPoint?: GeoPlace;
  /** Where each day ends; absent means back to startPoint. */
  endPoint?: GeoPlace;
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
const REASON_OF_RANK: WeekPlanReason[] = ['overdue', 'due', 'due', 'follow_up', 'birthday'];

/** Order of leftOut: most urgent first, ids break ties. */
function outFirst(a: Out, b: Out): boolean {
  return a.score !== b.score ? a.score < b.score : a.account.id < b.account.id;
}

/**
 * Sorts leftOut rows most urgent first. There can be tens of thousands and a comparator sort of
 * objects cost more than the whole candidate pass, so scores (whole numbers below 2^33) are
 * packed with the row's index into one float, sorted natively, and only runs of equal score are
 * ordered by id with a comparator.
 */
function sortOut(out: Out[]): void {
  const n = out.length;
  const m = 2 ** Math.ceil(Math.log2(n + 1));
  if (m > 2 ** 20) {
    out.sort((a, b) => (outFirst(a, b) ? -1 : 1));
    return;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (out[i]?.score ?? 0) * m + i;
  keys.sort();
  const sorted = Array.from(keys, (k) => out[k % m] as Out);
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j]?.score === sorted[i]?.score) j++;
    if (j - i > 1) sorted.splice(i, j - i, ...sorted.slice(i, j).sort((a, b) => (a.account.id < b.account.id ? -1 : 1)));
    i = j;
  }
  for (let i = 0; i < n; i++) out[i] = sorted[i] as Out;
}

/** Lower is better: reason, then category (A first), then most overdue; ids break ties. */
function better(a: Chosen, b: Chosen): boolean {
  return a.score !== b.score ? a.score < b.score : a.entry.accountId < b.entry.accountId;
}

function score(rank: number, category: Category, daysOverdue: number): number {
  return rank * 1e9 + (CATEGORY_RANK[category] ?? 3) * 1e8 + (5e7 - Math.max(-4e7, Math.min(4e7, daysOverdue)));
}

/** A candidate that did not make the cut: what is needed to name it in leftOut, or to plan it after all. */
// One fixed shape and no optional fields: at 100k accounts there are tens of thousands of these.
type Out = { account: Account; score: number; reason: LeftOutReason; rank: number; days: number };
type Birthday = { contactId: Id; day: number };
/** A candidate in the heap, with its Out row for when a better one evicts it. */
type Chosen = PlanCandidate & { out: Out };

/**
 * Proposes the rep's visits for one ISO week. Appointments are pinned to their day and time. The
 * rest is the best candidates (see RANK) up to the week's capacity, kept in a bounded heap:
 * O(n log capacity), so 100k accounts cost one pass, not a sort. A day's capacity is
 * maxVisitsPerDay, or fewer when even the shortest visits and drives would not fit its working
 * hours, minus its appointments. The chosen visits are laid out by `layoutWeek`: one area per
 * day, routed and timed within working hours. Every candidate not planned is in `leftOut`
 * (most urgent first) and counted in `unplanned`. Rhythm state is taken on Monday; an account
 * that becomes due by the week's last working day is proposed as due. Deterministic.
 */
export function proposeWeekPlan(input: WeekPlanInput): WeekPlan {
  const rw = input.repWeek ?? defaultRepWeek();
  const clock = zoneClock(input.tz);
  const week = isoWeekDays(input.isoYear, input.isoWeek).map(toDayNumber);
  const monday = week[0] ?? 0;
  const sunday = week[6] ?? monday + 6;
  const holidays = new Set([...(input.holidays ?? []), ...rw.absences].map(toDayNumber));
  const workdays = week.filter((d) => weekdayOfDayNumber(d) <= 5 && !holidays.has(d));
  const lastWorkday = workdays[workdays.length - 1] ?? monday + 4;
  const visitMinutes = (c: Category): number => Math.max(1, rw.visitMinutes[c] ?? 45);
  const tied = (day: number): number | undefined => (workdays.includes(day) ? day : undefined);

  const mondayText = fromDayNumber(monday);
  const sundayText = fromDayNumber(sunday);
  const appts = new Map<number, PlanAppointment[]>();
  const apptOf = new Map<Id, PlanAppointment[]>();
  const followUps = new Map<Id, { entry: WeekPlanEntry; day?: number }>();
  for (const i of input.interactions) {
    if (i.deletedAt !== undefined) continue;
    // Appointments are the rep's own; follow-ups count whoever logged them (the account filter
    // below keeps only the rep's accounts), so a colleague's agreed call-back is not lost.
    if (i.status === 'planned' && i.userId === input.rep && (i.type === 'visit' || i.type === 'meeting')) {
      const day = lastDayOf(i.at, clock);
      if (day === null || day < monday || day > sunday) continue;
      const time = localTimeOf(i.at, input.tz);
      const appt: PlanAppointment = {
        entry: { accountId: i.accountId, reason: 'appointment', time, interactionId: i.id },
        areaKey: '??', minutes: i.durationMin && i.durationMin > 0 ? i.durationMin : visitMinutes('B'), at: minutesOf(time),
        ...(i.durationMin && i.durationMin > 0 ? { duration: i.durationMin } : {}),
      };
      appts.set(day, [...(appts.get(day) ?? []), appt]);
      apptOf.set(i.accountId, [...(apptOf.get(i.accountId) ?? []), appt]);
    } else if (i.status === 'done' && i.followUpDate && i.followUpDate >= mondayText && i.followUpDate <= sundayText) {
      followUps.set(i.accountId, { entry: { accountId: i.accountId, reason: 'follow_up', interactionId: i.id }, day: tied(toDayNumber(i.followUpDate)) });
    }
  }
  for (const r of input.reminders ?? []) {
    if (r.kind === 'follow_up' && toDayNumber(r.dueDate) <= sunday && !followUps.has(r.accountId)) {
      followUps.set(r.accountId, { entry: { accountId: r.accountId, reason: 'follow_up', ...(r.interactionId ? { interactionId: r.interactionId } : {}) }, day: tied(toDayNumber(r.dueDate)) });
    }
  }
  const birthdays = new Map<Id, { contactId: Id; day: number }>();
  for (const r of input.reminders ?? []) {
    const day = toDayNumber(r.dueDate);
    if (r.kind === 'birthday' && r.contactId && day >= monday && day <= sunday) birthdays.set(r.accountId, { contactId: r.contactId, day });
  }

  const perDay = Number.isFinite(input.maxVisitsPerDay) ? Math.max(0, Math.floor(input.maxVisitsPerDay)) : 0;
  const shortest = Math.min(...(['A', 'B', 'C', 'D'] as const).map(visitMinutes)) + Math.max(0, rw.minDriveMinutes);
  const byHours = Math.max(0, Math.floor((minutesOf(rw.workEnd) - minutesOf(rw.workStart) + Math.max(0, rw.minDriveMinutes)) / shortest));
  const capacity = new Map<number, number>();
  for (const d of workdays) capacity.set(d, Math.max(0, Math.min(perDay, byHours) - (appts.get(d)?.length ?? 0)));
  const total = [...capacity.values()].reduce((s, c) => s + c, 0);
  const from = input.startPoint;
  const to = input.endPoint ?? from;
  const span = minutesOf(rw.workEnd) - minutesOf(rw.workStart);
  // A visit that does not fit a day even alone (there and back) can never be planned: it must not take a slot.
  const reachable = (p: GeoPoint, c: Category): boolean => !from || driveLeg(from, p, rw).minutes + visitMinutes(c) + driveLeg(p, to, rw).minutes <= span;
  const heap: Chosen[] = []; // max-heap on "worse": heap[0] is the weakest kept candidate
  const out: Out[] = [];
  const outBirthdays = new Map<Id, Birthday>();
  const rhythmOf = rhythmDaysOf(input.rhythms, 'human');
  for (const a of input.accounts) {
    const pinned = apptOf.size > 0 ? apptOf.get(a.id) : undefined;
    if (pinned) {
      const point = input.pointOf?.(a);
      for (const p of pinned) {
        p.areaKey = areaKeyOf(a);
        p.minutes = p.duration ?? visitMinutes(a.category);
        if (point) p.point = { lat: point.lat, lon: point.lon };
      }
      continue;
    }
    if (a.ownerId !== input.rep || a.archived || a.deletedAt !== undefined) continue;
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
    let birthday: { contactId: Id; day: number } | undefined;
    if (rank < 0) {
      birthday = (birthdays.size > 0 ? birthdays.get(a.id) : undefined) ?? birthdayInWeek(input.contactsByAccount?.get(a.id), monday);
      if (birthday) rank = RANK.birthday;
    }
    if (rank < 0) continue;
    const s = score(rank, a.category, days);
    const point = input.pointOf ? input.pointOf(a) : undefined;
    if (input.pointOf && !point) {
      out.push({ account: a, score: s, reason: 'not_placed', rank, days });
      continue;
    }
    const top = heap[0];
    // Past the cut, or too far to visit even alone in a day: it waits (and may fill a day with room later).
    if ((heap.length >= total && (!top || !(s < top.score || (s === top.score && a.id < top.entry.accountId)))) || (point && !reachable(point, a.category))) {
      out.push({ account: a, score: s, reason: 'capacity', rank, days });
      if (birthday) outBirthdays.set(a.id, birthday);
      continue;
    }
    if (birthday) outBirthdays.set(a.id, birthday);
    const c = candidate({ account: a, score: s, reason: 'capacity', rank, days }, point);
    if (heap.length < total) heapPush(heap, c, better);
    else {
      if (top) out.push(top.out);
      heapReplaceTop(heap, c, better);
    }
  }
  const chosen = heap.sort((a, b) => (better(a, b) ? -1 : 1));
  sortOut(out);
  let next = 0;
  const reserve = (): PlanCandidate | undefined => {
    for (; next < out.length; next++) {
      const o = out[next];
      const point = o?.reason === 'capacity' ? input.pointOf?.(o.account) : undefined;
      if (o && point && reachable(point, o.account.category)) {
        next++;
        return candidate(o, point);
      }
    }
    return undefined;
  };
  const laid = layoutWeek({ week, workdays, appts, chosen, reserve, capacity, repWeek: rw, routed: input.pointOf !== undefined, from: input.startPoint, to: input.endPoint ?? input.startPoint });
  // out is sorted; the few chosen visits no day could take are merged in by score.
  const taken = new Set(laid.added.map((c) => c.entry.accountId));
  const left = laid.left.map((c) => (c as Chosen).out);
  const leftOut: LeftOut[] = [];
  for (let i = 0, j = 0; i < out.length || j < left.length;) {
    const o = out[i];
    const l = left[j];
    const pick = !l || (o && outFirst(o, l)) ? (i++, o) : (j++, l);
    if (pick && !(pick.reason === 'capacity' && taken.has(pick.account.id))) {
      leftOut.push({ accountId: pick.account.id, reason: pick.reason, entryReason: REASON_OF_RANK[pick.rank] ?? 'due' });
    }
  }
  return { rep: input.rep, isoYear: input.isoYear, isoWeek: input.isoWeek, days: laid.days, unplanned: leftOut.length, leftOut };

  /** The plan-ready form of a candidate (built only for those that make the cut). */
  function candidate(o: Out, point: GeoPoint | undefined): Chosen {
    const a = o.account;
    const fu = o.rank === RANK.follow_up ? followUps.get(a.id) : undefined;
    const birthday = o.rank === RANK.birthday ? outBirthdays.get(a.id) : undefined;
    const entry: WeekPlanEntry =
      fu ? fu.entry
        : birthday ? { accountId: a.id, reason: 'birthday', contactId: birthday.contactId }
          : o.rank === RANK.never ? { accountId: a.id, reason: 'due' }
            : { accountId: a.id, reason: o.rank === RANK.overdue ? 'overdue' : 'due', daysOverdue: o.days };
    const preferredDay = fu?.day ?? (birthday ? tied(birthday.day) : undefined);
    return {
      entry, score: o.score, areaKey: areaKeyOf(a), minutes: visitMinutes(a.category), out: o,
      ...(point ? { point: { lat: point.lat, lon: point.lon } } : {}), ...(preferredDay !== undefined ? { preferredDay } : {}),
    };
  }
}

function birthdayInWeek(contacts: readonly Contact[] | undefined, monday: number): { contactId: Id; day: number } | undefined {
  for (const c of contacts ?? []) {
    const hit = c.birthday && c.deletedAt === undefined && !c.erased ? birthdayOccurrenceAt(c.birthday, monday, 6, 0) : null;
    if (hit) return { contactId: c.id, day: monday + hit.daysUntil };
  }
  return undefined;
}
