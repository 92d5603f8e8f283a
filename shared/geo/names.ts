import { foldForSearch } from '../text/normalize';

/**
 * Town names as people write them: "Frankfurt am Main", "Frankfurt a. M.", "Frankfurt/M.", "Halle (Saale)",
 * "Rüdersdorf bei Berlin", "St. Gallen". A name splits into its base ("frankfurt") and its qualifier
 * (["main"]); the connecting words (am, an der, bei, …) carry no meaning and are dropped.
 */

/** Words that only join a town to its river, region or neighbour ("am", "a.", "an der", "bei", "i."). */
const CONNECTORS = new Set(['a', 'am', 'an', 'auf', 'b', 'bei', 'd', 'den', 'der', 'die', 'dem', 'i', 'im', 'in', 'ob', 'u', 'unter', 'v', 'vor', 'vd', 'ad', 'id']);

/** Words of an already folded name; punctuation is a word break and "St." is "Sankt". */
function wordsOf(folded: string): string[] {
  return folded
    .replace(/[().,/\\'’`–—_-]/g, ' ')
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (w === 'st' ? 'sankt' : w));
}

/** The parts of a town name, folded once: its whole key, its base and its qualifier. */
export type TownParts = {
  /** The whole name: "Frankfurt a. M." → "frankfurt a m". */
  key: string;
  /** The name without river or region: "frankfurt". */
  base: string;
  /** The distinguishing words, connectors dropped: ["m"]. */
  qualifier: string[];
};

/** "Frankfurt a. M." → { key: "frankfurt a m", base: "frankfurt", qualifier: ["m"] }; "Biel/Bienne" → base "biel". */
export function townParts(name: string): TownParts {
  const folded = foldForSearch(name);
  const cut = folded.search(/[(/,]/);
  const head = wordsOf(cut > 0 ? folded.slice(0, cut) : folded);
  const tail = cut > 0 ? wordsOf(folded.slice(cut)) : [];
  const stop = head.findIndex((w, i) => i > 0 && CONNECTORS.has(w));
  const base = stop > 0 ? head.slice(0, stop) : head;
  const qualifier = [...(stop > 0 ? head.slice(stop) : []), ...tail].filter((w) => !CONNECTORS.has(w));
  return { key: wordsOf(folded).join(' '), base: base.join(' '), qualifier };
}

/** True when each typed qualifier word begins a word of the town's, in order: "m" fits "main", "o" fits "oder". */
export function qualifierFits(typed: readonly string[], town: readonly string[]): boolean {
  let j = 0;
  for (const w of typed) {
    while (j < town.length && !town[j]?.startsWith(w)) j += 1;
    if (j === town.length) return false;
    j += 1;
  }
  return true;
}
