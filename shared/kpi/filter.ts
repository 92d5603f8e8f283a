import type { Account } from '../domain/account';
import type { Id } from '../domain/common';
import type { Deal } from '../domain/deal';
import type { Interaction } from '../domain/interaction';
import type { Sale } from '../domain/sale';
import type { ReportData, ReportFilter } from './common';

/**
 * Which rows a report filter keeps. Segment and country are properties of the account and
 * apply to every table through it. The rep applies to the person on the row itself:
 * - accounts and sales: the account owner (`ownerId`), since revenue belongs to the account's rep;
 * - deals: the deal owner (`ownerId`);
 * - interactions: who had the contact (`userId`), so "meetings of rep X" are X's own meetings.
 *   Two exceptions use every interaction on the scoped accounts: follow-ups on a deal (a colleague's
 *   call still follows up the offer) and "helped" for ROR (a colleague's visit still helps).
 * Trashed rows (`deletedAt`) never count; archived accounts do (their history is real).
 * The period is NOT applied here: most KPIs need history before it (churn, new revenue).
 */
export type RowScope = {
  /** Live accounts matching segment and country (any owner), by id. */
  accounts: ReadonlyMap<Id, Account>;
  /** The filter's rep, if any. */
  repId: Id | undefined;
};

/** True when the account matches the filter's segment and country (the rep is checked per table). */
export function accountInSegmentAndCountry(account: Account, filter: ReportFilter): boolean {
  if (account.deletedAt !== undefined) return false;
  if (filter.country !== undefined && account.country !== filter.country) return false;
  if (filter.segment !== undefined && `${account.category}-${account.accountType}` !== filter.segment) return false;
  return true;
}

/** Builds the account lookup every other row is checked against (one pass over accounts). */
export function buildScope(accounts: readonly Account[], filter: ReportFilter): RowScope {
  const map = new Map<Id, Account>();
  for (const a of accounts) if (accountInSegmentAndCountry(a, filter)) map.set(a.id, a);
  return { accounts: map, repId: filter.repId };
}

export function accountMatches(a: Account, scope: RowScope): boolean {
  return scope.accounts.has(a.id) && (scope.repId === undefined || a.ownerId === scope.repId);
}

export function interactionMatches(i: Interaction, scope: RowScope): boolean {
  return i.deletedAt === undefined && scope.accounts.has(i.accountId) && (scope.repId === undefined || i.userId === scope.repId);
}

export function dealMatches(d: Deal, scope: RowScope): boolean {
  return d.deletedAt === undefined && scope.accounts.has(d.accountId) && (scope.repId === undefined || d.ownerId === scope.repId);
}

export function saleMatches(s: Sale, scope: RowScope): boolean {
  const account = scope.accounts.get(s.accountId);
  return account !== undefined && (scope.repId === undefined || account.ownerId === scope.repId);
}

/** The report's rows after rep, segment and country (not the period); lead sources are kept whole. */
export function filterRows(data: ReportData, filter: ReportFilter): ReportData & { scope: RowScope } {
  const scope = buildScope(data.accounts, filter);
  return {
    scope,
    accounts: data.accounts.filter((a) => accountMatches(a, scope)),
    interactions: data.interactions.filter((i) => interactionMatches(i, scope)),
    deals: data.deals.filter((d) => dealMatches(d, scope)),
    sales: data.sales.filter((s) => saleMatches(s, scope)),
    leadSources: data.leadSources,
  };
}
