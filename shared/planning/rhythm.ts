import {
  ACCOUNT_TYPES, CATEGORIES, segmentKey,
  type Account, type IsoDate, type SegmentKey, type SegmentRule,
} from '../domain';
import { defaultSegmentRules } from '../domain/segment-defaults';
import { fromDayNumber, parseInstant, toDayNumber, zoneClock, type ZoneClock } from './calendar';

/** Days between contacts for one segment or account; 0 or less switches that mode off. */
export type Rhythm = { humanDays: number; digitalDays: number };

/** The effective rhythm of every segment. */
export type RhythmTable = Readonly<Record<SegmentKey, Rhythm>>;

/**
 * Defaults a team starts with (the team lead edits them in settings). Bigger and Expand accounts
 * get more human attention because that is where the revenue and the up-sell chance are; digital
 * contact is cheap, so even D-Maintain hears from the team every quarter.
 */
export const DEFAULT_RHYTHMS: RhythmTable = rhythmTable(defaultSegmentRules(0), {} as RhythmTable);

/** The settings table: stored segment rules over the defaults, so a missing row never means "no rhythm". */
export function rhythmTable(rules: readonly SegmentRule[], base: RhythmTable = DEFAULT_RHYTHMS): RhythmTable {
  const table = { ...base };
  for (const r of rules) table[segmentKey(r.category, r.accountType)] = { humanDays: r.humanDays, digitalDays: r.digitalDays };
  return table;
}

/** All segment keys in display order, A-expand first. */
export const SEGMENT_KEYS: readonly SegmentKey[] = CATEGORIES.flatMap((c) => ACCOUNT_TYPES.map((t) => segmentKey(c, t)));

/**
 * Only live customers and prospects are worked on a rhythm: leads belong to the pipeline,
 * former customers are lost, and archived or trashed rows are hidden on purpose.
 */
export function hasRhythm(account: Account): boolean {
  return (account.lifecycle === 'customer' || account.lifecycle === 'prospect') && !account.archived && account.deletedAt === undefined;
}

const NO_RHYTHM: Rhythm = { humanDays: 0, digitalDays: 0 };

/** The account's override where set, else its segment's rule. */
export function effectiveRhythm(account: Account, rule: Rhythm | RhythmTable): Rhythm {
  const key = segmentKey(account.category, account.accountType);
  // A row with a category outside A–D (bad import) gets no rhythm rather than a crash.
  const base = 'humanDays' in rule ? (rule as Rhythm) : ((rule as RhythmTable)[key] ?? NO_RHYTHM);
  return {
    humanDays: account.rhythm?.humanDays ?? base.humanDays,
    digitalDays: account.rhythm?.digitalDays ?? base.digitalDays,
  };
}

/**
 * A fast per-account lookup of one mode's rhythm for hot loops: the table is indexed by category
 * and type once, so no segment-key string is built per account.
 */
export function rhythmDaysOf(table: RhythmTable, mode: 'human' | 'digital'): (a: Account) => number {
  const field = mode === 'human' ? 'humanDays' : 'digitalDays';
  const byType: Record<string, Record<string, number>> = {};
  for (const c of CATEGORIES) {
    byType[c] = {};
    for (const t of ACCOUNT_TYPES) (byType[c] as Record<string, number>)[t] = table[segmentKey(c, t)]?.[field] ?? 0;
  }
  return (a) => a.rhythm?.[field] ?? byType[a.category]?.[a.accountType] ?? 0;
}

export type ContactStatus = 'ok' | 'due' | 'overdue' | 'never';

/** Where one contact mode of an account stands on a given day. */
export type ModeState = {
  status: ContactStatus;
  /** Day the rhythm is used up (last contact + rhythm); null when never contacted. */
  dueDate: IsoDate | null;
  /** Days from dueDate to today: negative = due in that many days, ≥ 0 = past due; null when never. */
  daysOverdue: number | null;
  /** Day of the last contact in the local calendar; null when never. */
  lastDate: IsoDate | null;
  /** Rhythm in days that applied. */
  rhythmDays: number;
};

/** Null for a mode whose rhythm is switched off (0 days). */
export type ContactState = { human: ModeState | null; digital: ModeState | null };

/**
 * Grace between due and overdue: a quarter of the rhythm, at least one day. Proportional because a
 * fixed week would be nothing for a yearly rhythm and doubling for a weekly one; with the defaults
 * A-Expand (42 days) is due on day 42 and overdue from day 53 after the last visit.
 */
export function graceDays(rhythmDays: number): number {
  return Math.max(1, Math.ceil(rhythmDays / 4));
}

