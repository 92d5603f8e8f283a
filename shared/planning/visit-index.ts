import { segmentKey, type Account, type SegmentKey } from '../domain';
import { parseInstant } from './calendar';
import { SEGMENT_KEYS, type RhythmTable } from './rhythm';
import { MS_PER_DAY } from '../time';

// The visit index: every account worked on a human rhythm carries its place in it, so Today reads
// the accounts that are due (and counts the others) instead of every account of the base. The key
// depends only on the row, never on the segment table or the laptop's time zone (both change
// without any account being written): what depends on them is a range of the index the query
// computes, with two days of slack either side, and the exact rules (computeReminders,
// coverageState) then decide on the few rows in that slack.

/** The owner part of the entry every account has besides its owner's: owner ids are text, so a number never collides. */
export const ALL_OWNERS = 0;

/** One index entry: owner (or ALL_OWNERS), group (see visitGroup), and the place on the time line. */
export type VisitKey = [owner: string | typeof ALL_OWNERS, group: string, at: number];

/** The field of the stored account the index is on (multi-entry: one entry per owner part). */
export const VISIT_FIELD = 'visitKeys';

/** Unknown segment (a bad import's category) with an own rhythm: it raises reminders but is in no coverage figure. */
const UNKNOWN = '?';
const KNOWN: ReadonlySet<string> = new Set(SEGMENT_KEYS);

/** What the index reads of an account. */
export type VisitRow = Pick<Account, 'ownerId' | 'category' | 'accountType' | 'lifecycle' | 'archived' | 'lastHumanContactAt' | 'rhythm'> & { deletedAt?: unknown };

/** Group of the segment's rule (`t:A-expand`) or of accounts with their own human rhythm (`o:A-expand`, `o:?`). */
export const tableGroup = (segment: SegmentKey): string => `t:${segment}`;
export const ownGroup = (segment: SegmentKey | typeof UNKNOWN): string => `o:${segment}`;

/**
 * The index entries of an account; undefined when it is never on a human rhythm (a lead, a former
 * customer, archived or trashed, its own rhythm switched off, or an unknown segment without an own
 * rhythm: hasRhythm, coverageState and rhythmDaysOf say the same). `at` is the last human contact
 * (epoch ms) for the segment's rule, last contact + own rhythm for an own rhythm, and -Infinity when
 * never contacted (or the instant does not parse: lastDayOf then says never too).
 */
export function visitKeys(a: VisitRow): VisitKey[] | undefined {
  if ((a.lifecycle !== 'customer' && a.lifecycle !== 'prospect') || a.archived || a.deletedAt !== undefined) return undefined;
  const segment = segmentKey(a.category, a.accountType);
  const known = KNOWN.has(segment);
  const own = a.rhythm?.humanDays;
  const instant = a.lastHumanContactAt;
  const ms = instant ? parseInstant(instant) : NaN;
  let group: string;
  let at: number;
  if (own !== undefined && own !== null) {
    if (!(own > 0)) return undefined;
    group = ownGroup(known ? segment : UNKNOWN);
    at = Number.isNaN(ms) ? -Infinity : ms + own * MS_PER_DAY;
  } else {
    if (!known) return undefined;
    group = tableGroup(segment);
    at = Number.isNaN(ms) ? -Infinity : ms;
  }
  const keys: VisitKey[] = [[ALL_OWNERS, group, at]];
  if (typeof a.ownerId === 'string') keys.push([a.ownerId, group, at]);
  return keys;
}

/**
 * Where one group's accounts stand on day `today` (a day number), as bounds on `at`: below `sureDue`
 * (or never contacted) every account is due or overdue, from `sureOk` on every account is within
 * its rhythm, in between the exact rules decide. Two days of slack either side cover every zone's
 * offset (and a daylight-saving hour inside an own rhythm's days).
 */
export type VisitSpan = { group: string; segment: SegmentKey | typeof UNKNOWN; sureDue: number; sureOk: number };

const SLACK = 2 * MS_PER_DAY;

function span(group: string, segment: SegmentKey | typeof UNKNOWN, today: number, rhythmDays: number): VisitSpan {
  // Due once the last contact's local day + rhythm ≤ today: the contact was before about (today − rhythm + 1) 00:00.
  const edge = (today - rhythmDays + 1) * MS_PER_DAY;
  return { group, segment, sureDue: edge - SLACK, sureOk: edge + SLACK };
}

/**
 * The groups to read on `today` (day number): the segments' rules that have a human rhythm, and every
 * own-rhythm group (their `at` already holds the rhythm). `coverage` leaves out the unknown segment.
 */
export function visitSpans(table: RhythmTable, today: number, coverage = false): VisitSpan[] {
  const out: VisitSpan[] = [];
  for (const segment of SEGMENT_KEYS) {
    const days = table[segment]?.humanDays ?? 0;
    if (days > 0) out.push(span(tableGroup(segment), segment, today, days));
    out.push(span(ownGroup(segment), segment, today, 0));
  }
  if (!coverage) out.push(span(ownGroup(UNKNOWN), UNKNOWN, today, 0));
  return out;
}
