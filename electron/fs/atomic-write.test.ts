import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_LOCKED, writeFileAtomic } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('writeFileAtomic', () => {
  it('writes text as UTF-8 exactly, BOM included', async () => {
    const target = join(dir, 'kunden.csv');
    await writeFileAtomic(target, '\uFEFFName;Ort\nMüller;Köln\n');
    const bytes = await readFile(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\uFEFFName;Ort\nMüller;Köln\n');
  });

  it('writes bytes and replaces an existing file without leaving temp files', async () => {
    const target = join(dir, 'backup.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['backup.json']);
  });

  it('retries a rename that Windows refuses for a moment', async () => {
    const target = join(dir, 'plan.pdf');
    let calls = 0;
    const flaky = async (from: string, to: string) => {
      calls++;
      if (calls <= 2) throw errno(calls === 1 ? 'EPERM' : 'EBUSY');
      await rename(from, to);
    };
    await writeFileAtomic(target, 'neu', { rename: flaky, delayMs: 1 });
    expect(calls).toBe(3);
    expect(await readFile(target, 'utf8')).toBe('neu');
    expect(await readdir(dir)).toEqual(['plan.pdf']);
  });

  it('gives a clear error after the retries and leaves the original untouched', async () => {
    const target = join(dir, 'kunden.csv');
    await writeFile(target, 'original');
    let calls = 0;
    const locked = async () => {
      calls++;
      throw errno('EPERM');
    };
    const error = await writeFileAtomic(target, 'neu', { rename: locked, attempts: 4, delayMs: 1 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/locked by another program \(EPERM\) after 4 attempts.*unchanged/);
    expect(error).toMatchObject({ code: FILE_LOCKED });
    expect(calls).toBe(4);
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['kunden.csv']);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const broken = async () => {
      calls++;
      throw errno('EXDEV');
    };
    await expect(writeFileAtomic(join(dir, 'a.txt'), 'x', { rename: broken, delayMs: 1 })).rejects.toThrow(/EXDEV/);
    expect(calls).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.txt'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
