import type { Rng } from './prng';

/** A city with its real postal-code range and area code, and how strongly it is represented. */
export type City = {
  /** City name as written on letters. */
  name: string;
  /** Lowest postal code of the city. */
  from: number;
  /** Highest postal code of the city. */
  to: number;
  /** Telephone area code without the leading 0. */
  area: string;
  /** Relative frequency: the demo wholesaler sits in the Ruhr, so NRW is heavier. */
  weight: number;
};

export const CITIES: readonly City[] = [
  { name: 'Essen', from: 45127, to: 45359, area: '201', weight: 9 },
  { name: 'Dortmund', from: 44135, to: 44388, area: '231', weight: 8 },
  { name: 'Bochum', from: 44787, to: 44894, area: '234', weight: 6 },
  { name: 'Gelsenkirchen', from: 45879, to: 45899, area: '209', weight: 4 },
  { name: 'Duisburg', from: 47051, to: 47279, area: '203', weight: 5 },
  { name: 'Düsseldorf', from: 40210, to: 40629, area: '211', weight: 6 },
  { name: 'Köln', from: 50667, to: 51149, area: '221', weight: 6 },
  { name: 'Wuppertal', from: 42103, to: 42399, area: '202', weight: 3 },
  { name: 'Mönchengladbach', from: 41061, to: 41239, area: '2161', weight: 3 },
  { name: 'Krefeld', from: 47798, to: 47839, area: '2151', weight: 2 },
  { name: 'Münster', from: 48143, to: 48167, area: '251', weight: 3 },
  { name: 'Bielefeld', from: 33602, to: 33739, area: '521', weight: 2 },
  { name: 'Bonn', from: 53111, to: 53229, area: '228', weight: 2 },
  { name: 'Aachen', from: 52062, to: 52080, area: '241', weight: 2 },
  { name: 'Osnabrück', from: 49074, to: 49090, area: '541', weight: 2 },
  { name: 'Berlin', from: 10115, to: 14199, area: '30', weight: 3 },
  { name: 'Potsdam', from: 14467, to: 14482, area: '331', weight: 1 },
  { name: 'Hamburg', from: 20095, to: 22769, area: '40', weight: 3 },
  { name: 'Kiel', from: 24103, to: 24159, area: '431', weight: 1 },
  { name: 'Lübeck', from: 23552, to: 23570, area: '451', weight: 1 },
  { name: 'Rostock', from: 18055, to: 18147, area: '381', weight: 1 },
  { name: 'Hannover', from: 30159, to: 30669, area: '511', weight: 2 },
  { name: 'Braunschweig', from: 38100, to: 38126, area: '531', weight: 1 },
  { name: 'Göttingen', from: 37073, to: 37085, area: '551', weight: 1 },
  { name: 'Oldenburg', from: 26121, to: 26135, area: '441', weight: 1 },
  { name: 'Kassel', from: 34117, to: 34134, area: '561', weight: 1 },
  { name: 'Frankfurt am Main', from: 60306, to: 60599, area: '69', weight: 2 },
  { name: 'Wiesbaden', from: 65183, to: 65207, area: '611', weight: 1 },
  { name: 'Mainz', from: 55116, to: 55131, area: '6131', weight: 1 },
  { name: 'Saarbrücken', from: 66111, to: 66133, area: '681', weight: 1 },
  { name: 'Mannheim', from: 68159, to: 68309, area: '621', weight: 1 },
  { name: 'Karlsruhe', from: 76131, to: 76229, area: '721', weight: 1 },
  { name: 'Stuttgart', from: 70173, to: 70629, area: '711', weight: 2 },
  { name: 'Freiburg im Breisgau', from: 79098, to: 79117, area: '761', weight: 1 },
  { name: 'Ulm', from: 89073, to: 89081, area: '731', weight: 1 },
  { name: 'München', from: 80331, to: 81929, area: '89', weight: 2 },
  { name: 'Augsburg', from: 86150, to: 86199, area: '821', weight: 1 },
  { name: 'Nürnberg', from: 90402, to: 90491, area: '911', weight: 1 },
  { name: 'Regensburg', from: 93047, to: 93059, area: '941', weight: 1 },
  { name: 'Würzburg', from: 97070, to: 97084, area: '931', weight: 1 },
  { name: 'Erfurt', from: 99084, to: 99099, area: '361', weight: 1 },
  { name: 'Leipzig', from: 4103, to: 4357, area: '341', weight: 1 },
  { name: 'Dresden', from: 1067, to: 1328, area: '351', weight: 1 },
  { name: 'Chemnitz', from: 9111, to: 9131, area: '371', weight: 1 },
  { name: 'Halle (Saale)', from: 6108, to: 6132, area: '345', weight: 1 },
  { name: 'Magdeburg', from: 39104, to: 39130, area: '391', weight: 1 },
];

