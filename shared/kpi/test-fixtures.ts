import type { Account } from '../domain/account';
import type { Deal } from '../domain/deal';
import type { Interaction } from '../domain/interaction';
import type { LeadSource } from '../domain/lead-source';
import type { Sale } from '../domain/sale';
import type { ReportData } from './common';
import { asIsoDate, type IsoDate } from '../time';

/**
 * A small hand-made company for the KPI tests: 11 accounts (one trashed), two reps (r1, r2),
 * three lead sources. The report period is Q1 2026 (2026-01-01 … 2026-03-31, both included),
 * "today" is 2026-04-15. Every expected number in the tests is worked out from these rows. Days
 * are UTC days (`tz: 'UTC'`): some rows sit just before UTC midnight on purpose, and
 * pipeline.test.ts reads the same rows in Europe/Berlin, where they move to the next day.
 */
export const Q1 = { from: asIsoDate('2026-01-01'), to: asIsoDate('2026-03-31'), tz: 'UTC' } as const;
export const TODAY = asIsoDate('2026-04-15');

const created = Date.UTC(2023, 0, 1);

export function account(id: string, over: Partial<Account>): Account {
  return {
    id,
    updatedAt: 0,
    name: id,
    customerNumber: '',
    kind: 'company',
    street: '',
    postalCode: '',
    city: '',
    country: 'DE',
    phone: '',
    email: '',
    website: '',
    category: 'C',
    accountType: 'expand',
    lifecycle: 'lead',
    lifecycleDates: {},
    churnReason: '',
    ownerId: 'r1',
    productLines: [],
    tags: [],
    notes: '',
    archived: false,
    createdAt: created,
    ...over,
  };
}

export function sale(accountId: string, date: IsoDate, amount: number): Sale {
  return { id: `${accountId}-${date}`, updatedAt: 0, accountId, date, amount, productLine: 'x' };
}

export function interaction(id: string, over: Partial<Interaction> & Pick<Interaction, 'accountId' | 'type' | 'at'>): Interaction {
  return {
    id,
    updatedAt: 0,
    mode: over.type === 'email' || over.type === 'newsletter' || over.type === 'webinar' ? 'digital' : 'human',
    status: 'done',
    userId: 'r1',
    contactIds: [],
    subject: '',
    summary: '',
    nextStep: '',
    createdAt: 0,
    ...over,
  } as Interaction;
}

export function deal(id: string, over: Partial<Deal> & Pick<Deal, 'accountId' | 'stage' | 'value' | 'createdAt'>): Deal {
  return { id, updatedAt: 0, title: id, probability: 0, ownerId: 'r1', lostReason: '', ...over };
}

const accounts: Account[] = [
  account('A1', { category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: { customer: asIsoDate('2024-05-01') }, leadSourceId: 's2', lastHumanContactAt: '2026-03-10T10:00:00.000Z' }),
  account('A2', { category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: { lead: asIsoDate('2025-09-15'), customer: asIsoDate('2025-11-20') }, leadSourceId: 's1', lastHumanContactAt: '2026-03-31T22:30:00.000Z' }),
  account('A3', { category: 'A', accountType: 'maintain', country: 'AT', ownerId: 'r2', lifecycle: 'former', lifecycleDates: { customer: asIsoDate('2023-01-10'), former: asIsoDate('2026-02-01') }, churnReason: 'Preis' }),
  account('A4', { category: 'C', accountType: 'expand', ownerId: 'r2', lifecycle: 'customer', lifecycleDates: { lead: asIsoDate('2026-01-05'), customer: asIsoDate('2026-02-20') }, leadSourceId: 's1', referredByAccountId: 'A9', lastHumanContactAt: '2026-02-01T10:00:00.000Z' }),
  account('A5', { category: 'D', accountType: 'maintain', lifecycle: 'lead', lifecycleDates: { lead: asIsoDate('2026-01-01') }, leadSourceId: 's2', referredByAccountId: 'A1' }),
  account('A6', { category: 'B', accountType: 'expand', ownerId: 'r2', lifecycle: 'prospect', lifecycleDates: { lead: asIsoDate('2026-03-31'), prospect: asIsoDate('2026-04-02') }, referredByAccountId: 'A1' }),
  account('A7', { category: 'C', accountType: 'maintain', lifecycle: 'lead', lifecycleDates: { lead: asIsoDate('2026-04-01') }, leadSourceId: 's1', archived: true }),
  account('A8', { category: 'A', accountType: 'expand', lifecycle: 'former', lifecycleDates: { customer: asIsoDate('2025-06-01'), former: asIsoDate('2025-12-31') }, leadSourceId: 's3' }),
  account('A9', { category: 'B', accountType: 'maintain', country: 'AT', ownerId: 'r2', lifecycle: 'customer', lifecycleDates: { lead: asIsoDate('2025-12-01'), customer: asIsoDate('2025-12-31') }, referredByAccountId: 'A3', lastHumanContactAt: '2025-10-01T10:00:00.000Z' }),
  account('A10', { category: 'C', accountType: 'expand', lifecycle: 'former', lifecycleDates: { customer: asIsoDate('2025-03-01'), former: asIsoDate('2026-03-31') } }),
  account('A11', { category: 'A', lifecycle: 'customer', lifecycleDates: { customer: asIsoDate('2025-01-01') }, deletedAt: 1 }),
];

