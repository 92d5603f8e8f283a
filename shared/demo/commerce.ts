import type { Category, Contact, Deal, DealStage, Interaction, Sale } from '../domain';
import type { AccountDraft } from './account';
import { DEAL_TITLES, LOST_REASONS } from './business';
import { msAt, stampOf, type GenContext } from './context';
import { isoDate, isoInstant, yearOf } from './dates';
import { TABLE, type IdMaker, type Rng } from './prng';
import { interaction, officeTime, workdayOnOrBefore } from './rows';

const DEAL_VALUE: Record<Category, readonly [number, number]> = {
  A: [20_000, 250_000],
  B: [8_000, 80_000],
  C: [2_000, 25_000],
  D: [500, 8_000],
};
const SALE_AMOUNT: Record<Category, readonly [number, number]> = {
  A: [2_000, 40_000],
  B: [1_000, 15_000],
  C: [300, 5_000],
  D: [100, 2_000],
};
const SALES_COUNT: Record<Category, readonly [number, number]> = { A: [8, 24], B: [4, 12], C: [1, 7], D: [1, 4] };
const PROBABILITY: Record<DealStage, number> = { lead: 10, qualified: 25, offer_sent: 50, negotiation: 75, won: 100, lost: 0 };

/** Deals, purchases and the interactions they caused (offer e-mails, follow-up calls). */
export type Commerce = { deals: Deal[]; sales: Sale[]; interactions: Interaction[] };

/**
 * The pipeline and purchase history of one account. Open offers were sent up to 75 days ago and
 * half of them were never followed up, so "offers without follow-up" has plenty to flag.
 */
