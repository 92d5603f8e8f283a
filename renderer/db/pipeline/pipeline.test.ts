import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, Contact } from '../../../shared/domain';
import { openDb, useDatabase, getDb } from '../core/db';
import { createDeal, createSale, deleteSale, listDeals, listSalesOf, moveDeal, touchDeal, trashDeal, updateDeal, updateSale } from './pipeline';
import {
  createLeadSource, deleteLeadSource, getFollowUpDays, getLeadScoreRules, listAutomationRules, loadReportData,
  runAutomationNow, saveAutomationRule, saveLeadScoreRules, setFollowUpDays, updateLeadSource,
} from './admin';
import { asIsoDate } from '../../../shared/time';

function account(id: string, extra: Partial<Account> = {}): Account {
  return {
    id, updatedAt: 0, name: `Firma ${id}`, customerNumber: id, kind: 'company', street: '', postalCode: '80331',
    city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 0, ...extra,
  };
}

const base = { accountId: 'a1', title: 'Wartungsvertrag', value: 20_000, probability: 40, ownerId: 'u1', lostReason: '' };

describe('deals', () => {
  beforeEach(() => useDatabase(openDb(`pipeline-${crypto.randomUUID()}`)));

  it('stamps offerSentAt and closedAt on stage changes and keeps the first offer day', async () => {
    const d = await createDeal({ ...base, stage: 'lead' }, new Date('2026-10-01T10:00:00Z'));
    expect(d.offerSentAt).toBeUndefined();
    await moveDeal(d.id, 'offer_sent', new Date('2026-10-05T10:00:00Z'));
    await moveDeal(d.id, 'negotiation', new Date('2026-10-09T10:00:00Z'));
    let row = await getDb().deals.get(d.id);
    expect(row?.offerSentAt).toBe('2026-10-05T10:00:00.000Z');
    expect(row?.closedAt).toBeUndefined();
    await moveDeal(d.id, 'won', new Date('2026-10-20T10:00:00Z'));
    row = await getDb().deals.get(d.id);
    expect(row?.closedAt).toBe('2026-10-20T10:00:00.000Z');
    await updateDeal(d.id, { ...base, stage: 'negotiation', expectedClose: asIsoDate('2026-12-01') }, new Date('2026-10-21T10:00:00Z'));
    row = await getDb().deals.get(d.id);
    expect(row?.closedAt).toBeUndefined();
    expect(row?.expectedClose).toBe('2026-12-01');
  });

  it('a deal created as offer sent is stamped at once; touch sets lastFollowUpAt; trash hides it', async () => {
    const d = await createDeal({ ...base, stage: 'offer_sent', probability: 150 }, new Date('2026-10-01T10:00:00Z'));
    expect(d.offerSentAt).toBe('2026-10-01T10:00:00.000Z');
    expect(d.probability).toBe(100);
    await touchDeal(d.id, new Date('2026-10-03T08:00:00Z'));
    expect((await getDb().deals.get(d.id))?.lastFollowUpAt).toBe('2026-10-03T08:00:00.000Z');
    await trashDeal(d.id);
    expect(await listDeals()).toHaveLength(0);
  });
});

describe('sales and lead sources', () => {
  beforeEach(() => useDatabase(openDb(`pipeline-${crypto.randomUUID()}`)));

  it('creates, edits and deletes sales', async () => {
    const s = await createSale({ accountId: 'a1', date: asIsoDate('2026-03-01'), amount: 1200, productLine: ' Heizung ' });
    await updateSale(s.id, { accountId: 'a1', date: asIsoDate('2026-03-02'), amount: 1500, productLine: 'Heizung' });
    const rows = await listSalesOf('a1', asIsoDate('2026-01-01'));
    expect(rows.map((r) => [r.date, r.amount, r.productLine])).toEqual([[asIsoDate('2026-03-02'), 1500, 'Heizung']]);
    await deleteSale(s.id);
    expect(await listSalesOf('a1', asIsoDate('2026-01-01'))).toHaveLength(0);
  });

  it('keeps a lead source that accounts still use', async () => {
    const src = await createLeadSource({ name: 'SHK-Messe Essen', kind: 'trade_fair', cost: 12_000, periodStart: asIsoDate('2026-03-10'), periodEnd: '' });
    expect(src.periodEnd).toBeUndefined();
    await updateLeadSource(src.id, { name: 'SHK-Messe Essen 2026', kind: 'trade_fair', cost: 13_000 });
    await getDb().accounts.add(account('a1', { leadSourceId: src.id }));
    expect(await deleteLeadSource(src.id)).toBe(1);
    await getDb().accounts.update('a1', { leadSourceId: undefined });
    expect(await deleteLeadSource(src.id)).toBe(0);
    expect(await getDb().leadSources.count()).toBe(0);
  });

  it('stores the follow-up days and the scoring rules', async () => {
    expect(await getFollowUpDays()).toBe(14);
    await setFollowUpDays(3);
    expect(await getFollowUpDays()).toBe(3);
    const rules = await getLeadScoreRules();
    await saveLeadScoreRules([{ ...rules[0]!, points: 99 }]);
    expect((await getLeadScoreRules())[0]?.points).toBe(99);
  });
});

describe('automation and report data', () => {
  beforeEach(() => useDatabase(openDb(`pipeline-${crypto.randomUUID()}`)));

  it('runs the enabled rules idempotently and never recreates a trashed task', async () => {
    await getDb().accounts.add(account('a1'));
    const c: Contact = {
      id: 'c1', accountId: 'a1', updatedAt: 0, salutation: 'ms', title: '', firstName: 'Anna', lastName: 'Müller', position: '',
      phone: '', mobile: '', email: '', preferredChannel: 'letter', notes: '', birthday: { day: 25, month: 11 },
    };
    await getDb().contacts.add(c);
    await createDeal({ ...base, stage: 'offer_sent' });
    const rules = await listAutomationRules();
    expect(rules.map((r) => r.enabled)).toEqual([false, false, false]);
    expect(await runAutomationNow(asIsoDate('2026-11-23'))).toBe(0);
    for (const r of rules) await saveAutomationRule({ ...r, enabled: true });
    expect(await runAutomationNow(asIsoDate('2026-11-23'))).toBe(2);
    expect(await runAutomationNow(asIsoDate('2026-11-23'))).toBe(0);
    const tasks = await getDb().interactions.toArray();
    expect(tasks.map((t) => t.type).sort()).toEqual(['call', 'letter']);
    await getDb().interactions.update(tasks[0]!.id, { deletedAt: 1 });
    expect(await runAutomationNow(asIsoDate('2026-11-24'))).toBe(0);
  });

  it('loads every table the reports read and reports progress', async () => {
    await getDb().accounts.add(account('a1'));
    await createSale({ accountId: 'a1', date: asIsoDate('2026-03-01'), amount: 10, productLine: 'X' });
    const steps: string[] = [];
    const data = await loadReportData((s) => steps.push(s));
    expect(data.accounts).toHaveLength(1);
    expect(data.sales).toHaveLength(1);
    expect(data.interactions).toHaveLength(0);
    expect(steps).toContain('interactions');
  });
});
