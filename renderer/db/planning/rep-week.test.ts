import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRepWeek, type RepWeek } from '../../../shared/planning/rep-week';
import { asIsoDate } from '../../../shared/time';
import { RefusedError } from '../../../shared/validation/result';
import { readRepWeek, validateRepWeek } from '../../../shared/validation/rep-week';
import { getDb, openDb, useDatabase } from '../core/db';
import { updateMember } from '../team/team';
import { makeAccount } from '../../../shared/planning/fixtures';
import { generateActivityTasks, saveActivityPlan } from './planning';
import { loadDaysOffDates, loadRepWeek, saveRepWeek } from './rep-week';

const REP = 'rep-1';
const week = (over: Partial<RepWeek> = {}): RepWeek => ({ ...defaultRepWeek(), ...over });

describe('a rep\'s week, stored on their team member', () => {
  beforeEach(async () => {
    useDatabase(openDb(`rep-week-${crypto.randomUUID()}`));
    await getDb().teamMembers.add({ id: REP, name: 'Jörg Weiß', initials: 'JW', color: '#2f6f9f', role: 'rep', email: '', active: true, updatedAt: 1 });
  });

  it('reads the defaults while nothing is saved, and writes nothing for them', async () => {
    expect(await loadRepWeek(REP)).toEqual(defaultRepWeek());
    expect((await getDb().teamMembers.get(REP))?.week).toBeUndefined();
  });

  it('saves and reads back a week; absences are sorted and unique', async () => {
    const mine = week({
      start: { label: 'Büro', street: 'Marienplatz 1', postalCode: '80331', city: 'München', country: 'de' },
      workStart: '07:30', roadFactor: 1.4, holidayRegion: { country: 'DE', state: 'BY' },
      absences: [asIsoDate('2026-08-14'), asIsoDate('2026-08-10'), asIsoDate('2026-08-14')],
    });
    await saveRepWeek(REP, mine);
    const back = await loadRepWeek(REP);
    expect(back.start).toEqual({ label: 'Büro', street: 'Marienplatz 1', postalCode: '80331', city: 'München', country: 'DE' });
    expect(back.absences).toEqual(['2026-08-10', '2026-08-14']);
    expect(back).toMatchObject({ workStart: '07:30', roadFactor: 1.4, holidayRegion: { country: 'DE', state: 'BY' } });
  });

  it('refuses hours that end before they start, a road factor below 1 and a visit of 0 minutes', async () => {
    const bad = week({ workStart: '17:00', workEnd: '08:00', roadFactor: 0.8, visitMinutes: { A: 0, B: 45, C: 45, D: 30 } });
    const result = validateRepWeek(bad);
    expect(result.ok ? {} : result.errors).toEqual({ workEnd: 'endBeforeStart', roadFactor: 'tooSmall', 'visitMinutes.A': 'tooSmall' });
    await expect(saveRepWeek(REP, bad)).rejects.toBeInstanceOf(RefusedError);
    expect(await loadRepWeek(REP)).toEqual(defaultRepWeek());
  });

  it('reads a row from a newer or hand-edited version field by field', () => {
    const read = readRepWeek({ workStart: '25:00', speedKmh: 80, absences: ['14.08.2026'], visitMinutes: { A: 90 }, future: true });
    expect(read).toEqual({ ...defaultRepWeek(), speedKmh: 80 });
    expect(readRepWeek({ workStart: '18:00' })).toEqual(defaultRepWeek());
    expect(readRepWeek('nonsense')).toEqual(defaultRepWeek());
  });

  it('keeps the week when a team lead edits the member\'s name', async () => {
    await saveRepWeek(REP, week({ minDriveMinutes: 15 }));
    const r = await updateMember(REP, { name: 'Jörg Weiß-Müller', initials: 'JW', color: '#2f6f9f', role: 'rep', email: '', active: true });
    expect(r.ok).toBe(true);
    expect((await loadRepWeek(REP)).minDriveMinutes).toBe(15);
  });

  it('gives the planners the rep\'s days off', async () => {
    await saveRepWeek(REP, week({ holidayRegion: { country: 'DE', state: 'BY' }, absences: [asIsoDate('2026-06-05')] }));
    expect(await loadDaysOffDates(REP, asIsoDate('2026-06-01'), asIsoDate('2026-06-07'))).toEqual(['2026-06-04', '2026-06-05']);
    expect(await loadDaysOffDates('nobody', asIsoDate('2026-06-01'), asIsoDate('2026-06-07'))).toEqual([]);
  });

  it('puts no activity-plan task on the owner\'s days off', async () => {
    const db = getDb();
    await db.teamMembers.add({ id: 'rep-ni', name: 'Nina Meyer', initials: 'NM', color: '#9f4f2f', role: 'rep', email: '', active: true, updatedAt: 1 });
    // Both are away all June except Thursday 4th (Fronleichnam) and Tuesday 30th; the Bavarian also on 28/29 December.
    const june = Array.from({ length: 29 }, (_, i) => asIsoDate(`2026-06-${String(i + 1).padStart(2, '0')}`)).filter((d) => d !== '2026-06-04');
    await saveRepWeek(REP, week({ holidayRegion: { country: 'DE', state: 'BY' }, absences: [...june, asIsoDate('2026-12-28'), asIsoDate('2026-12-29')] }));
    await saveRepWeek('rep-ni', week({ holidayRegion: { country: 'DE', state: 'NI' }, absences: june }));
    await db.accounts.bulkAdd([
      ...Array.from({ length: 60 }, (_, i) => makeAccount({ id: `by-${i}`, ownerId: REP })),
      ...Array.from({ length: 60 }, (_, i) => makeAccount({ id: `ni-${i}`, ownerId: 'rep-ni' })),
    ]);
    const plan = await saveActivityPlan({ segment: 'A-expand', name: 'Besuch', enabled: true, steps: [{ quarter: 2, type: 'visit', title: 'Sommerbesuch' }, { quarter: 4, type: 'visit', title: 'Jahresabschluss' }] });
    expect(await generateActivityTasks(plan.id, 2026, { from: asIsoDate('2026-06-01') })).toBe(240);
    const tasks = await db.interactions.where('sourceKey').startsWith(`plan:${plan.id}:`).toArray();
    const daysOf = (owner: string, title: string) => new Set(tasks.filter((t) => t.userId === owner && t.subject === title).map((t) => t.at.slice(0, 10)));
    // Bavaria: Fronleichnam is off, so every June task lands on the 30th; Lower Saxony works on the 4th.
    expect([...daysOf(REP, 'Sommerbesuch')]).toEqual(['2026-06-30']);
    expect([...daysOf('rep-ni', 'Sommerbesuch')].sort()).toEqual(['2026-06-04', '2026-06-30']);
    const winter = daysOf(REP, 'Jahresabschluss');
    for (const off of ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-31']) expect(winter.has(off), off).toBe(false);
  });
});
