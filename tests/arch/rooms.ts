/**
 * The renderer's rooms and the arrows allowed between them (docs/CONVENTIONS.md draws them). A room
 * may import from rooms of a higher rank number (further down the diagram) and from itself; an import
 * towards a lower number is "upward". Features are peers: one may use another only through its index.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Rank of each room, top of the diagram first. */
const RANKS: Record<string, number> = {
  'main': 0,
  'app': 1,
  'features': 2,
  'components': 3,
  'i18n': 3,
  'core': 4,
  'db': 5,
  'bridge': 6,
  'styles': 7,
};

export type Arrow = { from: string; to: string; fromRoom: string; toRoom: string };

/** The room a renderer file lives in: app, core, features/<name>, db/<wing>, bridge, … */
export function roomOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 2) return 'main';
  if (parts[1] === 'features') return `features/${parts[2]}`;
  // The database's wings (core, history, sync, backup, workers, …) are one layer: db/core wires the
  // wings' middlewares into the schema, and the wings use core's write path.
  if (parts[1] === 'db') return 'db';
  return parts[1] ?? 'main';
}

function rankOf(room: string): number {
  const rank = RANKS[room] ?? RANKS[room.split('/')[0] ?? ''];
  if (rank === undefined) throw new Error(`renderer room '${room}' has no rank in tests/arch/rooms.ts`);
  return rank;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(p);
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew URL\(\s*|vi\.mock\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import between two different renderer rooms, read from the files under `root`. */
export function rendererArrows(root: string): Arrow[] {
  const arrows: Arrow[] = [];
  for (const file of sourceFiles(path.posix.join(root, 'renderer'))) {
    const rel = path.posix.relative(root, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      let target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), match[1] ?? ''));
      if (fs.existsSync(path.posix.join(root, target)) && fs.statSync(path.posix.join(root, target)).isDirectory()) target += '/index';
      if (!target.startsWith('renderer/')) continue;
      const fromRoom = roomOf(rel);
      const toRoom = roomOf(target);
      if (fromRoom !== toRoom) arrows.push({ from: rel, to: target, fromRoom, toRoom });
    }
  }
  return arrows;
}

/** Arrows that point up the diagram (towards a room of lower rank). */
export function upwardArrows(arrows: Arrow[]): Arrow[] {
  return arrows.filter((a) => rankOf(a.toRoom) < rankOf(a.fromRoom));
}

/**
 * A feature (or app/) reaching into a feature's files instead of its index.ts. Locale JSON is left out:
 * it is data that locale parity tests read across features, not a feature's code.
 */
export function featureInternalArrows(arrows: Arrow[]): Arrow[] {
  return arrows.filter(
    (a) =>
      (a.fromRoom.startsWith('features/') || a.fromRoom === 'app') &&
      a.toRoom.startsWith('features/') &&
      !/^renderer\/features\/[^/]+\/index(\.tsx?)?$/.test(a.to) &&
      !/^renderer\/features\/[^/]+\/locales\/[^/]+\.json$/.test(a.to),
  );
}