const sales: Sale[] = [
  sale('A1', asIsoDate('2024-05-10'), 1000), sale('A1', asIsoDate('2025-03-01'), 2000), sale('A1', asIsoDate('2026-02-10'), 3000),
  sale('A2', asIsoDate('2025-11-25'), 500), sale('A2', asIsoDate('2026-01-15'), 1500), sale('A2', asIsoDate('2026-03-31'), 700),
  sale('A3', asIsoDate('2023-02-01'), 4000), sale('A3', asIsoDate('2024-02-01'), 4000), sale('A3', asIsoDate('2025-02-01'), 4000),
  sale('A3', asIsoDate('2025-06-01'), 4000), sale('A3', asIsoDate('2025-09-01'), 4000),
  sale('A4', asIsoDate('2026-02-25'), 800),
  sale('A8', asIsoDate('2025-06-05'), 1000),
  sale('A9', asIsoDate('2026-01-02'), 1200),
  sale('A10', asIsoDate('2025-03-05'), 300), sale('A10', asIsoDate('2025-08-01'), 300),
  sale('A11', asIsoDate('2026-01-10'), 9999),
];

const I = interaction;
const interactions: Interaction[] = [
  I('I1', { accountId: 'A4', type: 'call', at: '2026-01-10T09:00:00.000Z', userId: 'r2' }),
  I('I2', { accountId: 'A4', type: 'visit', at: '2026-02-01T10:00:00.000Z', userId: 'r2', outcome: 'successful', followUpDate: asIsoDate('2026-03-01'), npsScore: 6 }),
  I('I3', { accountId: 'A4', type: 'call', at: '2026-02-20T09:00:00.000Z', userId: 'r2' }),
  I('I4', { accountId: 'A5', type: 'call', at: '2026-01-20T09:00:00.000Z' }),
  I('I5', { accountId: 'A5', type: 'email', at: '2026-01-21T09:00:00.000Z' }),
  I('I6', { accountId: 'A7', type: 'call', at: '2026-03-15T09:00:00.000Z' }),
  I('I7', { accountId: 'A6', type: 'call', at: '2026-03-20T09:00:00.000Z', status: 'planned', userId: 'r2' }),
  I('I8', { accountId: 'A1', type: 'meeting', at: '2026-03-10T10:00:00.000Z', outcome: 'neutral', npsScore: 9 }),
  I('I9', { accountId: 'A2', type: 'visit', at: '2026-03-31T22:30:00.000Z', outcome: 'successful', followUpDate: asIsoDate('2026-05-01'), npsScore: 10 }),
  I('I10', { accountId: 'A1', type: 'visit', at: '2025-12-31T10:00:00.000Z', outcome: 'successful' }),
  I('I11', { accountId: 'A2', type: 'visit', at: '2026-04-15T08:00:00.000Z', status: 'planned' }),
  I('I12', { accountId: 'A9', type: 'meeting', at: '2026-05-15T08:00:00.000Z', status: 'planned', userId: 'r2' }),
  I('I13', { accountId: 'A9', type: 'visit', at: '2026-05-14T08:00:00.000Z', status: 'planned', userId: 'r2' }),
  I('I14', { accountId: 'A1', type: 'visit', at: '2026-04-10T08:00:00.000Z', status: 'planned' }),
  I('I15', { accountId: 'A10', type: 'visit', at: '2026-02-15T08:00:00.000Z', status: 'cancelled' }),
  I('I16', { accountId: 'A9', type: 'note', at: '2026-01-20T08:00:00.000Z', userId: 'r2', npsScore: 7 }),
  I('I17', { accountId: 'A3', type: 'call', at: '2025-11-01T08:00:00.000Z', userId: 'r2', npsScore: 0 }),
  I('I18', { accountId: 'A2', type: 'note', at: '2026-02-02T08:00:00.000Z', npsScore: 11 }),
  I('I19', { accountId: 'A8', type: 'call', at: '2025-04-01T08:00:00.000Z' }),
  I('I20', { accountId: 'A10', type: 'call', at: '2025-03-31T08:00:00.000Z' }),
  I('I21', { accountId: 'A2', type: 'call', at: '2026-04-10T09:00:00.000Z', userId: 'r2', dealId: 'D2' }),
  I('I22', { accountId: 'A11', type: 'visit', at: '2026-01-10T09:00:00.000Z', outcome: 'successful' }),
];

