import type { Account, AccountType, Category, Lifecycle } from '../domain/account';
import type { Deal, DealStage } from '../domain/deal';
import type { Interaction, InteractionType } from '../domain/interaction';
import type { LeadSource } from '../domain/lead-source';
import type { Sale } from '../domain/sale';
import type { ReportData } from './common';

/** Deterministic PRNG (mulberry32), so benchmark data is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const BASE = Date.UTC(2022, 0, 1);
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Synthetic data in the proportions of the performance brief: per account 10 interactions,
 * 3 sales and 1 deal (100k accounts → 1M interactions, 300k sales, 100k deals), spread over
 * 2022–2026, 8 reps, 20 lead sources, 3 countries.
 */
export function makeReportData(accountCount: number, seed = 42): ReportData {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const cats: Category[] = ['A', 'B', 'C', 'D'];
  const types: AccountType[] = ['expand', 'maintain'];
  const life: Lifecycle[] = ['lead', 'prospect', 'customer', 'customer', 'customer', 'former'];
  const iTypes: InteractionType[] = ['visit', 'call', 'email', 'meeting', 'note', 'newsletter'];
  const stages: DealStage[] = ['lead', 'qualified', 'offer_sent', 'negotiation', 'won', 'lost'];
  const reps = Array.from({ length: 8 }, (_, i) => `rep${i}`);
  const leadSources: LeadSource[] = Array.from({ length: 20 }, (_, i) => ({ id: `src${i}`, updatedAt: 0, name: `Quelle ${i}`, kind: 'campaign', cost: 1000 + i * 250 }));
  const accounts: Account[] = [];
  const interactions: Interaction[] = [];
  const sales: Sale[] = [];
  const deals: Deal[] = [];
  for (let n = 0; n < accountCount; n += 1) {
    const id = `acc${n}`;
    const start = BASE + Math.floor(r() * 1700) * DAY;
    const lifecycle = pick(life);
    const day = (ms: number): string => iso(ms).slice(0, 10);
    const ownerId = pick(reps);
    accounts.push({
      id, updatedAt: 0, name: `Firma ${n}`, customerNumber: String(n), kind: 'company', street: '', postalCode: '', city: '',
      country: pick(['DE', 'DE', 'DE', 'AT', 'CH']), phone: '', email: '', website: '', category: pick(cats), accountType: pick(types),
      lifecycle, lifecycleDates: {
        lead: day(start),
        ...(lifecycle === 'customer' || lifecycle === 'former' ? { customer: day(start + 30 * DAY) } : {}),
        ...(lifecycle === 'former' ? { former: day(start + 400 * DAY) } : {}),
      },
      churnReason: '', ownerId, productLines: [], tags: [], notes: '', archived: false, createdAt: start,
      ...(r() < 0.7 ? { leadSourceId: `src${Math.floor(r() * 20)}` } : {}),
      ...(r() < 0.1 && n > 0 ? { referredByAccountId: `acc${Math.floor(r() * n)}` } : {}),
    });
    for (let k = 0; k < 10; k += 1) {
      const at = start + Math.floor(r() * 1200) * DAY;
      const type = pick(iTypes);
      interactions.push({
        id: `${id}-i${k}`, updatedAt: 0, accountId: id, type, mode: type === 'email' || type === 'newsletter' ? 'digital' : 'human',
        status: r() < 0.85 ? 'done' : 'planned', at: iso(at), userId: r() < 0.9 ? ownerId : pick(reps), contactIds: [], subject: '',
        summary: '', nextStep: '', createdAt: at,
        ...(r() < 0.5 ? { outcome: pick(['successful', 'neutral', 'failed'] as const) } : {}),
        ...(r() < 0.05 ? { npsScore: Math.floor(r() * 11) } : {}),
        ...(r() < 0.2 ? { followUpDate: day(at + 14 * DAY) } : {}),
        ...(k === 0 ? { dealId: `${id}-d` } : {}),
      });
    }
    for (let k = 0; k < 3; k += 1) {
      const date = day(start + Math.floor(r() * 1200) * DAY);
      sales.push({ id: `${id}-s${k}`, updatedAt: 0, accountId: id, date, amount: Math.round(r() * 5000), productLine: 'x' });
    }
    const stage = pick(stages);
    deals.push({
      id: `${id}-d`, updatedAt: 0, accountId: id, title: '', value: Math.round(r() * 50_000), probability: Math.round(r() * 100), stage, ownerId,
      lostReason: '', createdAt: iso(start + 10 * DAY),
      ...(stage === 'won' || stage === 'lost' ? { closedAt: iso(start + 70 * DAY) } : {}),
      ...(stage !== 'lead' && stage !== 'qualified' ? { offerSentAt: iso(start + 20 * DAY) } : {}),
    });
  }
  return { accounts, interactions, deals, sales, leadSources };
}
