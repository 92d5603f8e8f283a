import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, Contact, Interaction } from '../../../shared/domain';
import { getDb, openDb, useDatabase } from '../core/db';
import { searchHistory } from './search';
import {
  cancelAppointment, completeAppointment, logInteraction, moveAppointment, planAppointment, updateComplaint,
  type InteractionInput,
} from './interaction-writes';
import { listAccountIdsWithOpenComplaint, listComplaintsOf, listContactTimeline, listPlannedOf, listTimeline } from './interactions';
import { asIsoDate } from '../../../shared/time';

function account(id: string, extra: Partial<Account> = {}): Account {
  return {
    id, updatedAt: 0, name: `Firma ${id}`, customerNumber: id, kind: 'company', street: '', postalCode: '80331',
    city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 0, ...extra,
  };
}

function contact(id: string, accountId: string, firstName: string, lastName: string): Contact {
  return {
    id, accountId, updatedAt: 1, salutation: 'mr', title: '', firstName, lastName, position: '',
    phone: '', mobile: '', email: '', preferredChannel: 'email', notes: '',
  };
}

function input(extra: Partial<InteractionInput> = {}): InteractionInput {
  return {
    accountId: 'a', type: 'visit', mode: 'human', at: '2026-11-20T09:00:00.000Z', userId: 'u1', contactIds: ['c1'],
    subject: 'Besuch', summary: 'Neue Heizungsserie vorgestellt', nextStep: '', ...extra,
  };
}

