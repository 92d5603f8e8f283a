/**
 * A rep's week (start point, hours, days off) travels with their team member row: the team lead's
 * laptop and a laptop joining later plan with the same week, and opening the form on a new laptop
 * (which shows the defaults) never overwrites what the rep chose.
 */
import { describe, expect, it } from 'vitest';
import { laptopTeam, type Laptop } from './laptops.test-support';
import { MemoryFolder } from '../../shared/sync/memory-folder';
import { defaultRepWeek } from '../../shared/planning/rep-week';
import { asIsoDate } from '../../shared/time';
import { useDatabase } from '../../renderer/db/core/db';
import { loadRepWeek, saveRepWeek } from '../../renderer/db/planning/rep-week';
import { createSelf } from '../../renderer/db/team/team';

const laptops = laptopTeam('rep-week');

async function on<T>(l: Laptop, fn: () => Promise<T>): Promise<T> {
  useDatabase(l.db);
  return fn();
}

async function syncAll(...ls: Laptop[]) {
  for (const l of ls) expect((await l.sync.sync()).problems.filter((p) => p.level === 'error')).toEqual([]);
}

describe('a rep\'s week across laptops', () => {
  it('reaches the team lead and a late joiner, and the lead\'s change comes back', async () => {
    const folder = new MemoryFolder();
    const rep = laptops.laptop('rep', folder);
    const me = await on(rep, () => createSelf('Jörg Weiß'));
    await on(rep, () => saveRepWeek(me.id, { ...defaultRepWeek(), holidayRegion: { country: 'DE', state: 'SN' }, workStart: '07:00' }));
    await syncAll(rep);

    laptops.advance(60_000);
    const lead = laptops.laptop('lead', folder);
    await syncAll(lead);
    // Opening the form reads the week; the lead then enters the rep's holiday.
    expect((await on(lead, () => loadRepWeek(me.id))).holidayRegion).toEqual({ country: 'DE', state: 'SN' });
    laptops.advance(60_000);
    const edited = { ...(await on(lead, () => loadRepWeek(me.id))), absences: [asIsoDate('2026-08-10')] };
    await on(lead, () => saveRepWeek(me.id, edited));
    await syncAll(lead, rep);
    expect(await on(rep, () => loadRepWeek(me.id))).toEqual(edited);

    laptops.advance(60_000);
    const late = laptops.laptop('late', folder);
    // Before its first sync the late laptop shows defaults; reading them writes nothing to lose against.
    expect(await on(late, () => loadRepWeek(me.id))).toEqual(defaultRepWeek());
    await syncAll(late, rep, late);
    for (const l of [rep, lead, late]) expect(await on(l, () => loadRepWeek(me.id))).toEqual(edited);
  });
});
