import { describe, expect, it } from 'vitest';
import { defaultRepWeek } from '../../../shared/planning/rep-week';
import { draftOf, weekOf } from './week-form';

describe('the My week form', () => {
  it('shows the road factor the German way and reads "1,3" back as 1.3', () => {
    const draft = draftOf(defaultRepWeek(), 'comma');
    expect(draft.roadFactor).toBe('1,3');
    const result = weekOf({ ...draft, roadFactor: '1,45', speedKmh: '72,5' }, 'comma');
    expect(result.ok && result.week).toMatchObject({ roadFactor: 1.45, speedKmh: 72.5 });
    expect(draftOf(defaultRepWeek(), 'dot').roadFactor).toBe('1.3');
  });

  it('refuses "1.3" in German (a dot only groups thousands there) and an empty speed', () => {
    const result = weekOf({ ...draftOf(defaultRepWeek(), 'comma'), roadFactor: '1.3', speedKmh: '' }, 'comma');
    expect(result.ok ? {} : result.errors).toEqual({ roadFactor: 'notANumber', speedKmh: 'required' });
  });

  it('leaves a blank address out, keeps a typed one, and ends at the start when asked', () => {
    const draft = draftOf(defaultRepWeek(), 'comma');
    expect(draft.endAtStart).toBe(true);
    const typed = { label: 'Büro', street: 'Königstraße 5', postalCode: '70173', city: 'Stuttgart', country: 'DE' };
    const result = weekOf({ ...draft, start: typed, end: { ...typed, label: 'Zuhause' }, endAtStart: true }, 'comma');
    expect(result.ok && result.week.start).toEqual(typed);
    expect(result.ok && result.week.end).toBeUndefined();
    const both = weekOf({ ...draft, start: typed, end: { ...typed, label: 'Zuhause' }, endAtStart: false }, 'comma');
    expect(both.ok && both.week.end?.label).toBe('Zuhause');
  });

  it('names the field of a visit length that is too short and of hours that cross', () => {
    const draft = draftOf(defaultRepWeek(), 'comma');
    const result = weekOf({ ...draft, visitMinutes: { ...draft.visitMinutes, C: '2' }, workStart: '18:00' }, 'comma');
    expect(result.ok ? {} : result.errors).toEqual({ 'visitMinutes.C': 'tooSmall', workEnd: 'endBeforeStart' });
  });

  it('round-trips a stored week', () => {
    const week = { ...defaultRepWeek(), holidayRegion: { country: 'AT', state: '9' }, christmasEveOff: false };
    const result = weekOf(draftOf(week, 'comma'), 'comma');
    expect(result.ok && result.week).toEqual(week);
  });
});
