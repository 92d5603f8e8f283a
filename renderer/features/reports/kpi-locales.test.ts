import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS } from '../../../shared/kpi/definitions';
import de from './locales/de.json';
import en from './locales/en.json';

type Texts = { kpi: Record<string, { name: string; definition: string }> };

// Every KPI of the catalogue has a name and a definition in both languages, and nothing stale.
describe('reports locales', () => {
  for (const [lang, texts] of [['de', de as Texts], ['en', en as Texts]] as const) {
    it(`${lang} names and defines every KPI`, () => {
      for (const def of KPI_DEFINITIONS) {
        const t = texts.kpi[def.id];
        expect(t?.name, `${lang} ${def.nameKey}`).toBeTruthy();
        expect(t?.definition, `${lang} ${def.definitionKey}`).toBeTruthy();
      }
      expect(Object.keys(texts.kpi).sort()).toEqual(KPI_DEFINITIONS.map((d) => d.id).sort());
    });
  }
  it('German texts are German (umlauts present, no English leftovers in names)', () => {
    expect((de as Texts).kpi.churn_rate?.name).toBe('Abwanderungsrate');
    expect((de as Texts).kpi.retention_rate?.name).toBe('Kundenbindungsrate');
    expect((de as Texts).kpi.customer_lifetime_value?.name).toBe('Kundenwert (CLV)');
  });
});
