/**
 * One write path (docs/data-safety.md): every read-write transaction of the renderer is opened by
 * runWrite in renderer/db/core/write.ts, so a full disk is said the same way everywhere and an undo
 * journal has one place to attach. Implicit one-table writes are caught at run time instead (the
 * write guard, renderer/db/core/storage-full.test.ts); this scan catches the explicit ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const WRITE_PATH = 'renderer/db/core/write.ts';

/** Opening a read-write transaction: Dexie's 'rw' (also 'rw!', 'rw?') or IndexedDB's 'readwrite'. */
const RW_TRANSACTION = /transaction\(\s*['"`]rw[!?]?['"`]/;
const READWRITE = /['"`]readwrite['"`]/;

/** 'readwrite' that opens no IndexedDB transaction, and why. */
const NOT_A_TRANSACTION: Record<string, string> = {
  'renderer/bridge/fsa-sync.ts': 'the File System Access permission mode of the sync folder',
  'renderer/db/history/postings-index.ts': "the postings middleware reads a transaction's mode",
};

const isTest = (file: string) => /\.test\.tsx?$|\.test-support\.ts$/.test(file);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

type Hit = { file: string; line: number; text: string };

function hits(files: string[]): Hit[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const rw = RW_TRANSACTION.test(text) || (READWRITE.test(text) && !(file in NOT_A_TRANSACTION));
        return rw ? [{ file, line: i + 1, text: text.trim() }] : [];
      }),
  );
}

describe('one write path', () => {
  const files = sources('renderer');
  const app = hits(files.filter((f) => !isTest(f) && f !== WRITE_PATH));
  const tests = hits(files.filter(isTest));

  it('opens read-write transactions only in renderer/db/core/write.ts', () => {
    console.info(`write path: ${app.length} read-write transactions outside ${WRITE_PATH} (tests open ${tests.length} for raw setup)`);
    expect(app.map((h) => `${h.file}:${h.line}: ${h.text}`)).toEqual([]);
  });

  it('finds what it looks for (the scan reads the tree)', () => {
    expect(hits([WRITE_PATH])).toHaveLength(1);
    for (const file of Object.keys(NOT_A_TRANSACTION)) expect(fs.readFileSync(path.join(root, file), 'utf8')).toMatch(READWRITE);
  });
});
