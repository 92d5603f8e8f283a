import { describe, expect, it } from 'vitest';
import { presetPeriod } from './periods';

describe('period presets', () => {
  it('covers month, previous quarter (across the year), year and the last twelve months', () => {
    expect(presetPeriod('thisMonth', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastQuarter', '2026-11-23')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('lastQuarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('thisYear', '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('last12Months', '2026-11-23')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(presetPeriod('last12Months', '2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
