import { describe, expect, it } from 'vitest';
import { makeChange } from './change';
import { createDataKey } from '../crypto';
import { encodeHlc } from './hlc';
import { parseDataPath } from './layout';
import { SyncError } from './problems';
import { createRoot, decodeRoot, encodeRoot, openRoot } from './root';
import { decodeDataFile, encodeDataFile, hashMatches } from './segment';
import { sha256Hex } from '../bytes';

const hlc = (n: number) => encodeHlc({ wall: 1_700_000_000_000 + n, counter: 0, device: 'alice' });
const changes = [
  makeChange('contacts', 'c1', 'lastName', 'Weiß', hlc(1)),
  makeChange('contacts', 'c1', 'birthday', { day: 3, month: 4 }, hlc(2)),
  makeChange('contacts', 'c1', '_deleted', true, hlc(3)),
];
const header = { kind: 'segment' as const, folder: 'f00dcafe', device: 'alice', seq: 7, prev: '', created: hlc(4) };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return e instanceof SyncError ? e.code : String(e);
  }
}

describe('segment files', () => {
  it('round-trips plain files and names them by content hash', async () => {
    const f = await encodeDataFile(header, changes);
    expect(parseDataPath(f.path)).toMatchObject({ device: 'alice', seq: 7, hash: f.hash, kind: 'segment', conflictCopy: false });
    expect(await sha256Hex(f.bytes)).toBe(f.hash);
    const d = await decodeDataFile(f.bytes, undefined);
    expect(d.changes).toEqual(changes);
    expect(d.header).toMatchObject({ ...header, count: 3 });
  });

  it('recognises conflicted-copy names of sync tools', () => {
    const base = `segments/bob/00000012-${'a'.repeat(64)}`;
    for (const name of [' (conflicted copy 2026-11-23).seg', '.sync-conflict-20261123-101010-XYZ.seg', '-DESKTOP-XYZ.seg', ' (1).seg', '.seg (Konflikt)'])
      expect(parseDataPath(base + name)).toMatchObject({ device: 'bob', seq: 12, conflictCopy: true });
    expect(parseDataPath(`segments/bob/.00000012-${'a'.repeat(64)}.seg.tmp-1`)).toBeNull();
    expect(parseDataPath(`segments/../00000012-${'a'.repeat(64)}.seg`)).toBeNull();
  });

  it('a truncated file fails the hash check and cannot be parsed', async () => {
    const f = await encodeDataFile(header, changes);
    const cut = f.bytes.slice(0, f.bytes.length - 5);
    expect(await hashMatches(cut, f.hash)).toBe(false);
    expect(await codeOf(decodeDataFile(cut, undefined))).toBe('segment.invalid');
  });
});

describe('encryption', () => {
  it('encrypts the body, authenticates the header and detects a flipped byte', async () => {
    const { key } = await createDataKey('geheim', 1000);
    const f = await encodeDataFile(header, changes, key);
    expect(new TextDecoder().decode(f.bytes)).not.toContain('Weiß');
    expect((await decodeDataFile(f.bytes, key)).changes).toEqual(changes);
    // A flipped byte anywhere — header or body — is rejected even if someone renamed the file to match.
    for (const at of [10, f.bytes.length - 3]) {
      const bad = f.bytes.slice();
      bad[at]! ^= 1;
      expect(['segment.decryptFailed', 'segment.invalid']).toContain(await codeOf(decodeDataFile(bad, key)));
    }
    expect(await codeOf(decodeDataFile(f.bytes, undefined))).toBe('crypto.passphraseRequired');
    // An encrypted folder refuses plain files.
    expect(await codeOf(decodeDataFile((await encodeDataFile(header, changes)).bytes, key))).toBe('segment.invalid');
  });

  it('a wrong passphrase gives a clear code', async () => {
    const { root } = await createRoot(1, 'richtig', 1000);
    const again = decodeRoot(encodeRoot(root));
    expect(await openRoot(again, 'richtig')).toBeDefined();
    expect(await codeOf(openRoot(again, 'falsch'))).toBe('crypto.wrongPassphrase');
    expect(await codeOf(openRoot(again, undefined))).toBe('crypto.passphraseRequired');
    const flipped = { ...root, key: { ...root.key!, wrapped: root.key!.wrapped.replace(/^./, (c) => (c === '0' ? '1' : '0')) } };
    expect(await codeOf(openRoot(flipped, 'richtig'))).toBe('crypto.wrongPassphrase');
    expect(await codeOf(openRoot({ ...root, key: { ...root.key!, iterations: 0 } }, 'richtig'))).toBe('root.invalid');
  });
});
