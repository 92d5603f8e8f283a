import type { IsoDate } from '../domain/common';
import type { ReportData, ReportFilter } from './common';
import { asIsoDate, ymdText } from '../time';
import { addDays } from './dates';
import type { ReportOptions } from './report';
import { computeReport } from './report';

/** Timing of one report against the floor: a single plain pass over the same rows. */
export type ReportBench = {
  rows: { accounts: number; interactions: number; deals: number; sales: number };
  /** Median milliseconds of one plain pass reading one field per row. */
  floorMs: number;
  /** Median milliseconds of `computeReport` (all KPIs, no filter but the period). */
  reportMs: number;
  /** reportMs ÷ floorMs. */
  ratio: number;
  /** Median milliseconds with a rep and a country filter. */
  filteredMs: number;
};

// `performance` is a global in browsers, Electron and Node ≥ 16.
const now = (): number => performance.now();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

/**
 * The floor: touch every row once, reading a date and a number, the least any report must do.
 * Returns a checksum so the engine cannot drop the loop.
 */
export function plainPass(data: ReportData, from: IsoDate, to: IsoDate): number {
  let sum = 0;
  // Raw text compares on purpose (the floor does no day conversion): an instant against day text.
  const lo: string = from;
  const hi: string = to;
  for (const a of data.accounts) if (a.lifecycle === 'customer') sum += 1;
  for (const i of data.interactions) if (i.at >= lo && i.at <= hi) sum += 1;
  for (const d of data.deals) if (d.createdAt >= lo) sum += d.value;
  for (const s of data.sales) if (s.date >= from && s.date <= to) sum += s.amount;
  return sum;
}

/** Times `computeReport` against `plainPass`; `runs` repetitions each (median), after one warm-up. */
export function benchReports(data: ReportData, options: { today?: IsoDate; runs?: number } = {}): ReportBench {
  const today = options.today ?? asIsoDate('2026-11-23');
  const runs = options.runs ?? 5;
  const filter: ReportFilter = { from: ymdText(Number(today.slice(0, 4)), 1, 1), to: today };
  const firstRep = data.accounts[0]?.ownerId;
  // A stand-in rhythm rule (90 days) so coverage is timed too; the real one lives in shared/planning.
  const since: string = addDays(today, -90); // compared as text with instants: a stand-in, UTC is fine
  const opts: ReportOptions = { isWithinRhythm: (a) => a.lastHumanContactAt !== undefined && a.lastHumanContactAt >= since };
  const narrowed: ReportFilter = { ...filter, country: 'DE', ...(firstRep === undefined ? {} : { repId: firstRep }) };
  let sink = 0;
  const time = (fn: () => void): number => {
    fn();
    const xs: number[] = [];
    for (let r = 0; r < runs; r += 1) {
      const t0 = now();
      fn();
      xs.push(now() - t0);
    }
    return median(xs);
  };
  const floorMs = time(() => {
    sink += plainPass(data, filter.from, filter.to);
  });
  const reportMs = time(() => {
    sink += computeReport(data, filter, today, opts).leads.newLeads;
  });
  const filteredMs = time(() => {
    sink += computeReport(data, narrowed, today, opts).leads.newLeads;
  });
  if (sink === -1) throw new Error('unreachable');
  return {
    rows: { accounts: data.accounts.length, interactions: data.interactions.length, deals: data.deals.length, sales: data.sales.length },
    floorMs,
    reportMs,
    ratio: floorMs > 0 ? reportMs / floorMs : 0,
    filteredMs,
  };
}
