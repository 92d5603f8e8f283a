import type { IsoDate } from '../../../shared/domain';
import { ymdText } from '../../../shared/time';

export const PERIOD_PRESETS = ['thisMonth', 'lastQuarter', 'thisYear', 'last12Months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period a preset stands for, relative to `today` (both ends included). */
export function presetPeriod(preset: PeriodPreset, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: ymdText(y, m, 1), to: ymdText(y, m, lastDay(y, m)) };
    case 'lastQuarter': {
      const q = Math.floor((m - 1) / 3); // current quarter 0–3
      const qy = q === 0 ? y - 1 : y;
      const first = q === 0 ? 10 : (q - 1) * 3 + 1;
      return { from: ymdText(qy, first, 1), to: ymdText(qy, first + 2, lastDay(qy, first + 2)) };
    }
    case 'thisYear':
      return { from: ymdText(y, 1, 1), to: ymdText(y, 12, 31) };
    case 'last12Months': {
      const fy = m === 12 ? y : y - 1;
      const fm = m === 12 ? 1 : m + 1;
      return { from: ymdText(fy, fm, 1), to: ymdText(y, m, lastDay(y, m)) };
    }
  }
}
