import type { Rng } from './prng';

/** A town of a rep's territory, with real postcodes of it and its area code, and how strongly it is represented. */
export type City = {
  /** Town name as written on letters. */
  name: string;
  /** Real postcodes of the town inside the territory, space-separated (they place in shared/geo/places.json). */
  postcodes: string;
  /** Telephone area code without the leading 0. */
  area: string;
  /** Relative frequency within the territory. */
  weight: number;
};

/**
 * Territories of the demo team by team index, as a wholesaler in the Ruhr splits its field sales: each
 * rep has a few neighbouring two-digit postcode regions, so one rep's week plan covers one region, not
 * all of Germany. Members 0–2 have the Expand accounts, 3–4 the Maintain accounts (shared/demo/account.ts).
 * Postcodes were taken from the place table; shared/demo/places.test.ts checks that they still place
 * at their town.
 */
export const TERRITORIES: readonly (readonly City[])[] = [
  // Ruhrgebiet (44–47, 58)
  [
    { name: 'Essen', postcodes: '45127 45128 45130 45131 45133 45134 45136 45138 45139 45141 45143 45144 45145 45147 45149 45219 45239 45257 45259 45276 45277 45279 45289 45307 45309 45326 45327 45329 45355 45356 45357 45359', area: '201', weight: 9 },
    { name: 'Dortmund', postcodes: '44135 44137 44139 44141 44143 44145 44147 44149 44225 44227 44229 44263 44265 44267 44269 44287 44289 44309 44319 44328 44329 44339 44357 44359 44369 44379 44388', area: '231', weight: 8 },
    { name: 'Bochum', postcodes: '44787 44789 44791 44793 44795 44797 44799 44801 44803 44805 44807 44809 44866 44867 44869 44879 44892 44894', area: '234', weight: 6 },
    { name: 'Gelsenkirchen', postcodes: '45879 45881 45883 45884 45886 45888 45889 45891 45892 45894 45896 45897 45899', area: '209', weight: 4 },
    { name: 'Duisburg', postcodes: '47051 47053 47055 47057 47058 47059 47119 47137 47138 47139 47166 47167 47169 47178 47179 47198 47199 47226 47228 47229 47239 47249 47259 47269 47279', area: '203', weight: 5 },
    { name: 'Oberhausen', postcodes: '46045 46047 46049 46117 46119 46145 46147 46149', area: '208', weight: 3 },
    { name: 'Mülheim an der Ruhr', postcodes: '45468 45470 45472 45473 45475 45476 45478 45479 45481', area: '208', weight: 2 },
    { name: 'Bottrop', postcodes: '46236 46238 46240 46242 46244', area: '2041', weight: 2 },
    { name: 'Herne', postcodes: '44623 44625 44627 44628 44629 44649 44651 44652 44653', area: '2323', weight: 2 },
    { name: 'Recklinghausen', postcodes: '45657 45659 45661 45663 45665', area: '2361', weight: 2 },
    { name: 'Hagen', postcodes: '58089 58091 58093 58095 58097 58099 58119 58135', area: '2331', weight: 2 },
    { name: 'Witten', postcodes: '58452 58453 58454 58455 58456', area: '2302', weight: 1 },
  ],
  // Rheinland (40–42, 50, 51)
  [
    { name: 'Düsseldorf', postcodes: '40210 40211 40212 40213 40215 40217 40219 40221 40223 40225 40227 40229 40231 40233 40235 40237 40239 40468 40470 40472 40474 40476 40477 40479 40489 40545 40547 40549 40589 40591 40593 40595 40597 40599 40625 40627 40629', area: '211', weight: 6 },
    { name: 'Köln', postcodes: '50667 50668 50670 50672 50674 50676 50677 50678 50679 50733 50735 50737 50739 50765 50767 50769 50823 50825 50827 50829 50858 50859 50931 50933 50935 50937 50939 50968 50969 50996 50997 50999 51061 51063 51065 51067 51069 51103 51105 51107 51109 51143 51145 51147 51149', area: '221', weight: 6 },
    { name: 'Wuppertal', postcodes: '42103 42105 42107 42109 42111 42113 42115 42117 42119 42275 42277 42279 42281 42283 42285 42287 42289 42327 42329 42349 42369 42389 42399', area: '202', weight: 3 },
    { name: 'Solingen', postcodes: '42651 42653 42655 42657 42659 42697 42699 42719', area: '212', weight: 2 },
    { name: 'Remscheid', postcodes: '42853 42855 42857 42859 42897 42899', area: '2191', weight: 1 },
    { name: 'Leverkusen', postcodes: '51371 51373 51375 51377 51379 51381', area: '214', weight: 2 },
    { name: 'Bergisch Gladbach', postcodes: '51427 51429 51465 51467 51469', area: '2202', weight: 2 },
    { name: 'Neuss', postcodes: '41460 41462 41464 41466 41468 41469 41470 41472', area: '2131', weight: 2 },
    { name: 'Mönchengladbach', postcodes: '41061 41063 41065 41066 41068 41069 41169 41179 41189 41199 41236 41238 41239', area: '2161', weight: 3 },
  ],
  // Münsterland und Ostwestfalen (32, 33, 48, 49, 59)
  [
    { name: 'Münster', postcodes: '48143 48145 48147 48149 48151 48153 48155 48157 48159 48161 48163 48165 48167', area: '251', weight: 3 },
    { name: 'Osnabrück', postcodes: '49074 49076 49078 49080 49082 49084 49086 49088 49090', area: '541', weight: 2 },
    { name: 'Bielefeld', postcodes: '33602 33604 33605 33607 33609 33611 33613 33615 33617 33619 33647 33649 33659 33689 33699 33719 33729 33739', area: '521', weight: 3 },
    { name: 'Gütersloh', postcodes: '33330 33332 33333 33334 33335', area: '5241', weight: 2 },
    { name: 'Paderborn', postcodes: '33098 33100 33102 33104 33106 33154 33161', area: '5251', weight: 2 },
    { name: 'Herford', postcodes: '32049 32051 32052', area: '5221', weight: 1 },
    { name: 'Hamm', postcodes: '59063 59065 59067 59069 59071 59073 59075 59077', area: '2381', weight: 2 },
    { name: 'Rheine', postcodes: '48429 48431 48432', area: '5971', weight: 1 },
    { name: 'Lippstadt', postcodes: '59555 59556 59557 59558', area: '2941', weight: 1 },
  ],
  // Aachen, Bonn, Siegen (52, 53, 57)
  [
    { name: 'Bonn', postcodes: '53111 53113 53115 53117 53119 53121 53123 53125 53127 53129 53173 53175 53177 53179 53225 53227 53229', area: '228', weight: 3 },
    { name: 'Aachen', postcodes: '52062 52064 52066 52068 52070 52072 52074 52076 52078 52080', area: '241', weight: 3 },
    { name: 'Düren', postcodes: '52349 52351 52353 52355', area: '2421', weight: 2 },
    { name: 'Troisdorf', postcodes: '53840 53842 53844', area: '2241', weight: 1 },
    { name: 'Siegburg', postcodes: '53721', area: '2241', weight: 1 },
    { name: 'Euskirchen', postcodes: '53879 53881', area: '2251', weight: 1 },
    { name: 'Siegen', postcodes: '57072 57074 57076 57078 57080', area: '271', weight: 2 },
    { name: 'Olpe', postcodes: '57462', area: '2761', weight: 1 },
  ],
  // Rhein-Main (60, 61, 63–65)
  [
    { name: 'Frankfurt am Main', postcodes: '60306 60308 60310 60311 60312 60313 60314 60316 60318 60320 60322 60323 60325 60326 60327 60329 60385 60386 60388 60389 60431 60433 60435 60437 60438 60439 60486 60487 60488 60489 60528 60529 60549 60594 60596 60598 60599 65929 65931 65933 65934 65936', area: '69', weight: 4 },
    { name: 'Offenbach am Main', postcodes: '63065 63067 63069 63071 63073 63075', area: '69', weight: 2 },
    { name: 'Wiesbaden', postcodes: '65183 65185 65187 65189 65191 65193 65195 65197 65199 65201 65203 65205 65207', area: '611', weight: 2 },
    { name: 'Darmstadt', postcodes: '64283 64285 64287 64289 64291 64293 64295 64297', area: '6151', weight: 2 },
    { name: 'Hanau', postcodes: '63450 63452 63454 63456 63457', area: '6181', weight: 1 },
    { name: 'Bad Homburg vor der Höhe', postcodes: '61348 61350 61352', area: '6172', weight: 1 },
    { name: 'Rüsselsheim am Main', postcodes: '65428', area: '6142', weight: 1 },
  ],
];

/** Every demo town, for tests and for pickers that want the whole list. */
export const CITIES: readonly City[] = TERRITORIES.flat();

/** A town of the territory, weighted; one draw. */
export function pickCity(territory: readonly City[], rng: Rng): City {
  const total = territory.reduce((sum, c) => sum + c.weight, 0);
  let r = rng.next() * total;
  for (const c of territory) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return territory[territory.length - 1] as City;
}

const SPLIT = new Map<City, readonly string[]>();

/** One of the town's real postcodes. */
export function postalCodeIn(city: City, rng: Rng): string {
  let codes = SPLIT.get(city);
  if (!codes) SPLIT.set(city, (codes = city.postcodes.split(' ')));
  return rng.pick(codes);
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