/** Cumulative weights, so a city is picked with one draw and a binary search. */
const CUMULATIVE: number[] = [];
{
  let sum = 0;
  for (const c of CITIES) CUMULATIVE.push((sum += c.weight));
}

/** A city, weighted towards the Ruhr. */
export function pickCity(rng: Rng): City {
  const total = CUMULATIVE[CUMULATIVE.length - 1] ?? 1;
  const r = rng.next() * total;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((CUMULATIVE[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return CITIES[lo] as City;
}

/** A five-digit postal code inside the city's range, leading zeros kept. */
export function postalCodeIn(city: City, rng: Rng): string {
  return String(rng.int(city.from, city.to)).padStart(5, '0');
}

const STREETS = [
  'Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße',
  'Birkenweg', 'Lindenstraße', 'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Schillerstraße',
  'Goethestraße', 'Jahnstraße', 'Mühlenweg', 'Am Markt', 'Industriestraße', 'Gewerbestraße',
  'Friedrich-Ebert-Straße', 'Rosenweg', 'Amselweg', 'Weißdornweg', 'Große Straße', 'Im Gewerbepark',
  'Schloßstraße', 'Ölmühlenweg', 'Königstraße', 'Am Güterbahnhof', 'Buchenweg', 'Feldstraße',
  'Kaiserstraße', 'Wilhelmstraße', 'Rüttenscheider Straße', 'Zechenstraße', 'Hüttenweg',
  'An der Ziegelei', 'Handwerkerstraße', 'Fußgängerweg', 'Lärchenweg', 'Max-Planck-Straße',
  'Robert-Bosch-Straße', 'Carl-Benz-Straße', 'Am Südpark', 'Grüner Weg', 'Heßstraße',
] as const;

/** Street and house number, now and then with a letter suffix. */
export function streetAddress(rng: Rng): string {
  const number = rng.int(1, rng.chance(0.7) ? 60 : 220);
  const suffix = rng.chance(0.08) ? rng.pick(['a', 'b', 'c']) : '';
  return `${rng.pick(STREETS)} ${number}${suffix}`;
}

const MOBILE_PREFIXES = ['151', '152', '157', '159', '160', '162', '163', '170', '171', '172', '173', '175', '176', '177', '178', '179'] as const;

/** Landline in international format with the city's area code, e.g. "+49 201 4711230". */
export function landline(city: City, rng: Rng): string {
  const digits = city.area.length >= 4 ? 6 : city.area.length === 3 ? 7 : 8;
  const subscriber = String(rng.int(2 * 10 ** (digits - 1), 10 ** digits - 1));
  return `+49 ${city.area} ${subscriber}`;
}

/** Mobile number in international format, e.g. "+49 171 2345678". */
export function mobileNumber(rng: Rng): string {
  return `+49 ${rng.pick(MOBILE_PREFIXES)} ${rng.int(1_000_000, 99_999_999)}`;
}
