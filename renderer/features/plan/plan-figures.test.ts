import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from './locales/de.json';
import en from './locales/en.json';
import type { WeekPlan } from '../../../shared/planning/week-plan';
import { scheduleOf, weekTotals } from '../../../shared/planning/week-plan-visits';
import { asIsoDate } from '../../../shared/time';
import { formatters } from '../../i18n/format';
import { dayFigures, leftOutText, weekFigures } from './plan-figures';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'de', resources: { de: { plan: de }, en: { plan: en } }, ns: ['plan'], defaultNS: 'plan', interpolation: { escapeValue: false } });
const t = i18n.getFixedT('de', 'plan');
const fmt = formatters('de');

const plan: WeekPlan = {
  rep: 'r', isoYear: 2026, isoWeek: 50, unplanned: 0,
  days: [
    { date: asIsoDate('2026-12-07'), km: 1234.4, driveMinutes: 135, back: '17:40', areas: [{ areaKey: '34 Kassel', entries: [
      { accountId: 'a', reason: 'appointment', time: '10:30', start: '10:30', end: '11:30', waitMinutes: 20 },
    ] }] },
    { date: asIsoDate('2026-12-08'), areas: [{ areaKey: '34 Kassel', entries: [{ accountId: 'b', reason: 'due' }] }] },
  ],
};

describe('plan figures', () => {
  it('writes a day the way the route sheet reads, leaving out what is unknown', () => {
    const [mon, tue] = scheduleOf(plan);
    expect(mon && dayFigures(t, fmt, mon)).toBe('1.234 km Strecke · 2 h 15 min Fahrzeit · 20 min Wartezeit · zurück 17:40');
    expect(tue && dayFigures(t, fmt, tue)).toBe('');
    expect(weekFigures(t, fmt, weekTotals(scheduleOf(plan)))).toBe('Woche gesamt: 2 Besuche · 1.234 km Strecke · 2 h 15 min Fahrzeit · 20 min Wartezeit');
  });

  it('names who was left out, the first three, and counts the rest', () => {
    const names = new Map([['a', 'Müller GmbH'], ['b', 'Weber & Söhne'], ['c', 'Bäckerei Weiß'], ['d', 'Schulze Bau KG'], ['e', 'Öztürk OHG']]);
    const left = [...names.keys()].map((accountId, i) => ({ accountId, reason: i === 1 ? 'not_placed' as const : 'capacity' as const, entryReason: 'due' as const }));
    expect(leftOutText(t, left, (id) => names.get(id))).toBe(
      'Nicht eingeplant: Müller GmbH (kein Platz mehr), Weber & Söhne (Ort unbekannt), Bäckerei Weiß (kein Platz mehr) … und 2 weitere',
    );
    expect(leftOutText(t, left.slice(0, 4), (id) => names.get(id))).toMatch(/… und 1 weiterer$/);
    expect(leftOutText(t, left.slice(0, 2), (id) => names.get(id))).toBe('Nicht eingeplant: Müller GmbH (kein Platz mehr), Weber & Söhne (Ort unbekannt)');
    expect(leftOutText(t, [], () => undefined)).toBe('');
    expect(leftOutText(i18n.getFixedT('en', 'plan'), left.slice(0, 1), (id) => names.get(id))).toBe('Not planned: Müller GmbH (no room left)');
  });
});
