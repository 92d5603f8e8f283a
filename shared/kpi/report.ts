import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Deal } from '../domain/deal';
import type { InteractionType } from '../domain/interaction';
import type { Sale } from '../domain/sale';
import { localTimeZone, zoneClock } from '../planning/calendar';
import type { ReportData, ReportFilter } from './common';
import type { CoverageKpis, RhythmCheck } from './coverage';
import { coverageAccumulator, missedVisitsAccumulator } from './coverage';
import type { CustomerKpis, RevenueKpis } from './customers';
import { customerAccumulator, revenueAccumulator } from './customers';
import { accountInSegmentAndCountry } from './filter';
import type { CallsPerLead, LeadKpis } from './leads';
import { callsPerLeadAccumulator, leadAccumulator } from './leads';
import type { AccountAccumulator } from './lifecycle';
import { accountFacts, buildSalesIndex } from './lifecycle';
import type { NpsKpis, RorKpis } from './loyalty';
import { helpedAccumulator, npsAccumulator, rorAccumulator } from './loyalty';
import type { MeetingReport } from './meetings';
import { meetingAccumulator } from './meetings';
import type { PipelineKpis } from './pipeline';
import { dealTouchAccumulator, pipelineKpis } from './pipeline';
import type { ReferralKpis } from './referrals';
import { referralAccumulator } from './referrals';
import type { SourceKpis } from './sources';
import { sourceAccumulator } from './sources';
import type { MonthlySeries, WonSeries } from './trends';
import { leadsByMonthAccumulator, revenueByMonthAccumulator, wonDealsByMonthAccumulator } from './trends';

export type ReportOptions = {
  /** Rhythm rule from shared/planning; without it the coverage section is null. */
  isWithinRhythm?: RhythmCheck;
  /** N in "offers without follow-up for N days"; default 14. */
  offerFollowUpDays?: number;
  /** Window for "meetings held" (e.g. one ISO week, see `isoWeekOf`); default the report period. */
  meetingWindow?: { from: IsoDate; to: IsoDate };
  /** Interaction types counted as meetings; default visit and meeting. */
  meetingTypes?: ReadonlySet<InteractionType>;
};

/** Every KPI of the reports page, computed together. */
export type Report = {
  filter: ReportFilter;
  /** Day the snapshots (open deals, stale offers, coverage, upcoming meetings) refer to. */
  today: IsoDate;
  leads: LeadKpis;
  callsPerLead: CallsPerLead;
  customers: CustomerKpis;
  revenue: RevenueKpis;
  sources: SourceKpis;
  pipeline: PipelineKpis;
  meetings: MeetingReport;
  nps: NpsKpis;
  ror: RorKpis;
  referrals: ReferralKpis;
  coverage: CoverageKpis | null;
  trends: { revenue: MonthlySeries; leads: MonthlySeries; won: WonSeries };
};

/** Rows between two yields of `computeReportSteps` (a power of two: the check is one mask). */
const CHUNK_MASK = 0x3fff;

/**
 * All KPIs in a fixed number of passes: accounts twice (scope, then every account KPI with
 * shared per-account facts), sales three times (filter, index, revenue), interactions once
 * (feeding every interaction KPI), deals twice. Rows are matched as described in `filterRows`.
 * Instants count on their local day in `filter.tz` (default the laptop's zone), the calendar
 * `today` and the period are meant in; pass the same zone to a `rhythmCheck` in the options.
 */
