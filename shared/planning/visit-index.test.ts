import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { makeAccount, seededRandom } from './fixtures';
import { coverageState, DEFAULT_RHYTHMS, rhythmTable } from './rhythm';
import { toDayNumber, zoneClock } from './calendar';
import { asIsoDate, MS_PER_DAY } from '../time';
import { ALL_OWNERS, visitKeys, visitSpans } from './visit-index';

const TODAY = asIsoDate('2026-03-30');
const ZONES = ['Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];

describe('the visit index', () => {
  it('is due below sureDue and within its rhythm from sureOk on, in every zone (the exact rules decide in between)', () => {
    const rnd = seededRandom(7);
    const table = rhythmTable([{ id: 'r', category: 'B', accountType: 'maintain', humanDays: 20, digitalDays: 0, updatedAt: 0 }]);
    const t = toDayNumber(TODAY);
    const spans = new Map(visitSpans(table, t).map((s) => [s.group, s]));
    const clocks = ZONES.map((tz) => zoneClock(tz));
    let due = 0;
    let near = 0;
    for (let n = 0; n < 5000; n++) {
      const own = rnd() < 0.3 ? { rhythm: { humanDays: 1 + Math.floor(rnd() * 120) } } : {};
      const at = new Date(Date.parse('2026-03-30T12:00:00.000Z') - rnd() * 400 * MS_PER_DAY).toISOString();
      const a = makeAccount({ id: `a${n}`, category: (['A', 'B', 'C', 'D'] as const)[n % 4], accountType: n % 3 ? 'maintain' : 'expand', lastHumanContactAt: at as Account['lastHumanContactAt'], ...own });
      const [owner, group, key] = visitKeys(a)![0]!;
      expect(owner).toBe(ALL_OWNERS);
      const span = spans.get(group)!;
      for (const clock of clocks) {
        const state = coverageState(a, table, t, clock)!;
        const isDue = state.status !== 'ok';
        if (key < span.sureDue) expect(isDue).toBe(true);
        if (key >= span.sureOk) expect(isDue).toBe(false);
        if (isDue) due++;
        if (key >= span.sureDue && key < span.sureOk) near++;
      }
    }
    // Both sides were seen, and the span the exact rules decide on is a small part of the base.
    expect(due).toBeGreaterThan(5000);
    expect(near / (5000 * ZONES.length)).toBeLessThan(0.05);
  });

  it('leaves out what is on no human rhythm and keys the owner besides everyone', () => {
    expect(visitKeys(makeAccount({ lifecycle: 'lead' }))).toBeUndefined();
    expect(visitKeys(makeAccount({ archived: true }))).toBeUndefined();
    expect(visitKeys(makeAccount({ rhythm: { humanDays: 0 } }))).toBeUndefined();
    expect(visitKeys(makeAccount({ ownerId: 'jörg', lastHumanContactAt: undefined }))).toEqual([[ALL_OWNERS, 't:A-expand', -Infinity], ['jörg', 't:A-expand', -Infinity]]);
    expect(visitKeys(makeAccount({ ownerId: 'jörg', lastHumanContactAt: '1970-01-01T00:00:00.000Z' as Account['lastHumanContactAt'], rhythm: { humanDays: 2 } })))
      .toEqual([[ALL_OWNERS, 'o:A-expand', 2 * MS_PER_DAY], ['jörg', 'o:A-expand', 2 * MS_PER_DAY]]);
    // A segment rule without a human rhythm has no span to read.
    const off = rhythmTable([{ id: 'r', category: 'D', accountType: 'maintain', humanDays: 0, digitalDays: 90, updatedAt: 0 }], DEFAULT_RHYTHMS);
    expect(visitSpans(off, 0).map((s) => s.group)).not.toContain('t:D-maintain');
  });
});
