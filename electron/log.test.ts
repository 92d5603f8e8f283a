import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from './log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fixedClock = () => new Date('2026-11-23T08:00:00.000Z');

describe('createLogger', () => {
  it('appends timestamped lines and creates the folder', () => {
    const logDir = join(dir, 'logs');
    const log = createLogger({ dir: logDir, now: fixedClock });
    log.info('started', { version: '0.1.0' });
    log.error('boom', new Error('kaputt'));
    const text = readFileSync(log.path, 'utf8');
    expect(log.path).toBe(join(logDir, 'rapport.log'));
    expect(text).toMatch(/^2026-11-23T08:00:00.000Z INFO started \{"version":"0.1.0"\}\n/);
    expect(text).toContain('ERROR boom Error: kaputt');
  });

  it('rotates at the size limit and keeps at most maxFiles files', () => {
    const log = createLogger({ dir, maxBytes: 200, maxFiles: 5, now: fixedClock });
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['rapport.log', 'rapport.log.1', 'rapport.log.2', 'rapport.log.3', 'rapport.log.4']);
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(200);
    // The newest line is in the current file, older ones in .1.
    expect(readFileSync(join(dir, 'rapport.log'), 'utf8')).toContain('line 99 ');
    expect(readFileSync(join(dir, 'rapport.log.1'), 'utf8')).not.toContain('line 99 ');
  });

  it('continues an existing file and counts its size', () => {
    writeFileSync(join(dir, 'rapport.log'), 'y'.repeat(190) + '\n');
    const log = createLogger({ dir, maxBytes: 200, now: fixedClock });
    log.warn('next');
    expect(readdirSync(dir).sort()).toEqual(['rapport.log', 'rapport.log.1']);
    expect(readFileSync(join(dir, 'rapport.log'), 'utf8')).toContain('WARN next');
  });

  it('defaults to 1 MB × 5 files', () => {
    const log = createLogger({ dir, now: fixedClock });
    const big = 'z'.repeat(100_000);
    for (let i = 0; i < 70; i++) log.info(big);
    const files = readdirSync(dir);
    expect(files).toHaveLength(5);
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(1024 * 1024);
  });
});