/**
 * State of one mode from day numbers; the hot path of reminders and the week plan.
 * Due from `last + rhythm`, overdue from `last + rhythm + grace` (see README.md).
 */
export function modeStateAt(lastDay: number | null, rhythmDays: number, today: number): ModeState | null {
  if (!(rhythmDays > 0)) return null;
  if (lastDay === null) return { status: 'never', dueDate: null, daysOverdue: null, lastDate: null, rhythmDays };
  const due = lastDay + rhythmDays;
  const days = today - due;
  const status: ContactStatus = days < 0 ? 'ok' : days < graceDays(rhythmDays) ? 'due' : 'overdue';
  return { status, dueDate: fromDayNumber(due), daysOverdue: days, lastDate: fromDayNumber(lastDay), rhythmDays };
}

/** Local day number of an optional instant; instants are UTC, rhythms count the laptop's calendar days. */
export function lastDayOf(instant: string | undefined, clock: ZoneClock): number | null {
  if (!instant) return null;
  const ms = parseInstant(instant);
  return Number.isNaN(ms) ? null : clock.dayNumberAt(ms);
}

/**
 * Rhythm state of an account on `today`; null when the account has no rhythm (see hasRhythm).
 * `rule` is the segment's rule (or the whole table); the account's own override wins.
 */
export function contactState(account: Account, rule: Rhythm | RhythmTable, today: IsoDate, tz?: string): ContactState | null {
  if (!hasRhythm(account)) return null;
  const clock = zoneClock(tz);
  const r = effectiveRhythm(account, rule);
  const t = toDayNumber(today);
  return {
    human: modeStateAt(lastDayOf(account.lastHumanContactAt, clock), r.humanDays, t),
    digital: modeStateAt(lastDayOf(account.lastDigitalContactAt, clock), r.digitalDays, t),
  };
}

/** Visit coverage of one segment: accounts whose last human contact is younger than their rhythm. */
export type Coverage = { segment: SegmentKey; accounts: number; withinRhythm: number; share: number | null };

/** What the coverage reads of an account (the customer list's rows carry the same fields). */
export type CoverageRow = Pick<Account, 'category' | 'accountType' | 'lifecycle' | 'archived' | 'lastHumanContactAt' | 'rhythm'> & { deletedAt?: number | undefined };

/** Which accounts a coverage figure counts: all with a visit rhythm, those within it, the rest. */
export type CoverageGroup = 'rhythm' | 'ok' | 'uncovered';

/**
 * Human-contact state of one account for the coverage and the customer list's due filter (one
 * function, so a figure on Today and the list it links to count the same accounts): null when the
 * account is not worked on a rhythm (see hasRhythm), its segment is unknown (a bad import's
 * category) or its human rhythm is off. `today` and `clock` as day number and zone clock, so a pass
 * over 100k rows is plain arithmetic.
 */
export function coverageState(a: CoverageRow, table: RhythmTable, today: number, clock: ZoneClock): ModeState | null {
  if ((a.lifecycle !== 'customer' && a.lifecycle !== 'prospect') || a.archived || a.deletedAt !== undefined) return null;
  const rule = table[segmentKey(a.category, a.accountType)];
  if (!rule) return null;
  return modeStateAt(lastDayOf(a.lastHumanContactAt, clock), a.rhythm?.humanDays ?? rule.humanDays, today);
}

/** Whether a state belongs to a coverage group ("within rhythm" is status ok only: see visitCoverage). */
export function inCoverageGroup(state: ModeState | null, group: CoverageGroup): boolean {
  if (!state) return false;
  return group === 'rhythm' || (group === 'ok') === (state.status === 'ok');
}

/**
 * Coverage per segment. "Within rhythm" is status ok only: a due account has used up its rhythm,
 * and a never-contacted one was not covered. Accounts with human contact switched off are not counted.
 */
export function visitCoverage(accounts: readonly Account[], table: RhythmTable, today: IsoDate, tz?: string): Coverage[] {
  const clock = zoneClock(tz);
  const t = toDayNumber(today);
  const counts = new Map<SegmentKey, [number, number]>(SEGMENT_KEYS.map((k) => [k, [0, 0]]));
  for (const a of accounts) {
    const s = coverageState(a, table, t, clock);
    if (!s) continue;
    const c = counts.get(segmentKey(a.category, a.accountType));
    if (!c) continue;
    c[0] += 1;
    if (s.status === 'ok') c[1] += 1;
  }
  return SEGMENT_KEYS.map((segment) => {
    const [n, ok] = counts.get(segment) ?? [0, 0];
    return { segment, accounts: n, withinRhythm: ok, share: n === 0 ? null : ok / n };
  });
}
