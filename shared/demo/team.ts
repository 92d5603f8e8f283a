import type { LeadSource, LeadSourceKind, TeamMember } from '../domain';
import { dayOf, isoDate, yearOf } from './dates';
import { asciiSlug, initialsOf } from './names';
import { IdMaker, Rng, TABLE } from './prng';
import { ymdText } from '../time';

/** Owner index used in ids of rows that belong to no account (team, lead sources). */
export const GLOBAL_OWNER = 0xffffffff;

/** Mail domain of the demo wholesaler, "Wärmewerk Ruhr GmbH". */
export const OWN_DOMAIN = 'waermewerk-ruhr.de';

const COLLEAGUES: readonly { name: string; role: TeamMember['role'] }[] = [
  { name: 'Björn Weiß', role: 'rep' },
  { name: 'Aylin Öztürk', role: 'rep' },
  { name: 'Jürgen Krämer', role: 'rep' },
  { name: 'Sabine Hoffmann', role: 'lead' },
];
const COLORS = ['#1f6feb', '#d1495b', '#2a9d8f', '#8e6ac8', '#e07a1f'] as const;

/**
 * Five team members, the seat's own user first. Members 0–2 look after Expand accounts and 3–4
 * (the team lead among them) after Maintain accounts, as the product brief suggests.
 */
export function teamMembers(seed: number, selfName: string, stamp: number): TeamMember[] {
  const ids = new IdMaker(seed, GLOBAL_OWNER, new Rng(seed, 0x7ea3));
  const people = [{ name: selfName, role: 'rep' as const }, ...COLLEAGUES];
  return people.map((p, i) => {
    const words = p.name.trim().split(/\s+/);
    const local = [words[0], words[words.length - 1]].map((w) => asciiSlug(w ?? '')).filter(Boolean).join('.');
    return {
      id: ids.next(TABLE.team),
      updatedAt: stamp,
      name: p.name,
      initials: initialsOf(p.name),
      color: COLORS[i % COLORS.length] as string,
      role: p.role,
      email: `${local || 'team'}@${OWN_DOMAIN}`,
      active: true,
    };
  });
}

type SourceTemplate = {
  name: string;
  kind: LeadSourceKind;
  cost: number;
  /** Month and day the campaign starts each year; absent for permanent sources. */
  start?: readonly [number, number];
  /** Length in days. */
  days?: number;
  /** How many yearly occurrences (the most recent ones) to create. */
  times?: number;
};

const SOURCES: readonly SourceTemplate[] = [
  { name: 'SHK+E Essen {year}', kind: 'trade_fair', cost: 24_000, start: [3, 10], days: 4, times: 2 },
  { name: 'ISH Frankfurt {year}', kind: 'trade_fair', cost: 42_000, start: [3, 17], days: 5 },
  { name: 'Google Ads Wärmepumpe {year}', kind: 'campaign', cost: 12_000, start: [9, 1], days: 90 },
  { name: 'Mailing Heizungsmodernisierung {year}', kind: 'campaign', cost: 4_500, start: [10, 1], days: 30 },
  { name: 'Anzeige SBZ Fachmagazin {year}', kind: 'advert', cost: 7_800, start: [1, 15], days: 60 },
  { name: 'Handwerkerabend {year}', kind: 'other', cost: 3_200, start: [11, 10], days: 1 },
  { name: 'Website-Kontaktformular', kind: 'website', cost: 6_000 },
  { name: 'Empfehlung durch Kunden', kind: 'referral', cost: 1_500 },
  { name: 'Kaltakquise Außendienst', kind: 'cold_call', cost: 9_000 },
];

/** A lead source with its period as epoch days, for choosing sources that fit a lead's date. */
export type SourceInfo = { source: LeadSource; startDay?: number; endDay?: number; weight: number };

const KIND_WEIGHT: Record<LeadSourceKind, number> = {
  trade_fair: 4, campaign: 3, advert: 1, other: 1, website: 4, referral: 3, cold_call: 2,
};

/** Lead sources; dated ones are their most recent occurrences that ended at least 45 days ago. */
export function leadSources(seed: number, todayDay: number, stamp: number): SourceInfo[] {
  const ids = new IdMaker(seed, GLOBAL_OWNER, new Rng(seed, 0x50c3));
  const out: SourceInfo[] = [];
  for (const t of SOURCES) {
    if (!t.start) {
      const source: LeadSource = { id: ids.next(TABLE.leadSource), updatedAt: stamp, name: t.name, kind: t.kind, cost: t.cost };
      out.push({ source, weight: KIND_WEIGHT[t.kind] });
      continue;
    }
    let year = yearOf(todayDay);
    const startIn = (y: number) => dayOf(ymdText(y, t.start?.[0] ?? NaN, t.start?.[1] ?? NaN));
    while (startIn(year) + (t.days ?? 1) > todayDay - 45) year--;
    for (let k = 0; k < (t.times ?? 1); k++) {
      const startDay = startIn(year - k);
      const endDay = startDay + (t.days ?? 1) - 1;
      const source: LeadSource = {
        id: ids.next(TABLE.leadSource),
        updatedAt: stamp,
        name: t.name.replace('{year}', String(year - k)),
        kind: t.kind,
        cost: t.cost,
        periodStart: isoDate(startDay),
        periodEnd: isoDate(endDay),
      };
      out.push({ source, startDay, endDay, weight: KIND_WEIGHT[t.kind] });
    }
  }
  return out;
}
