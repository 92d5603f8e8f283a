import type { GeoAddress, GeoPlace, Geocoder } from './types';
import { decodeTown, type GeoTable, type GeoTown } from './table';
import { qualifierFits, townParts } from './names';
import { foldForSearch } from '../text/normalize';

/**
 * Offline geocoding from the place table (shared/geo/table.ts). What it trusts, in order:
 *
 * 1. The postcode, when the table knows it (German postcodes). It wins even when the town typed beside it
 *    names another place: a postcode is a number someone copied from a letterhead, a town is often the
 *    rep's shorthand ("Frankfurt" for Offenbach, the old village name after a merger), so the postcode is
 *    the likelier truth. The place's label then names the postcode's town, so the user sees what was used.
 * 2. The town's name, folded ("muenchen", "MÜNCHEN", "Frankfurt a. M.", "St. Gallen"): the whole name, else
 *    its base with a qualifier that fits; among equal names the bigger town (more postcodes) wins.
 *
 * Austrian and Swiss postcodes are parsed and kept in the label, but the data has no AT/CH postcode list, so
 * those addresses are placed by their town. The table holds town points only, so every place's precision
 * is 'town', also when the postcode found it.
 */
export function createGeocoder(table: GeoTable): Geocoder {
  const towns = table.towns.map(decodeTown);
  const byKey = new Map<string, GeoTown[]>();
  const byBase = new Map<string, GeoTown[]>();
  const qualifiers = new Map<GeoTown, string[]>();
  for (const t of towns) {
    const { key, base, qualifier } = townParts(t.name);
    qualifiers.set(t, qualifier);
    add(byKey, `${t.country}|${key}`, t);
    add(byBase, `${t.country}|${base}`, t);
  }
  // Of the exact name and the same base with a fitting qualifier, the biggest town (lowest index): "Halle" is
  // Halle (Saale), not the small Halle in Westfalen that happens to be spelled exactly so.
  const lookUp = (country: string, city: string): GeoTown | undefined => {
    const { key, base, qualifier } = townParts(city);
    const fits = (byBase.get(`${country}|${base}`) ?? []).find((t) => {
      const own = qualifiers.get(t) ?? [];
      return qualifier.length === 0 || own.length === 0 || qualifierFits(qualifier, own);
    });
    const exact = byKey.get(`${country}|${key}`)?.[0];
    return exact && fits ? (exact.index < fits.index ? exact : fits) : (exact ?? fits);
  };
  // Accounts repeat their towns: fold each distinct spelling once (100k accounts in well under a second).
  const memo = new Map<string, GeoTown | null>();
  const townByName = (country: string, city: string): GeoTown | undefined => {
    const key = `${country}|${city}`;
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = lookUp(country, city) ?? null;
      if (memo.size < 200_000) memo.set(key, hit);
    }
    return hit ?? undefined;
  };

  const place = (country: string, code: string, city: string): GeoPlace | undefined => {
    const index = code === '' ? undefined : table.postcodes[country]?.[code];
    const town = (index === undefined ? undefined : towns[index]) ?? (city === '' ? undefined : townByName(country, city));
    if (!town) return undefined;
    const place: GeoPlace = { lat: town.lat, lon: town.lon, precision: 'town', label: code === '' ? town.name : `${code} ${town.name}`, country: town.country };
    if (town.state) place.state = town.state;
    return place;
  };

  return (address: GeoAddress): GeoPlace | undefined => {
    let postcode = address.postalCode;
    let city = address.city.trim();
    // "80331 München" typed into the town field, the postcode field empty.
    const inCity = /^((?:[A-Z]{1,3}\s*-?\s*)?\d{4,5})\s+(\D.*)$/i.exec(city);
    if (postcode.trim() === '' && inCity?.[1] && inCity[2]) [postcode, city] = [inCity[1], inCity[2].trim()];
    const typedCountry = countryCode(address.country);
    if (address.country.trim() !== '' && typedCountry === '') return undefined;
    const { code, country } = parsePostcode(postcode, typedCountry);
    const found = place(country, code, city);
    if (found || address.country.trim() !== '' || city === '') return found;
    // No country typed and nothing German fits: an Austrian or Swiss address whose country column was left empty.
    for (const other of ['AT', 'CH']) {
      const again = place(other, parsePostcode(postcode, other).code, city);
      if (again) return again;
    }
    return undefined;
  };
}

/** Country names and codes as typed in address lists: "", "D", "Deutschland", "Österreich", "Schweiz", "CH". */
const COUNTRY_NAMES: Record<string, string> = {
  '': 'DE', d: 'DE', de: 'DE', deu: 'DE', ger: 'DE', brd: 'DE', deutschland: 'DE', germany: 'DE', allemagne: 'DE',
  a: 'AT', at: 'AT', aut: 'AT', osterreich: 'AT', austria: 'AT', autriche: 'AT',
  ch: 'CH', che: 'CH', schweiz: 'CH', switzerland: 'CH', suisse: 'CH', svizzera: 'CH', helvetia: 'CH',
};

/** The ISO code of a typed country, '' when we have no data for it. */
export function countryCode(typed: string): string {
  const quick = QUICK_COUNTRIES[typed];
  if (quick !== undefined) return quick;
  const folded = foldForSearch(typed).replace(/[.\s]/g, '');
  return COUNTRY_NAMES[folded] ?? '';
}

/** The spellings nearly every row has, answered without folding. */
const QUICK_COUNTRIES: Record<string, string> = { '': 'DE', DE: 'DE', AT: 'AT', CH: 'CH' };

/**
 * A typed postcode without its noise: " 80331 ", "D-80331", "DE 80331", "A-1010", "CH-8001". A letter prefix
 * names the country when the country field is empty or says the same; an Excel column that dropped the leading
 * zero ("1067" for Dresden) gets it back in Germany.
 */
export function parsePostcode(typed: string, country: string): { code: string; country: string } {
  const m = /^\s*(?:([A-Za-z]{1,3})\s*-?\s*)?(\d[\d\s]*)\s*$/.exec(typed);
  if (!m?.[2]) return { code: '', country };
  const prefixed = m[1] ? countryCode(m[1]) : '';
  const land = prefixed || country;
  const digits = m[2].replace(/\s/g, '');
  if (land === 'DE' && /^\d{4}$/.test(digits)) return { code: `0${digits}`, country: land };
  const ok = land === 'DE' ? /^\d{5}$/ : /^\d{4}$/;
  return { code: ok.test(digits) ? digits : '', country: land };
}

function add(map: Map<string, GeoTown[]>, key: string, town: GeoTown): void {
  const list = map.get(key);
  if (list) list.push(town);
  else map.set(key, [town]);
}
