import { beforeEach, describe, expect, it } from 'vitest';
import { computeReminders, DEFAULT_REMINDER_SETTINGS } from '../../../shared/planning/reminders';
import { makeAccount, makeContact, makeDeal, makeInteraction } from '../../../shared/planning/fixtures';
import { proposeWeekPlan } from '../../../shared/planning/week-plan';
import { dropEntry } from '../../../shared/planning/week-plan-edit';
import { getDb, openDb, useDatabase } from '../core/db';
import {
  generateActivityTasks, getPlanningSettings, listSegmentRules, loadRhythmTable, markReminderDone, saveActivityPlan,
  savePlanningSettings, saveRhythmOverride, saveSegmentRule, snoozeReminder,
} from './planning';
import { addNotified, getNotified, loadPlanDetails, loadReminderInput, loadWeekInteractions, loadWeekPlan, saveWeekPlan } from './load';
import { asIsoDate } from '../../../shared/time';

const TODAY = asIsoDate('2026-11-23');

describe('planning storage', () => {
  beforeEach(async () => {
    useDatabase(openDb(`planning-${crypto.randomUUID()}`));
    const db = getDb();
    await db.accounts.bulkAdd([
      makeAccount({ id: 'a1', lastHumanContactAt: '2026-09-01T09:00:00.000Z' }), // A-expand, 42 days: overdue
      makeAccount({ id: 'a2', category: 'D', accountType: 'maintain', lastHumanContactAt: '2026-11-01T09:00:00.000Z' }),
      makeAccount({ id: 'a3', ownerId: 'rep-2', lastHumanContactAt: '2026-01-01T09:00:00.000Z' }),
    ]);
    await db.contacts.bulkAdd([
      makeContact({ id: 'c1', accountId: 'a1', birthday: { day: 25, month: 11, year: 1970 } }),
      makeContact({ id: 'c2', accountId: 'a2', birthday: { day: 1, month: 6 } }),
    ]);
    await db.interactions.bulkAdd([
      makeInteraction({ id: 'i1', accountId: 'a2', at: '2026-11-01T09:00:00.000Z', followUpDate: asIsoDate('2026-11-20'), nextStep: 'Angebot nachfassen' }),
      makeInteraction({ id: 'i2', accountId: 'a1', type: 'complaint', at: '2026-11-02T09:00:00.000Z', complaint: { status: 'open', ownerId: 'rep-1', resolution: '' } }),
      makeInteraction({ id: 'i3', accountId: 'a2', status: 'planned', at: '2026-11-25T09:00:00.000Z' }),
    ]);
    await db.deals.add(makeDeal({ id: 'd1', accountId: 'a2', offerSentAt: '2026-10-20T08:00:00.000Z' }));
  });

  it('reads the eight default rules without writing them and saves edits and overrides', async () => {
    expect(await listSegmentRules()).toHaveLength(8); // defaults, never written (a joining laptop must not win with them)
    const rules = await listSegmentRules();
    expect(rules[0]).toMatchObject({ id: 'A-expand', humanDays: 42, digitalDays: 14 });
    expect(await getDb().segmentRules.count()).toBe(0);
    await saveSegmentRule('A', 'expand', 30, 10);
    expect(await getDb().segmentRules.count()).toBe(1); // only the chosen row
    expect((await listSegmentRules())[0]).toMatchObject({ humanDays: 30, digitalDays: 10 });
    expect((await loadRhythmTable())['A-expand']).toEqual({ humanDays: 30, digitalDays: 10 });
    await expect(saveSegmentRule('A', 'expand', -1, 10)).rejects.toThrow();
    await saveRhythmOverride('a1', 14, undefined);
    expect((await getDb().accounts.get('a1'))?.rhythm).toEqual({ humanDays: 14 });
    await saveRhythmOverride('a1', undefined, undefined);
    expect((await getDb().accounts.get('a1'))?.rhythm).toBeUndefined();
  });

  it('loads reminder inputs through the indexes and keeps done/snoozed states', async () => {
    const input = await loadReminderInput(TODAY, 'rep-1', 7, 3);
    expect(input.accounts.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    expect(input.contacts.map((c) => c.id)).toEqual(['c1']); // June birthday is outside the window
    const kinds = computeReminders(input, TODAY, DEFAULT_REMINDER_SETTINGS).map((r) => r.kind).sort();
    expect(kinds).toEqual(['birthday', 'complaint_open', 'follow_up', 'offer_no_follow_up', 'overdue']);

    const reminders = computeReminders(input, TODAY);
    const birthday = reminders.find((r) => r.kind === 'birthday');
    const overdue = reminders.find((r) => r.kind === 'overdue');
    await markReminderDone(birthday?.key ?? '');
    await snoozeReminder(overdue?.key ?? '', new Date('2026-11-30T08:00:00.000Z'));
    const after = computeReminders(await loadReminderInput(TODAY, 'rep-1', 7, 3), TODAY).map((r) => r.kind);
    expect(after).not.toContain('birthday');
    expect(after).not.toContain('overdue');
    const later = computeReminders(await loadReminderInput(asIsoDate('2026-12-01'), 'rep-1', 7, 3), asIsoDate('2026-12-01')).map((r) => r.kind);
    expect(later).toContain('overdue');
  });

  it('builds, saves and reloads an edited week plan with print details', async () => {
    const week = await loadWeekInteractions('rep-1', 2026, 48);
    expect(week.interactions.map((i) => i.id)).toContain('i3');
    const reminders = computeReminders(await loadReminderInput(TODAY, 'rep-1', 7, 3), TODAY);
    const plan = proposeWeekPlan({
      rep: 'rep-1', isoYear: 2026, isoWeek: 48, accounts: await getDb().accounts.toArray(), interactions: week.interactions,
      contactsByAccount: week.contactsByAccount, reminders, rhythms: await loadRhythmTable(), maxVisitsPerDay: 5, tz: 'Europe/Berlin',
    });
    const ids = plan.days.flatMap((d) => d.areas.flatMap((a) => a.entries.map((e) => e.accountId)));
    expect(ids.sort()).toEqual(['a1', 'a2']);
    await saveWeekPlan(dropEntry(plan, 'a1'));
    const saved = await loadWeekPlan('rep-1', 2026, 48);
    expect(saved?.days.flatMap((d) => d.areas.flatMap((a) => a.entries.map((e) => e.accountId)))).toEqual(['a2']);
    expect(await loadWeekPlan('rep-1', 2026, 49)).toBeNull();

    const details = await loadPlanDetails(['a1', 'a2'], Date.parse(TODAY));
    expect(details.get('a1')?.openComplaints.map((c) => c.id)).toEqual(['i2']);
    expect(details.get('a2')?.nextStep?.id).toBe('i1');
    expect(details.get('a2')?.openOffers.map((d) => d.id)).toEqual(['d1']);
  });

  it('generates activity-plan tasks idempotently by source key', async () => {
    const plan = await saveActivityPlan({
      segment: 'A-expand', name: 'Expand A', enabled: true,
      steps: [{ quarter: 1, type: 'visit', title: 'Roadmap-Review' }, { quarter: 4, type: 'meeting', title: 'Business Review' }],
    });
    expect(await generateActivityTasks(plan.id, 2027, { userId: 'rep-1' })).toBe(4); // a1 and a3, two steps
    expect(await generateActivityTasks(plan.id, 2027)).toBe(0);
    const tasks = await getDb().interactions.where('sourceKey').startsWith(`plan:${plan.id}:2027:`).toArray();
    expect(tasks).toHaveLength(4);
    expect(tasks.every((t) => t.status === 'planned')).toBe(true);
    expect(await generateActivityTasks(plan.id, 2028, { from: asIsoDate('2028-10-01') })).toBe(2); // only Q4 is left
  });

  it('stores planning settings and notified keys', async () => {
    expect((await getPlanningSettings()).birthdayLeadDays).toBe(7);
    await savePlanningSettings({ birthdayLeadDays: 14, notifyHour: 9 });
    expect(await getPlanningSettings()).toMatchObject({ birthdayLeadDays: 14, notifyHour: 9, maxVisitsPerDay: 5 });
    await addNotified(['k1', 'k2'], TODAY);
    await addNotified(['k2', 'k3']);
    expect(await getNotified()).toEqual({ keys: ['k1', 'k2', 'k3'], lastDaily: TODAY });
  });
});
