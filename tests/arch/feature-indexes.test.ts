// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const featuresDir = path.resolve(import.meta.dirname, '../../renderer/features');
const features = fs.readdirSync(featuresDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/**
 * Features use each other through their index.ts, and two of them import each other (customers and
 * rhythm). An index that is loaded first, before the rest of the app, must still give every export
 * a value: a cycle that reads the other side at module init would show up here as undefined or a
 * TDZ error.
 */
describe('feature indexes', () => {
  it('every feature folder has an index.ts', () => {
    expect(features.filter((f) => !fs.existsSync(path.join(featuresDir, f, 'index.ts')))).toEqual([]);
  });

  it.each(features)('%s/index.ts loads on its own with every export defined', async (feature) => {
    vi.resetModules();
    const face = (await import(`../../renderer/features/${feature}/index.ts`)) as Record<string, unknown>;
    const exports = Object.entries(face);
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.filter(([, value]) => value === undefined).map(([name]) => name)).toEqual([]);
  });
});
