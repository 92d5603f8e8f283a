import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureInternalArrows, rendererArrows, upwardArrows } from './rooms';

const root = path.resolve(import.meta.dirname, '../..');

describe('renderer rooms', () => {
  const arrows = rendererArrows(root);

  it('has at most one import pointing up the diagram in docs/CONVENTIONS.md', () => {
    const upward = upwardArrows(arrows);
    console.info(`renderer rooms: ${arrows.length} arrows between rooms, ${upward.length} upward`);
    expect(upward.length, upward.map((a) => `${a.from} -> ${a.to}`).join('\n')).toBeLessThanOrEqual(1);
  });

  it("uses other features (and app/ uses features) only through their index.ts", () => {
    const internal = featureInternalArrows(arrows);
    console.info(`renderer rooms: ${internal.length} imports into another feature's files (was 52 before the indexes)`);
    expect(internal.map((a) => `${a.from} -> ${a.to}`)).toEqual([]);
  });

  it('finds arrows at all (the scan reads the tree)', () => {
    expect(arrows.some((a) => a.fromRoom === 'app' && a.toRoom.startsWith('features/'))).toBe(true);
    expect(arrows.some((a) => a.fromRoom.startsWith('features/') && a.toRoom === 'db')).toBe(true);
    expect(arrows.some((a) => a.fromRoom.startsWith('features/') && a.toRoom.startsWith('features/'))).toBe(true);
  });
});
