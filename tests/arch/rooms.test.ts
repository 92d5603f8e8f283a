import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererArrows, upwardArrows } from './rooms';

const root = path.resolve(import.meta.dirname, '../..');

describe('renderer rooms', () => {
  const arrows = rendererArrows(root);

  it('has at most one import pointing up the diagram in docs/CONVENTIONS.md', () => {
    const upward = upwardArrows(arrows);
    console.info(`renderer rooms: ${arrows.length} arrows between rooms, ${upward.length} upward`);
    expect(upward.length, upward.map((a) => `${a.from} -> ${a.to}`).join('\n')).toBeLessThanOrEqual(1);
  });

  it('finds arrows at all (the scan reads the tree)', () => {
    expect(arrows.some((a) => a.fromRoom === 'app' && a.toRoom.startsWith('features/'))).toBe(true);
    expect(arrows.some((a) => a.fromRoom.startsWith('features/') && a.toRoom === 'db')).toBe(true);
  });
});
