import { describe, expect, it } from 'vitest';
import { checkLeadScoreBands, DEFAULT_LEAD_SCORE_BANDS, leadBand, parseLeadScoreBands } from './bands';

describe('lead-score bands', () => {
  it('puts a score in its band, limits inclusive from below', () => {
    const bands = { hot: 50, warm: 25 };
    expect(leadBand(50, bands)).toBe('hot');
    expect(leadBand(49, bands)).toBe('warm');
    expect(leadBand(25, bands)).toBe('warm');
    expect(leadBand(24, bands)).toBe('cold');
    // Cold leads are pushed below zero by the no-contact rule.
    expect(leadBand(-20, bands)).toBe('cold');
    expect(leadBand(0, { hot: 10, warm: -5 })).toBe('warm');
  });

  it('reads stored limits, falling back to the defaults for anything unusable', () => {
    expect(parseLeadScoreBands({ hot: 70, warm: 30 })).toEqual({ hot: 70, warm: 30 });
    expect(parseLeadScoreBands(undefined)).toEqual(DEFAULT_LEAD_SCORE_BANDS);
    expect(parseLeadScoreBands({ hot: 30, warm: 30 })).toEqual(DEFAULT_LEAD_SCORE_BANDS);
    expect(parseLeadScoreBands({ hot: '70', warm: 30 })).toEqual(DEFAULT_LEAD_SCORE_BANDS);
    expect(parseLeadScoreBands({ hot: Infinity, warm: 30 })).toEqual(DEFAULT_LEAD_SCORE_BANDS);
  });

  it('says why limits cannot be saved', () => {
    expect(checkLeadScoreBands({ hot: 60, warm: 20 })).toBe('ok');
    expect(checkLeadScoreBands({ hot: 20, warm: 20 })).toBe('warmNotBelowHot');
    expect(checkLeadScoreBands({ hot: Number.NaN, warm: 20 })).toBe('notNumbers');
  });
});