const deals: Deal[] = [
  deal('D1', { accountId: 'A1', stage: 'negotiation', value: 20000, probability: 50, createdAt: '2026-01-10T10:00:00.000Z', offerSentAt: '2026-02-01T09:00:00.000Z', lastFollowUpAt: '2026-04-05T10:00:00.000Z' }),
  deal('D2', { accountId: 'A2', stage: 'offer_sent', value: 8000, probability: 25, createdAt: '2026-02-15T09:00:00.000Z', offerSentAt: '2026-03-01T09:00:00.000Z' }),
  deal('D3', { accountId: 'A4', ownerId: 'r2', stage: 'offer_sent', value: 5000, probability: 60, createdAt: '2026-01-20T09:00:00.000Z', offerSentAt: '2026-04-01T09:00:00.000Z' }),
  deal('D4', { accountId: 'A5', stage: 'lead', value: 3000, probability: 10, createdAt: '2026-03-05T09:00:00.000Z' }),
  deal('D5', { accountId: 'A3', ownerId: 'r2', stage: 'lost', value: 12000, createdAt: '2025-10-01T09:00:00.000Z', offerSentAt: '2025-11-01T09:00:00.000Z', closedAt: '2026-02-01T09:00:00.000Z' }),
  deal('D6', { accountId: 'A9', ownerId: 'r2', stage: 'lost', value: 4000, createdAt: '2025-12-01T09:00:00.000Z', offerSentAt: '2025-12-10T09:00:00.000Z', lastFollowUpAt: '2025-12-20T09:00:00.000Z', closedAt: '2026-01-15T09:00:00.000Z' }),
  deal('D7', { accountId: 'A4', ownerId: 'r2', stage: 'won', value: 800, probability: 100, createdAt: '2026-01-06T09:00:00.000Z', closedAt: '2026-02-20T12:00:00.000Z' }),
  deal('D8', { accountId: 'A2', stage: 'won', value: 1500, probability: 100, createdAt: '2025-12-15T09:00:00.000Z', closedAt: '2026-01-14T09:00:00.000Z' }),
  deal('D9', { accountId: 'A1', stage: 'won', value: 3000, probability: 100, createdAt: '2026-03-01T09:00:00.000Z', closedAt: '2026-04-02T09:00:00.000Z' }),
  deal('D10', { accountId: 'A6', ownerId: 'r2', stage: 'negotiation', value: 10000, probability: 40, createdAt: '2025-06-01T09:00:00.000Z', deletedAt: 1 }),
  deal('D11', { accountId: 'A7', stage: 'offer_sent', value: 2000, probability: 20, createdAt: '2026-03-31T23:00:00.000Z' }),
];

const leadSources: LeadSource[] = [
  { id: 's1', updatedAt: 0, name: 'SHK-Messe Essen', kind: 'trade_fair', cost: 3000, periodStart: asIsoDate('2025-10-01'), periodEnd: asIsoDate('2026-02-28') },
  { id: 's2', updatedAt: 0, name: 'Website', kind: 'website', cost: 1000 },
  { id: 's3', updatedAt: 0, name: 'Anzeige Lokalzeitung', kind: 'advert', cost: 500, periodEnd: asIsoDate('2025-06-30') },
];

export const FIXTURE: ReportData = { accounts, interactions, deals, sales, leadSources };

export const EMPTY: ReportData = { accounts: [], interactions: [], deals: [], sales: [], leadSources: [] };