export function computeReport(data: ReportData, filter: ReportFilter, today: IsoDate, options: ReportOptions = {}): Report {
  const steps = computeReportSteps(data, filter, today, options);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * `computeReport` in steps: yields the share of rows done (0–1) every 16k rows, so a caller (the
 * reports worker) can hand control back between steps, report progress and drop a computation
 * whose filter is already stale. The result is the generator's return value.
 */
export function* computeReportSteps(data: ReportData, filter: ReportFilter, today: IsoDate, options: ReportOptions = {}): Generator<number, Report, void> {
  // The zone is resolved once: every accumulator below then gets its clock from the cache.
  const tz = filter.tz ?? localTimeZone();
  const clock = zoneClock(tz);
  const period = { from: filter.from, to: filter.to, tz };
  const rep = filter.repId;
  // Accounts and sales are walked twice each, interactions and deals once (the sales index is inside).
  const total = Math.max(1, 2 * data.accounts.length + 2 * data.sales.length + data.interactions.length + data.deals.length);
  let done = 0;

  // Accounts: the segment/country scope (any owner) and the rep's own accounts.
  const scope = new Map<Id, Account>();
  const accounts: Account[] = [];
  for (const a of data.accounts) {
    if ((++done & CHUNK_MASK) === 0) yield done / total;
    if (!accountInSegmentAndCountry(a, filter)) continue;
    scope.set(a.id, a);
    if (rep === undefined || a.ownerId === rep) accounts.push(a);
  }

  // Sales belong to the account's owner.
  const sales: Sale[] = [];
  for (const s of data.sales) {
    if ((++done & CHUNK_MASK) === 0) yield done / total;
    const a = scope.get(s.accountId);
    if (a !== undefined && (rep === undefined || a.ownerId === rep)) sales.push(s);
  }
  const salesIndex = buildSalesIndex(sales, filter.to);
  const revenueAcc = revenueAccumulator(salesIndex, period);
  const revenueTrend = revenueByMonthAccumulator(period);
  for (const s of sales) {
    revenueAcc.add(s);
    revenueTrend.add(s);
  }
  done += data.sales.length;
  yield done / total;

  // Interactions: one pass. Deal touches and "helped" (ROR) ignore the rep: a colleague's
  // follow-up still follows up the offer, and a colleague's visit still helps the rep's customer.
  const touches = dealTouchAccumulator();
  const calls = callsPerLeadAccumulator(scope, salesIndex, period);
  const meetings = meetingAccumulator({ ...(options.meetingWindow ?? period), tz }, today, options.meetingTypes);
  const nps = npsAccumulator(period);
  const helped = helpedAccumulator(filter.to, tz);
  const missed = missedVisitsAccumulator(today, tz);
  for (const i of data.interactions) {
    if ((++done & CHUNK_MASK) === 0) yield done / total;
    if (i.deletedAt !== undefined || !scope.has(i.accountId)) continue;
    touches.add(i);
    helped.add(i);
    if (rep !== undefined && i.userId !== rep) continue;
    calls.add(i);
    meetings.add(i);
    nps.add(i);
    missed.add(i);
  }

  // Deals belong to their owner.
  const deals: Deal[] = [];
  const won = wonDealsByMonthAccumulator(period);
  for (const d of data.deals) {
    if ((++done & CHUNK_MASK) === 0) yield done / total;
    if (d.deletedAt !== undefined || !scope.has(d.accountId) || (rep !== undefined && d.ownerId !== rep)) continue;
    deals.push(d);
    won.add(d);
  }

  // Accounts: one pass feeding every account KPI with the facts worked out once.
  const leads = leadAccumulator(period);
  const customers = customerAccumulator(period);
  const sources = sourceAccumulator(data.leadSources, { ...filter, tz });
  const ror = rorAccumulator(helped.result());
  const referrals = referralAccumulator(period);
  const leadTrend = leadsByMonthAccumulator(period);
  const coverage = options.isWithinRhythm ? coverageAccumulator(options.isWithinRhythm, today, missed.result()) : null;
  const accountAccs: AccountAccumulator<unknown>[] = [leads, customers, sources, ror, referrals, leadTrend];
  if (coverage) accountAccs.push(coverage);
  done += data.accounts.length - accounts.length;
  for (const a of accounts) {
    if ((++done & CHUNK_MASK) === 0) yield done / total;
    const facts = accountFacts(a, salesIndex, clock);
    for (const acc of accountAccs) acc.add(a, facts);
  }

  return {
    filter,
    today,
    leads: leads.result(),
    callsPerLead: calls.result(),
    customers: customers.result(),
    revenue: revenueAcc.result(),
    sources: sources.result(),
    pipeline: pipelineKpis(deals, touches.result(), period, today, options.offerFollowUpDays),
    meetings: meetings.result(),
    nps: nps.result(),
    ror: ror.result(),
    referrals: referrals.result(),
    coverage: coverage ? coverage.result() : null,
    trends: { revenue: revenueTrend.result(), leads: leadTrend.result(), won: won.result() },
  };
}
