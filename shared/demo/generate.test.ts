import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../domain';
import { generateDemoData, generateDemoDataChunks } from './index';
import { asIsoDate } from '../time';

const options = { seed: 42, accounts: 700, today: asIsoDate('2026-11-23'), selfName: 'Max Mustermann' };
const data = generateDemoData(options);

describe('generateDemoData', () => {
  it('is deterministic per seed', () => {
    expect(JSON.stringify(generateDemoData(options))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData({ ...options, seed: 43 }))).not.toBe(JSON.stringify(data));
  });

  it('does not depend on the chunk size', () => {
    const chunks = [...generateDemoDataChunks({ ...options, accounts: 120 }, 7)];
    const small = generateDemoData({ ...options, accounts: 120 });
    expect(chunks.flatMap((c) => c.interactions)).toEqual(small.interactions);
    expect(chunks[0]?.teamMembers).toHaveLength(5);
    expect(chunks[1]?.teamMembers).toHaveLength(0);
  });

  it('has the expected counts', () => {
    expect(data.accounts).toHaveLength(700);
    expect(data.teamMembers).toHaveLength(5);
    expect(data.teamMembers[0]?.name).toBe('Max Mustermann');
    expect(data.segmentRules).toHaveLength(8);
    const perAccount = new Map<string, number>();
    for (const c of data.contacts) perAccount.set(c.accountId, (perAccount.get(c.accountId) ?? 0) + 1);
    for (const a of data.accounts) {
      const n = perAccount.get(a.id) ?? 0;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(4);
    }
  });

  it('keeps ids unique and references intact', () => {
    const all = [...data.accounts, ...data.contacts, ...data.interactions, ...data.deals, ...data.sales, ...data.teamMembers, ...data.leadSources];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const accounts = new Set(data.accounts.map((a) => a.id));
    const contacts = new Set(data.contacts.map((c) => c.id));
    const team = new Set(data.teamMembers.map((t) => t.id));
    const sources = new Set(data.leadSources.map((s) => s.id));
    const deals = new Set(data.deals.map((d) => d.id));
    for (const a of data.accounts) {
      expect(team.has(a.ownerId)).toBe(true);
      if (a.leadSourceId) expect(sources.has(a.leadSourceId)).toBe(true);
      if (a.referredByAccountId) expect(accounts.has(a.referredByAccountId)).toBe(true);
      expect(a.archived).toBe(false);
    }
    for (const c of data.contacts) expect(accounts.has(c.accountId)).toBe(true);
    for (const i of data.interactions) {
      expect(accounts.has(i.accountId)).toBe(true);
      expect(team.has(i.userId)).toBe(true);
      for (const id of i.contactIds) expect(contacts.has(id)).toBe(true);
      if (i.dealId) expect(deals.has(i.dealId)).toBe(true);
      if (i.complaint) expect(team.has(i.complaint.ownerId)).toBe(true);
    }
    for (const d of data.deals) expect(accounts.has(d.accountId) && team.has(d.ownerId)).toBe(true);
    for (const s of data.sales) expect(accounts.has(s.accountId)).toBe(true);
    expect(data.accounts.some((a) => a.referredByAccountId)).toBe(true);
  });

  it('has valid birthdays, including a 29 February', () => {
    for (const c of data.contacts) {
      if (!c.birthday) continue;
      const { day, month, year } = c.birthday;
      const y = year ?? 2000;
      const d = new Date(Date.UTC(y, month - 1, day));
      expect(d.getUTCMonth() + 1).toBe(month);
      expect(d.getUTCDate()).toBe(day);
    }
    expect(data.contacts.some((c) => c.birthday?.day === 29 && c.birthday.month === 2)).toBe(true);
    expect(data.contacts.some((c) => c.lastName === 'Ivanov')).toBe(true);
  });

  it('mixes categories roughly 10/20/30/40 %', () => {
    const expected = { A: 0.1, B: 0.2, C: 0.3, D: 0.4 };
    for (const cat of CATEGORIES) {
      const share = data.accounts.filter((a) => a.category === cat).length / data.accounts.length;
      expect(Math.abs(share - expected[cat])).toBeLessThan(0.05);
    }
  });

  it('keeps last-contact fields consistent with the done interactions', () => {
    const last = new Map<string, { human?: string; digital?: string }>();
    for (const i of data.interactions) {
      if (i.status !== 'done') continue;
      const e = last.get(i.accountId) ?? {};
      if (i.mode === 'human' && (!e.human || i.at > e.human)) e.human = i.at;
      if (i.mode === 'digital' && (!e.digital || i.at > e.digital)) e.digital = i.at;
      last.set(i.accountId, e);
    }
    for (const a of data.accounts) {
      expect(a.lastHumanContactAt).toBe(last.get(a.id)?.human);
      expect(a.lastDigitalContactAt).toBe(last.get(a.id)?.digital);
    }
    const today: string = '2026-11-23'; // instants compared as text with the day's start
    for (const i of data.interactions) {
      if (i.status === 'planned') expect(i.at > today).toBe(true);
      else expect(i.at < today).toBe(true);
    }
    const cap = Date.UTC(2026, 10, 23);
    for (const r of [...data.accounts, ...data.contacts, ...data.interactions, ...data.deals, ...data.sales]) expect(r.updatedAt).toBeLessThan(cap);
  });

  it('generates 10k accounts in chunks', () => {
    let accounts = 0;
    for (const chunk of generateDemoDataChunks({ seed: 7, accounts: 10_000, today: asIsoDate('2026-11-23') }, 2000)) accounts += chunk.accounts.length;
    expect(accounts).toBe(10_000);
  });
});
