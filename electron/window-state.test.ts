import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseWindowBounds, DEFAULT_SIZE, loadWindowState, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('chooseWindowBounds', () => {
  it('restores a window that is on a connected display', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: false };
    expect(chooseWindowBounds(saved, [laptop, rightMonitor])).toEqual({ bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false });
  });

  it('falls back to the default size when the display is gone', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: true };
    expect(chooseWindowBounds(saved, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: true });
  });

  it('refuses a window with only a sliver on screen', () => {
    const saved = { x: 1850, y: 100, width: 1200, height: 800, maximized: false };
    expect(chooseWindowBounds(saved, [laptop]).bounds).toEqual(DEFAULT_SIZE);
  });

  it('clamps sizes to the minimum and to the display', () => {
    expect(chooseWindowBounds({ x: 10, y: 10, width: 300, height: 200, maximized: false }, [laptop]).bounds).toEqual({ x: 10, y: 10, width: 900, height: 600 });
    expect(chooseWindowBounds({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('uses the default without saved state', () => {
    expect(chooseWindowBounds(undefined, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });
});

describe('load/saveWindowState', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-winstate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips', () => {
    const file = join(dir, 'window-state.json');
    saveWindowState(file, { x: 1, y: 2, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: true });
  });

  it('ignores missing and malformed files', () => {
    expect(loadWindowState(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"x": "a"');
    expect(loadWindowState(join(dir, 'bad.json'))).toBeUndefined();
    writeFileSync(join(dir, 'wrong.json'), '{"x": "1", "y": 2, "width": 3, "height": 4}');
    expect(loadWindowState(join(dir, 'wrong.json'))).toBeUndefined();
  });
});
