import type { Account, Contact, Deal, Interaction, IsoDate, LeadSource, Sale, SegmentRule, TeamMember } from '../domain';
import { defaultSegmentRules } from '../domain/segment-defaults';
import { draftAccount } from './account';
import { makeCommerce } from './commerce';
import { makeContacts } from './contacts';
import { HISTORY_DAYS, msAt, type GenContext } from './context';
import { accountCore } from './core';
import { DAY_MS, dayOf } from './dates';
import { IdMaker, Rng } from './prng';
import { makeHistory } from './history';
import { leadSources, teamMembers } from './team';

/** Options of a demo run. */
export type DemoOptions = {
  /** Same seed and options give byte-identical data. */
  seed: number;
  /** Number of accounts; 700 for the demo, 10k/100k for benchmarks. */
  accounts: number;
  /** The day the history ends (exclusive): interactions before it, planned ones in the 4 weeks after. */
  today: IsoDate;
  /** Name of the seat's own team member (first in `teamMembers`). */
  selfName?: string;
};

/** Rows of a demo run, or of one chunk of it. */
export type DemoData = {
  teamMembers: TeamMember[];
  leadSources: LeadSource[];
  accounts: Account[];
  contacts: Contact[];
  interactions: Interaction[];
  deals: Deal[];
  sales: Sale[];
  segmentRules: SegmentRule[];
};

/** Number of accounts in the default demo. */
export const DEFAULT_DEMO_ACCOUNTS = 700;
/** Name of the seat's user when none is given. */
export const DEFAULT_SELF_NAME = 'Jana Schröder';

function emptyData(): DemoData {
  return { teamMembers: [], leadSources: [], accounts: [], contacts: [], interactions: [], deals: [], sales: [], segmentRules: [] };
}

function context(options: DemoOptions): GenContext {
  const seed = options.seed >>> 0;
  const todayDay = dayOf(options.today);
  const stampCap = msAt(todayDay, 0) - 2 * 3_600_000;
  const team = teamMembers(seed, options.selfName?.trim() || DEFAULT_SELF_NAME, stampCap - HISTORY_DAYS * DAY_MS);
  const sources = leadSources(seed, todayDay, stampCap - HISTORY_DAYS * DAY_MS);
  const rules = defaultSegmentRules(stampCap - HISTORY_DAYS * DAY_MS);
  return {
    seed,
    todayDay,
    windowStart: todayDay - HISTORY_DAYS,
    stampCap,
    team,
    sources,
    rules: new Map(rules.map((r) => [`${r.category}-${r.accountType}` as const, r])),
  };
}

/** Generates account `index` with its contacts, history, deals and purchases into `into`. */
function generateAccount(ctx: GenContext, index: number, into: DemoData): void {
  const rng = new Rng(ctx.seed, index, 0xb0d7);
  const ids = new IdMaker(ctx.seed, index, rng);
  const draft = draftAccount(ctx, accountCore(ctx, index), rng);
  const contacts = makeContacts(ctx, draft, rng, ids);
  const history = makeHistory(ctx, draft, contacts, rng, ids);
  const commerce = makeCommerce(ctx, draft, contacts, rng, ids);
  const interactions = history.concat(commerce.interactions);
  interactions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  // The account's last-contact fields are derived from its done interactions, as the app maintains them.
  let human = '';
  let digital = '';
  let touched = draft.account.updatedAt;
  for (const i of interactions) {
    touched = Math.max(touched, Math.min(i.updatedAt, ctx.stampCap));
    if (i.status !== 'done') continue;
    if (i.mode === 'human' && i.at > human) human = i.at;
    if (i.mode === 'digital' && i.at > digital) digital = i.at;
  }
  if (human) draft.account.lastHumanContactAt = human;
  if (digital) draft.account.lastDigitalContactAt = digital;
  draft.account.updatedAt = touched;

  into.accounts.push(draft.account);
  for (const c of contacts) into.contacts.push(c);
  for (const i of interactions) into.interactions.push(i);
  for (const d of commerce.deals) into.deals.push(d);
  for (const s of commerce.sales) into.sales.push(s);
}

/**
 * The demo base in batches of `chunkSize` accounts with all their rows; the first batch also holds
 * the team, lead sources and segment rules. Every account is generated from its own random stream
 * and referrals point only to earlier accounts, so memory stays at one chunk and the output does
 * not depend on the chunk size.
 */
export function* generateDemoDataChunks(options: DemoOptions, chunkSize = 1000): Generator<DemoData, void, undefined> {
  const ctx = context(options);
  const size = Math.max(1, Math.floor(chunkSize));
  const total = Math.max(0, Math.floor(options.accounts));
  let chunk = emptyData();
  chunk.teamMembers = ctx.team;
  chunk.leadSources = ctx.sources.map((s) => s.source);
  chunk.segmentRules = [...ctx.rules.values()];
  for (let index = 0; index < total; index++) {
    generateAccount(ctx, index, chunk);
    if (chunk.accounts.length === size) {
      yield chunk;
      chunk = emptyData();
    }
  }
  if (chunk.accounts.length > 0 || total === 0) yield chunk;
}

/** The whole demo base at once (fine up to some 10k accounts; use the chunks beyond). */
export function generateDemoData(options: DemoOptions): DemoData {
  const all = emptyData();
  for (const chunk of generateDemoDataChunks(options)) {
    for (const key of Object.keys(all) as (keyof DemoData)[]) {
      const target = all[key] as unknown[];
      for (const row of chunk[key]) target.push(row);
    }
  }
  return all;
}