describe('interaction writes and timelines', () => {
  beforeEach(async () => {
    useDatabase(openDb(`interactions-${crypto.randomUUID()}`));
    await getDb().accounts.bulkAdd([account('a', { lastHumanContactAt: '2026-10-01T09:00:00.000Z' }), account('b')]);
    await getDb().contacts.bulkAdd([contact('c1', 'a', 'S. V.', 'Ivanov'), contact('c2', 'a', 'Jürgen', 'Weiß')]);
  });

  it('logs a visit and moves the account last human contact forward, never back', async () => {
    const row = await logInteraction(input({ outcome: 'successful', nextStep: 'Angebot schicken', followUpDate: asIsoDate('2026-12-01') }));
    expect(row.status).toBe('done');
    expect(row.outcome).toBe('successful');
    expect((await getDb().accounts.get('a'))?.lastHumanContactAt).toBe('2026-11-20T09:00:00.000Z');
    await logInteraction(input({ at: '2026-01-05T09:00:00.000Z' }));
    expect((await getDb().accounts.get('a'))?.lastHumanContactAt).toBe('2026-11-20T09:00:00.000Z');
    await logInteraction(input({ type: 'email', mode: 'digital', at: '2026-11-21T08:00:00.000Z' }));
    const a = await getDb().accounts.get('a');
    expect(a?.lastDigitalContactAt).toBe('2026-11-21T08:00:00.000Z');
    expect(a?.lastHumanContactAt).toBe('2026-11-20T09:00:00.000Z');
  });

  it('plans, moves (keeping the earlier start), completes and cancels appointments', async () => {
    const p = await planAppointment(input({ at: '2026-12-03T09:00:00.000Z', outcome: 'failed' }));
    expect(p.status).toBe('planned');
    expect(p.outcome).toBeUndefined();
    expect((await getDb().accounts.get('a'))?.lastHumanContactAt).toBe('2026-10-01T09:00:00.000Z');
    await moveAppointment(p.id, '2026-12-04T10:00:00.000Z');
    await moveAppointment(p.id, '2026-12-05T10:00:00.000Z');
    expect((await listPlannedOf('a')).map((r) => [r.at, r.movedFrom])).toEqual([
      ['2026-12-05T10:00:00.000Z', ['2026-12-03T09:00:00.000Z', '2026-12-04T10:00:00.000Z']],
    ]);
    const done = await completeAppointment(p.id, { outcome: 'successful', summary: 'Vertrag besprochen', nextStep: 'Muster liefern' });
    expect(done).toMatchObject({ status: 'done', outcome: 'successful', nextStep: 'Muster liefern', at: '2026-12-05T10:00:00.000Z' });
    expect((await getDb().accounts.get('a'))?.lastHumanContactAt).toBe('2026-12-05T10:00:00.000Z');
    await expect(moveAppointment(p.id, '2026-12-06T10:00:00.000Z')).rejects.toThrow();

    const q = await planAppointment(input({ at: '2026-12-10T09:00:00.000Z' }));
    await cancelAppointment(q.id);
    expect(await listPlannedOf('a')).toHaveLength(0);
    const timeline = await listTimeline('a', 10);
    expect(timeline.rows.map((r) => r.status)).toEqual(['cancelled', 'done']);
  });

  it('walks a complaint from open to resolved and reports the account while it is open', async () => {
    const c = await logInteraction(input({ type: 'complaint', subject: 'Lieferung beschädigt', complaint: { status: 'open', ownerId: 'u2', resolution: '' } }));
    expect(c.complaint).toEqual({ status: 'open', ownerId: 'u2', resolution: '' });
    expect([...(await listAccountIdsWithOpenComplaint())]).toEqual(['a']);
    await updateComplaint(c.id, { status: 'in_progress', resolution: 'Ersatz bestellt' });
    const resolved = await updateComplaint(c.id, { status: 'resolved', resolution: 'Ersatz geliefert' });
    expect(resolved.complaint?.status).toBe('resolved');
    expect(resolved.complaint?.resolvedAt).toMatch(/^\d{4}-/);
    expect((await listAccountIdsWithOpenComplaint()).size).toBe(0);
    const reopened = await updateComplaint(c.id, { status: 'open' });
    expect(reopened.complaint?.resolvedAt).toBeUndefined();
    expect((await listComplaintsOf('a')).map((r) => r.id)).toEqual([c.id]);
  });

  it('pages the timeline newest first and filters by type, person and contact', async () => {
    for (let d = 1; d <= 12; d++) {
      const day = String(d).padStart(2, '0');
      await logInteraction(input({
        at: `2026-11-${day}T09:00:00.000Z`, type: d % 3 === 0 ? 'call' : 'visit', userId: d % 2 === 0 ? 'u2' : 'u1',
        contactIds: d % 4 === 0 ? ['c2'] : ['c1'],
      }));
    }
    await logInteraction(input({ accountId: 'b', at: '2026-11-30T09:00:00.000Z' }));
    const first = await listTimeline('a', 5);
    expect(first.hasMore).toBe(true);
    expect(first.rows.map((r) => r.at.slice(8, 10))).toEqual(['12', '11', '10', '09', '08']);
    const all = await listTimeline('a', 50);
    expect(all.rows).toHaveLength(12);
    expect(all.hasMore).toBe(false);
    expect((await listTimeline('a', 50, { types: ['call'] })).rows.map((r) => r.at.slice(8, 10))).toEqual(['12', '09', '06', '03']);
    expect((await listTimeline('a', 50, { userId: 'u2', types: ['call'] })).rows.map((r) => r.at.slice(8, 10))).toEqual(['12', '06']);
    expect((await listContactTimeline('c2', 50)).rows.map((r) => r.at.slice(8, 10))).toEqual(['12', '08', '04']);
  });

  it('finds interactions by a contact name written like a business card, and by the beginnings of words', async () => {
    await logInteraction(input({ contactIds: ['c1'], summary: 'Preise besprochen' }));
    await logInteraction(input({ contactIds: ['c2'], summary: 'Wartungsvertrag für Müller-Anlage', at: '2026-11-21T09:00:00.000Z' }));
    await planAppointment(input({ contactIds: ['c1'], subject: 'Termin', at: '2026-12-01T09:00:00.000Z' }));
    // The writes read the people in their own transaction: nothing is left for later.
    expect(await getDb().interactions.where('wordsStale').equals(1).count()).toBe(0);
    expect((await searchHistory('Ivanov S. V.')).hits.map((h) => h.subject)).toEqual(['Termin', 'Besuch']);
    const text = await searchHistory('mueller wartung');
    expect(text.hits.map((h) => h.summary)).toEqual(['Wartungsvertrag für Müller-Anlage']);
    expect(text.hasMore).toBe(false);
    // Umlaut spellings meet, and the name of the contact counts as much as the text.
    expect((await searchHistory('weiss müller')).hits).toHaveLength(1);
    expect((await searchHistory('ivanov wartung')).hits).toHaveLength(0);
    // A contact added later is found as soon as an interaction with them is logged.
    await getDb().contacts.add({ ...contact('c3', 'b', 'Olga', 'Petrova'), updatedAt: 5 });
    await logInteraction(input({ accountId: 'b', contactIds: ['c3'] }));
    expect((await searchHistory('petrova')).hits).toHaveLength(1);
  });

  it('pages results newest first, across many words with the same beginning', async () => {
    const rows: Interaction[] = [];
    for (let i = 0; i < 30; i++) {
      const at = new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString();
      const summary = i % 3 === 0 ? 'Dachsanierung besprochen' : i % 3 === 1 ? 'Dachrinne geprüft' : 'Routine';
      rows.push({ ...input({ at, summary, contactIds: [] }), id: `r${i}`, status: 'done', createdAt: 0, updatedAt: 0 } as Interaction);
    }
    await getDb().interactions.bulkAdd(rows);
    const first = await searchHistory('dach', { limit: 5 });
    expect(first.hits.map((h) => h.id)).toEqual(['r28', 'r27', 'r25', 'r24', 'r22']);
    expect(first.hasMore).toBe(true);
    const all = await searchHistory('dach', { limit: 50 });
    expect(all.hits).toHaveLength(20);
    expect(all.hasMore).toBe(false);
    expect((await searchHistory('dachs geprueft')).hits).toHaveLength(0);
    expect((await searchHistory('nichts')).hits).toHaveLength(0);
  });

  it('leaves trashed interactions out and finds them again when restored', async () => {
    const row = await logInteraction(input({ summary: 'Heizlastberechnung geliefert' }));
    expect((await searchHistory('heizlast')).hits).toHaveLength(1);
    await getDb().interactions.update(row.id, { deletedAt: Date.now(), updatedAt: Date.now() + 1 });
    expect((await searchHistory('heizlast')).hits).toHaveLength(0);
    await getDb().interactions.update(row.id, { deletedAt: undefined, updatedAt: Date.now() + 2 });
    expect((await searchHistory('heizlast')).hits).toHaveLength(1);
  });
});
