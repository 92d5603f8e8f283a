import type { IsoDate } from '../../../shared/domain';

export const PERIOD_PRESETS = ['thisMonth', 'lastQuarter', 'thisYear', 'last12Months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period a preset stands for, relative to `today` (both ends included). */
export function presetPeriod(preset: PeriodPreset, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
    case 'lastQuarter': {
      const q = Math.floor((m - 1) / 3); // current quarter 0–3
      const qy = q === 0 ? y - 1 : y;
      const first = q === 0 ? 10 : (q - 1) * 3 + 1;
      return { from: `${qy}-${pad(first)}-01`, to: `${qy}-${pad(first + 2)}-${pad(lastDay(qy, first + 2))}` };
    }
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'last12Months': {
      const fy = m === 12 ? y : y - 1;
      const fm = m === 12 ? 1 : m + 1;
      return { from: `${fy}-${pad(fm)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
    }
  }
}
