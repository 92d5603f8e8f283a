/** CRYPTO-TAMPER for backups: wrong passphrase, a flipped byte anywhere, a truncated file. */
import { describe, expect, it } from 'vitest';
import { decryptBackup, encryptBackup, isEncryptedBackup } from './encryption';

const TEXT = JSON.stringify({ format: 'rapport-backup', tables: { contacts: [{ id: 'c1', lastName: 'Schröder', email: 'anna@example.de' }] } });
const FAST = 1000; // PBKDF2 iterations for tests; production uses 600 000.

describe('encrypted backups', () => {
  it('round-trips and hides the content', async () => {
    const bytes = await encryptBackup(TEXT, 'Sommer 2026!', FAST);
    expect(isEncryptedBackup(bytes)).toBe(true);
    expect(new TextDecoder().decode(bytes)).not.toContain('Schröder');
    expect(await decryptBackup(bytes, 'Sommer 2026!')).toBe(TEXT);
  });

  it('refuses a wrong passphrase', async () => {
    const bytes = await encryptBackup(TEXT, 'richtig', FAST);
    await expect(decryptBackup(bytes, 'falsch')).rejects.toMatchObject({ code: 'backup.crypto.wrongPassphrase' });
  });

  it('refuses a flipped byte anywhere: header or body', async () => {
    const bytes = await encryptBackup(TEXT, 'pw', FAST);
    const newline = bytes.indexOf(0x0a);
    const positions = [newline + 1, newline + 20, bytes.length - 1, Math.floor(newline / 2), newline - 5];
    for (const at of positions) {
      const copy = bytes.slice();
      copy[at] = copy[at]! ^ 0x01;
      await expect(decryptBackup(copy, 'pw'), `byte ${at}`).rejects.toMatchObject({ name: 'BackupCryptoError' });
    }
  });

  it('refuses a truncated file, at any length', async () => {
    const bytes = await encryptBackup(TEXT, 'pw', FAST);
    for (const length of [0, 10, bytes.indexOf(0x0a), bytes.indexOf(0x0a) + 1, bytes.length - 16, bytes.length - 1]) {
      await expect(decryptBackup(bytes.subarray(0, length), 'pw'), `length ${length}`).rejects.toMatchObject({ name: 'BackupCryptoError' });
    }
  });

  it('tells a plain backup apart', async () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(isEncryptedBackup(plain)).toBe(false);
    await expect(decryptBackup(plain, 'pw')).rejects.toMatchObject({ code: 'backup.crypto.notEncrypted' });
  });
});
