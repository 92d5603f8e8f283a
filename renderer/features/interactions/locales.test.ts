import { describe, expect, it } from 'vitest';
import briefingDe from '../briefing/locales/de.json';
import briefingEn from '../briefing/locales/en.json';
import de from './locales/de.json';
import en from './locales/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('interaction and briefing texts', () => {
  it('have the same keys in German and English, none empty', () => {
    expect(keys(en)).toEqual(keys(de));
    expect(keys(briefingEn)).toEqual(keys(briefingDe));
    for (const text of [de, en, briefingDe, briefingEn].flatMap((o) => JSON.stringify(o).match(/":""/g) ?? [])) expect(text).toBe('');
  });
});
