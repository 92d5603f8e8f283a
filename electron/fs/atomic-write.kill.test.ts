/**
 * FILE-ATOMIC: a writer killed with SIGKILL at random points, 200 times, always leaves the target
 * holding the old or the new content in full, never a torn or empty file.
 */
import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let writer: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-kill-'));
  // Bundled once to plain JS, so each of the 200 children starts in tens of milliseconds.
  writer = join(dir, 'writer.mjs');
  await build({ entryPoints: [join(import.meta.dirname, 'atomic-kill-writer.ts')], bundle: true, platform: 'node', format: 'esm', outfile: writer, logLevel: 'silent' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ROUNDS = 200;
const WORKERS = 6;

describe('FILE-ATOMIC', () => {
  it(`keeps the old or the new file through ${ROUNDS} SIGKILLs`, { timeout: 180_000 }, async () => {
    const a = 'A'.repeat(16 * 1024);
    const b = 'B'.repeat(24 * 1024);
    const seen = { a: 0, b: 0 };
    const runOne = async (round: number) => {
      const target = join(dir, `target-${round}.txt`);
      await writeFile(target, a);
      const child = fork(writer, [target, a, b], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('error', reject);
      });
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const content = await readFile(target, 'utf8');
      expect(content === a || content === b, `round ${round}: ${content.length} bytes`).toBe(true);
      seen[content === a ? 'a' : 'b']++;
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < ROUNDS) await runOne(next++);
      }),
    );
    expect(seen.a + seen.b).toBe(ROUNDS);
    // The kills landed both before and after renames, so both outcomes occurred.
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
  });
});
