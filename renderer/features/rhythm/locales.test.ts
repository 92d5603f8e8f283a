import { describe, expect, it } from 'vitest';
import planDe from '../plan/locales/de.json';
import planEn from '../plan/locales/en.json';
import remindersDe from '../reminders/locales/de.json';
import remindersEn from '../reminders/locales/en.json';
import de from './locales/de.json';
import en from './locales/en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

// German and English are both complete for the planning features, and no text is empty.
describe('planning locales', () => {
  const pairs = { rhythm: [de, en], reminders: [remindersDe, remindersEn], plan: [planDe, planEn] } as const;
  for (const [feature, [g, e]] of Object.entries(pairs)) {
    it(`${feature}: de and en have the same keys`, () => {
      expect(keys(e)).toEqual(keys(g));
      expect(JSON.stringify([g, e])).not.toMatch(/""/);
    });
  }
});
