import type { Account } from '../domain/account';
import type { Id } from '../domain/common';
import type { Interaction, InteractionType } from '../domain/interaction';
import { zoneClock } from '../planning/calendar';
import type { Accumulator, Ratio, ReportPeriod } from './common';
import { ratio, runAccumulator } from './common';
import { inRange, instantBounds, localMidnight } from './dates';
import type { AccountAccumulator, AccountSales } from './lifecycle';
import { customerDay, leadDay, runAccountAccumulator } from './lifecycle';

/** Lead counts and conversion. */
export type LeadKpis = {
  /** Accounts that became leads in the period (see `leadDay`). */
  newLeads: number;
  /** Accounts whose current lifecycle is lead or prospect (a snapshot, independent of the period). */
  openLeads: number;
  /** Of the period's new leads, those that have become customers since (lost ones included). */
  conversion: Ratio;
};

/** Whether the account has ever become a customer, as far as the data tells. */
function hasConverted(a: Account, sales: AccountSales | undefined): boolean {
  return a.lifecycleDates.customer !== undefined || a.lifecycle === 'customer' || a.lifecycle === 'former' || sales !== undefined;
}

/** Lead KPIs over the filtered accounts. */
export function leadAccumulator(filter: ReportPeriod): AccountAccumulator<LeadKpis> {
  let newLeads = 0;
  let converted = 0;
  let open = 0;
  return {
    add(a, f) {
      if (a.lifecycle === 'lead' || a.lifecycle === 'prospect') open += 1;
      if (!inRange(f.leadDay, filter.from, filter.to)) return;
      newLeads += 1;
      if (hasConverted(a, f.sales)) converted += 1;
    },
    result: () => ({ newLeads, openLeads: open, conversion: ratio(converted, newLeads) }),
  };
}

/** Lead KPIs over the filtered accounts; one pass. */
export function leadKpis(
  accounts: readonly Account[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: ReportPeriod,
): LeadKpis {
  return runAccountAccumulator(accounts, salesIndex, leadAccumulator(filter), filter.tz);
}

/** Interaction types that count as a sales conversation. */
export const SALES_CALL_TYPES: ReadonlySet<InteractionType> = new Set(['call', 'visit', 'meeting']);

/** Sales conversations per lead. */
export type CallsPerLead = {
  /** Done calls, visits and meetings in the period with accounts that were leads on that day, ÷ distinct such accounts. */
  perLead: Ratio;
};

/**
 * Counts done sales conversations (call, visit, meeting) dated in the period with an account
 * that was a lead or prospect on that day (lead day ≤ day < customer day). The denominator is
 * the number of distinct leads talked to. `accountById` must hold every account the rows refer to.
 * Days are local days in `filter.tz` (default the laptop's zone).
 */
export function callsPerLeadAccumulator(
  accountById: ReadonlyMap<Id, Account>,
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: ReportPeriod,
): Accumulator<Interaction, CallsPerLead> {
  let calls = 0;
  const leads = new Set<Id>();
  const clock = zoneClock(filter.tz);
  const { lo, hi } = instantBounds(filter.from, filter.to, clock);
  // Lead window per account, computed once as instants of local midnights: [lead day, customer
  // day) or null if never a lead. '9' sorts after every instant: no customer day, no end.
  const windows = new Map<Id, readonly [string, string] | null>();
  const windowOf = (accountId: Id): readonly [string, string] | null => {
    let w = windows.get(accountId);
    if (w === undefined) {
      const a = accountById.get(accountId);
      const since = a === undefined ? undefined : leadDay(a, clock);
      const until = a === undefined ? undefined : customerDay(a, salesIndex.get(a.id), clock);
      w = since === undefined ? null : [localMidnight(since, clock), until === undefined ? '9' : localMidnight(until, clock)];
      windows.set(accountId, w);
    }
    return w;
  };
  return {
    add(i) {
      if (i.status !== 'done' || !SALES_CALL_TYPES.has(i.type)) return;
      if (i.at < lo || i.at >= hi) return;
      const w = windowOf(i.accountId);
      // at >= midnight(day) ⇔ its local day ≥ day; at < midnight(day) ⇔ its local day < day.
      if (w === null || i.at < w[0] || i.at >= w[1]) return;
      calls += 1;
      leads.add(i.accountId);
    },
    result: () => ({ perLead: ratio(calls, leads.size) }),
  };
}

export function callsPerLead(
  interactions: readonly Interaction[],
  accountById: ReadonlyMap<Id, Account>,
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: ReportPeriod,
): CallsPerLead {
  return runAccumulator(interactions, callsPerLeadAccumulator(accountById, salesIndex, filter));
}
