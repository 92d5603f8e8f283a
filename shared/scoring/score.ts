import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Deal } from '../domain/deal';
import type { Interaction } from '../domain/interaction';
import type { LeadSource } from '../domain/lead-source';
import { addDays, dayOfMs, instantBounds, localMidnight } from '../kpi/dates';
import { localTimeZone, zoneClock, type ZoneClock } from '../planning/calendar';
import type { LeadScoreRule } from './rules';

/** What scoring knows about one lead besides the account row. */
export type LeadScoreContext = {
  /** Day "recent" is measured from. */
  today: IsoDate;
  /** The account's interactions, any order (trashed ones are ignored). */
  interactions: readonly Interaction[];
  /** The account's deals. */
  deals: readonly Deal[];
  /** Lead sources by id, needed for `lead_source` rules by kind. */
  leadSources?: ReadonlyMap<Id, LeadSource>;
  /** IANA zone whose local days `today` and the windows mean; default the laptop's. */
  tz?: string;
};

/** A lead's score and which rules gave it, in rule order, so the UI can explain the number. */
export type LeadScore = {
  total: number;
  parts: { ruleId: string; points: number }[];
};

const FACE_TO_FACE = new Set(['visit', 'meeting']);

/** Done interactions whose local day lies in [since, today] that pass `keep`. */
function countDone(ctx: LeadScoreContext, clock: ZoneClock, since: IsoDate, keep: (i: Interaction) => boolean): number {
  const { lo, hi } = instantBounds(since, ctx.today, clock);
  let n = 0;
  for (const i of ctx.interactions) {
    if (i.deletedAt !== undefined || i.status !== 'done' || !keep(i)) continue;
    if (i.at >= lo && i.at < hi) n += 1;
  }
  return n;
}

/** Points one rule gives (0 = no match). Windows of `days` days end today, today included; days are local in the clock's zone. */
function pointsFor(rule: LeadScoreRule, a: Account, ctx: LeadScoreContext, clock: ZoneClock): number {
  switch (rule.kind) {
    case 'category':
      return rule.params.categories.includes(a.category) ? rule.points : 0;
    case 'account_type':
      return rule.params.types.includes(a.accountType) ? rule.points : 0;
    case 'product_line': {
      // An empty list matches any line: breadth of interest is itself a signal.
      const wanted = rule.params.productLines;
      const hits = wanted.length === 0 ? a.productLines.length : a.productLines.filter((p) => wanted.includes(p)).length;
      if (hits === 0) return 0;
      return rule.params.perMatch ? rule.points * hits : rule.points;
    }
    case 'recent_visits': {
      const since = addDays(ctx.today, -(rule.params.days - 1));
      return countDone(ctx, clock, since, (i) => FACE_TO_FACE.has(i.type)) >= (rule.params.min ?? 1) ? rule.points : 0;
    }
    case 'engagement': {
      const since = addDays(ctx.today, -(rule.params.days - 1));
      const types: readonly string[] = rule.params.types;
      return countDone(ctx, clock, since, (i) => types.includes(i.type)) >= (rule.params.min ?? 1) ? rule.points : 0;
    }
    case 'offer_opened': {
      const days = rule.params.days;
      // '' sorts before every instant: no `days` means any age.
      const since = days === undefined ? '' : localMidnight(addDays(ctx.today, -(days - 1)), clock);
      const open = ctx.deals.some(
        (d) =>
          d.deletedAt === undefined &&
          (d.stage === 'offer_sent' || d.stage === 'negotiation') &&
          (d.offerSentAt ?? d.createdAt) >= since,
      );
      return open ? rule.points : 0;
    }
    case 'lead_source': {
      const id = a.leadSourceId;
      if (id === undefined || id === '') return 0;
      if (rule.params.sourceIds?.includes(id)) return rule.points;
      const kind = ctx.leadSources?.get(id)?.kind;
      return kind !== undefined && rule.params.sourceKinds?.includes(kind) ? rule.points : 0;
    }
    case 'referred':
      return a.referredByAccountId !== undefined && a.referredByAccountId !== '' ? rule.points : 0;
    case 'annual_revenue':
      return (a.annualRevenue ?? 0) >= rule.params.min ? rule.points : 0;
    case 'no_contact': {
      const limit = addDays(ctx.today, -rule.params.days);
      // A lead younger than the window cannot be cold yet.
      if (dayOfMs(a.createdAt, clock) > limit) return 0;
      const since = addDays(limit, 1);
      return countDone(ctx, clock, since, (i) => i.mode === 'human') === 0 ? rule.points : 0;
    }
  }
}

/** Scores one lead: the sum of the points of every matching rule. */
export function scoreLead(account: Account, context: LeadScoreContext, rules: readonly LeadScoreRule[]): LeadScore {
  const clock = zoneClock(context.tz);
  const parts: LeadScore['parts'] = [];
  let total = 0;
  for (const rule of rules) {
    const points = pointsFor(rule, account, context, clock);
    if (points === 0) continue;
    parts.push({ ruleId: rule.id, points });
    total += points;
  }
  return { total, parts };
}

/**
 * Scores many leads at once: groups interactions and deals by account in one pass over each,
 * so a list of thousands of leads costs O(rows + leads × rules). `tz` as in LeadScoreContext.
 */
export function scoreLeads(
  leads: readonly Account[],
  data: { interactions: readonly Interaction[]; deals: readonly Deal[]; leadSources?: readonly LeadSource[] },
  rules: readonly LeadScoreRule[],
  today: IsoDate,
  tz: string = localTimeZone(),
): Map<Id, LeadScore> {
  const byAccount = new Map<Id, { interactions: Interaction[]; deals: Deal[] }>();
  for (const a of leads) byAccount.set(a.id, { interactions: [], deals: [] });
  for (const i of data.interactions) byAccount.get(i.accountId)?.interactions.push(i);
  for (const d of data.deals) byAccount.get(d.accountId)?.deals.push(d);
  const leadSources = new Map((data.leadSources ?? []).map((s) => [s.id, s] as const));
  const out = new Map<Id, LeadScore>();
  for (const a of leads) {
    const rows = byAccount.get(a.id) ?? { interactions: [], deals: [] };
    out.set(a.id, scoreLead(a, { today, interactions: rows.interactions, deals: rows.deals, leadSources, tz }, rules));
  }
  return out;
}

const collator = new Intl.Collator('de');

/** Leads by score, highest first; equal scores by name in German order (Ä next to A). */
export function sortByScore(leads: readonly Account[], scores: ReadonlyMap<Id, LeadScore>): Account[] {
  return [...leads].sort(
    (x, y) => (scores.get(y.id)?.total ?? 0) - (scores.get(x.id)?.total ?? 0) || collator.compare(x.name, y.name),
  );
}
