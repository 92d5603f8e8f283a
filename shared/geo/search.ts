import { foldForSearch } from '../text/normalize';
import { decodeTown, type GeoTable, type GeoTown } from './table';

/** Finds towns of the table by what the user types, for the "choose the town" picker. */
export type TownSearch = (query: string, limit?: number) => GeoTown[];

/**
 * Towns named exactly so come first, then those whose folded name starts with the folded query come first (bigger towns before smaller), then
 * those that contain it: "muen" finds München, "frankf" both Frankfurts, "gallen" Sankt Gallen.
 */
export function createTownSearch(table: GeoTable): TownSearch {
  const towns = table.towns.map(decodeTown);
  const folded = towns.map((t) => foldForSearch(t.name));
  return (query, limit = 20) => {
    const q = foldForSearch(query);
    if (q === '') return [];
    const exact: GeoTown[] = [];
    const starts: GeoTown[] = [];
    const contains: GeoTown[] = [];
    for (let i = 0; i < towns.length; i += 1) {
      const f = folded[i] ?? '';
      const t = towns[i];
      if (!t) continue;
      if (f === q) exact.push(t);
      else if (f.startsWith(q)) {
        if (starts.length < limit) starts.push(t);
      } else if (contains.length < limit && f.includes(q)) contains.push(t);
    }
    return [...exact, ...starts, ...contains].slice(0, limit);
  };
}
