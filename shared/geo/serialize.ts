import type { GeoTable } from './table';

/**
 * The committed form of the table: JSON with one town a line, so a data update shows as a readable diff.
 * Deterministic, so the table test can compare bytes.
 */
export function serializeTable(table: GeoTable): string {
  const towns = table.towns.map((t) => JSON.stringify(t)).join(',\n');
  const postcodes = Object.entries(table.postcodes)
    .map(([cc, map]) => `${JSON.stringify(cc)}:${JSON.stringify(map)}`)
    .join(',\n');
  return `{"sources":${JSON.stringify(table.sources)},\n"towns":[\n${towns}\n],\n"postcodes":{\n${postcodes}\n}}\n`;
}
