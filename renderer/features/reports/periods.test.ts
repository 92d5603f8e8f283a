import { describe, expect, it } from 'vitest';
import { presetPeriod } from './periods';
import { asIsoDate } from '../../../shared/time';

describe('period presets', () => {
  it('covers month, previous quarter (across the year), year and the last twelve months', () => {
    expect(presetPeriod('thisMonth', asIsoDate('2026-02-10'))).toEqual({ from: asIsoDate('2026-02-01'), to: asIsoDate('2026-02-28') });
    expect(presetPeriod('lastQuarter', asIsoDate('2026-11-23'))).toEqual({ from: asIsoDate('2026-07-01'), to: asIsoDate('2026-09-30') });
    expect(presetPeriod('lastQuarter', asIsoDate('2026-02-01'))).toEqual({ from: asIsoDate('2025-10-01'), to: asIsoDate('2025-12-31') });
    expect(presetPeriod('thisYear', asIsoDate('2026-11-23'))).toEqual({ from: asIsoDate('2026-01-01'), to: asIsoDate('2026-12-31') });
    expect(presetPeriod('last12Months', asIsoDate('2026-11-23'))).toEqual({ from: asIsoDate('2025-12-01'), to: asIsoDate('2026-11-30') });
    expect(presetPeriod('last12Months', asIsoDate('2026-12-05'))).toEqual({ from: asIsoDate('2026-01-01'), to: asIsoDate('2026-12-31') });
  });
});
