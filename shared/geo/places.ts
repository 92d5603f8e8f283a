import type { GeoTable } from './table';

/**
 * The committed place table, loaded on demand: a dynamic import, so the renderer's bundler makes it a chunk
 * of its own that is read from the app's files the first time a place is needed, never at start and never
 * over the network.
 */
export async function importPlaceTable(): Promise<GeoTable> {
  const json = await import('./places.json');
  return (json.default ?? json) as GeoTable;
}