export function makeCommerce(ctx: GenContext, draft: AccountDraft, contacts: readonly Contact[], rng: Rng, ids: IdMaker): Commerce {
  const { account, core } = draft;
  const T = ctx.todayDay;
  const out: Commerce = { deals: [], sales: [], interactions: [] };
  const lines = account.productLines;
  const contactId = () => rng.pick(contacts).id;
  const title = (line: string, day: number) =>
    rng.pick(DEAL_TITLES[line] ?? DEAL_TITLES.Heizung ?? ['Angebot']).replace('{year}', String(yearOf(day) + 1)).replace('{street}', account.street);
  const [vLo, vHi] = DEAL_VALUE[core.category];
  const value = () => Math.round(rng.range(vLo, vHi) / 10) * 10;

  const deal = (stage: DealStage, createdDay: number, line: string): Deal => {
    const d: Deal = {
      id: ids.next(TABLE.deal),
      updatedAt: 0,
      accountId: account.id,
      title: title(line, createdDay),
      value: value(),
      probability: stage === 'offer_sent' ? rng.int(4, 6) * 10 : PROBABILITY[stage],
      stage,
      ownerId: account.ownerId,
      lostReason: '',
      createdAt: isoInstant(msAt(createdDay, 8, rng.int(0, 59))),
    };
    out.deals.push(d);
    return d;
  };
  const offerMail = (d: Deal, day: number) => {
    const atMs = officeTime(day, rng);
    d.offerSentAt = isoInstant(atMs);
    const row = interaction(ctx, account.id, { type: 'email', mode: 'digital', status: 'done', atMs, userId: d.ownerId, contactIds: [contactId()], outcome: 'neutral', text: [`Angebot: ${d.title}`, `Angebot über ${d.value} € versandt.`] }, rng, ids);
    row.dealId = d.id;
    out.interactions.push(row);
  };
  const followUp = (d: Deal, day: number) => {
    const atMs = officeTime(day, rng);
    d.lastFollowUpAt = isoInstant(atMs);
    const row = interaction(ctx, account.id, { type: 'call', mode: 'human', status: 'done', atMs, userId: d.ownerId, contactIds: [contactId()], outcome: rng.chance(0.6) ? 'successful' : 'neutral', text: [`Angebot nachgefasst: ${d.title}`, 'Offene Fragen zum Angebot geklärt.'] }, rng, ids);
    row.dealId = d.id;
    out.interactions.push(row);
  };

  const active = Math.max(ctx.windowStart, core.customerDay ?? core.prospectDay ?? core.leadDay);
  const end = core.formerDay ?? T - 1;

  // Closed deals: won ones become purchases, lost ones carry a reason.
  if (core.customerDay !== undefined && end - active > 40) {
    const won = rng.int(core.category === 'A' ? 1 : 0, core.category === 'A' ? 3 : core.category === 'B' ? 2 : 1);
    const lost = rng.chance(0.4) ? 1 : 0;
    for (let i = 0; i < won + lost; i++) {
      const created = rng.int(active - 30, end - 30);
      const closed = Math.max(active, Math.min(created + rng.int(14, 120), end));
      const d = deal(i < won ? 'won' : 'lost', created, rng.pick(lines));
      const sent = workdayOnOrBefore(created + Math.floor((closed - created) / 3));
      offerMail(d, sent);
      if (i < won || rng.chance(0.5)) followUp(d, workdayOnOrBefore(Math.min(sent + rng.int(3, 14), closed)));
      d.closedAt = isoInstant(msAt(closed, 14));
      d.expectedClose = isoDate(closed + rng.int(-10, 20));
      d.updatedAt = stampOf(ctx, msAt(closed, 14));
      if (i >= won) d.lostReason = d.lastFollowUpAt ? (rng.pick(LOST_REASONS.slice(1)) as string) : (LOST_REASONS[0] as string);
      else out.sales.push(sale(ctx, account.id, closed, d.value, rng.pick(lines), rng, ids, d.id));
    }
  }

  // Open deals: Expand accounts have a concrete opportunity more often.
  const openCount =
    core.lifecycle === 'lead' ? (rng.chance(0.35) ? 1 : 0)
    : core.lifecycle === 'prospect' ? rng.int(rng.chance(0.8) ? 1 : 0, 2)
    : core.lifecycle === 'customer' ? (rng.chance(core.accountType === 'expand' ? 0.55 : 0.15) ? 1 : 0)
    : 0;
  for (let i = 0; i < openCount; i++) {
    const stage: DealStage = core.lifecycle === 'lead' ? 'lead' : rng.weighted({ qualified: 25, offer_sent: 45, negotiation: 30 });
    const sent = workdayOnOrBefore(T - rng.int(2, 75));
    const created = Math.max(core.leadDay, stage === 'lead' || stage === 'qualified' ? T - rng.int(3, 60) : sent - rng.int(3, 30));
    const d = deal(stage, Math.min(created, T - 1), rng.pick(lines));
    if (stage === 'offer_sent' || stage === 'negotiation') {
      offerMail(d, Math.max(sent, core.leadDay));
      if (stage === 'negotiation' || rng.chance(0.5)) {
        const fu = Math.min(sent + rng.int(3, 14), T - 1);
        followUp(d, workdayOnOrBefore(fu) < sent ? sent : workdayOnOrBefore(fu));
      }
    }
    d.expectedClose = isoDate(rng.chance(0.1) ? T - rng.int(1, 30) : T + rng.int(7, 120));
    const touched = [Date.parse(d.createdAt), d.offerSentAt ? Date.parse(d.offerSentAt) : 0, d.lastFollowUpAt ? Date.parse(d.lastFollowUpAt) : 0];
    d.updatedAt = stampOf(ctx, Math.max(...touched));
  }

  // Regular purchases, spread over the time the account was a customer within the window.
  if (core.customerDay !== undefined && end >= active) {
    const [lo, hi] = SALES_COUNT[core.category];
    const share = Math.min(1, (end - active + 1) / (T - ctx.windowStart));
    const count = Math.max(1, Math.round(rng.int(lo, hi) * share));
    for (let i = 0; i < count; i++) {
      const [aLo, aHi] = SALE_AMOUNT[core.category];
      out.sales.push(sale(ctx, account.id, workdayOnOrBefore(rng.int(active, end)), rng.range(aLo, aHi), rng.pick(lines), rng, ids));
    }
  }
  out.sales.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

function sale(ctx: GenContext, accountId: string, day: number, amount: number, productLine: string, rng: Rng, ids: IdMaker, dealId?: string): Sale {
  const row: Sale = {
    id: ids.next(TABLE.sale),
    updatedAt: stampOf(ctx, msAt(day, 16, rng.int(0, 59))),
    accountId,
    date: isoDate(day),
    amount: Math.round(amount * 100) / 100,
    productLine,
  };
  if (dealId) row.dealId = dealId;
  return row;
}
