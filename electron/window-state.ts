import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export type Rect = { x: number; y: number; width: number; height: number };

/** What is remembered about the main window between runs. */
export type WindowState = Rect & { maximized: boolean };

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

// A window counts as visible when at least this much of it lies on one display's work area.
const MIN_VISIBLE = { width: 200, height: 100 };

/** Reads the saved state; anything missing or malformed means "no saved state". */
export function loadWindowState(file: string): WindowState | undefined {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return undefined;
    const r = raw as Record<string, unknown>;
    const numbers = [r.x, r.y, r.width, r.height];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
    return {
      x: Math.round(r.x as number),
      y: Math.round(r.y as number),
      width: Math.round(r.width as number),
      height: Math.round(r.height as number),
      maximized: r.maximized === true,
    };
  } catch {
    return undefined;
  }
}

/**
 * Saves the state synchronously, because it runs while the window closes and the app may quit right
 * after. Temp file + rename, so a crash leaves the old state rather than half a file.
 */
export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}

/**
 * The bounds to open the window with: the saved ones if they are still on a connected display (a
 * laptop undocked from its second monitor must not open off-screen), else the default size centred
 * by Electron. Sizes are clamped to the minimum and to the display.
 */
export function chooseWindowBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (saved) {
    const area = workAreas.find((a) => overlap(saved, a).width >= MIN_VISIBLE.width && overlap(saved, a).height >= MIN_VISIBLE.height);
    if (area) {
      const width = Math.min(Math.max(saved.width, MIN_SIZE.width), area.width);
      const height = Math.min(Math.max(saved.height, MIN_SIZE.height), area.height);
      return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
    }
  }
  return { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}
