import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { CryptoError, createDataKey, decryptBytes, DEFAULT_PBKDF2_ITERATIONS, encryptBytes, newIv, unlockDataKey } from './data-key';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return e instanceof CryptoError ? e.code : String(e);
  }
}

describe('passphrase-wrapped data keys', () => {
  it('round-trips with the right passphrase and key', async () => {
    const { key, wrapped } = await createDataKey('geheim', 1000);
    const iv = newIv();
    const cipher = await encryptBytes(key, iv, utf8('Großmann'), utf8('header'));
    const again = await unlockDataKey('geheim', wrapped);
    expect(new TextDecoder().decode(await decryptBytes(again, iv, cipher, utf8('header')))).toBe('Großmann');
  });

  it('a wrong passphrase, an altered wrapping or bad parameters say which', async () => {
    const { wrapped } = await createDataKey('richtig', 1000);
    expect(await codeOf(unlockDataKey('falsch', wrapped))).toBe('crypto.wrongPassphrase');
    const flipped = { ...wrapped, wrapped: wrapped.wrapped.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    expect(await codeOf(unlockDataKey('richtig', flipped))).toBe('crypto.wrongPassphrase');
    expect(await codeOf(unlockDataKey('richtig', { ...wrapped, iterations: 0 }))).toBe('crypto.invalidKey');
  });

  it('an altered ciphertext or associated data fails loudly', async () => {
    const { key } = await createDataKey('geheim', 1000);
    const iv = newIv();
    const cipher = await encryptBytes(key, iv, utf8('Klein'), utf8('header'));
    expect(await codeOf(decryptBytes(key, iv, cipher, utf8('Header')))).toBe('crypto.decryptFailed');
    const bad = cipher.slice();
    bad[0]! ^= 1;
    expect(await codeOf(decryptBytes(key, iv, bad, utf8('header')))).toBe('crypto.decryptFailed');
  });

  it('defaults to at least 600 000 PBKDF2 iterations', () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});
