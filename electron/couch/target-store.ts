/**
 * Where the shell keeps the team's CouchDB server: a small JSON file in the app's data folder holding
 * the database URL, the user name and the password encrypted by the OS keychain (Electron's
 * safeStorage, injected so this module runs under plain Node). Without a usable keychain the password
 * is held in memory for this session only and never written in plain text; `kept` says which.
 * The file is outside the app database, so backups and exports never contain it.
 */
import { readFile, rm } from 'node:fs/promises';
import type { CouchTargetInfo } from '../../shared/bridge/contract';
import type { CouchHttpTarget } from '../../shared/bridge/couch-http';
import { normaliseCouchUrl } from '../../shared/bridge/couch-url';
import { writeFileAtomic } from '../fs/atomic-write';

/** The slice of Electron's safeStorage used here. */
export type Encrypter = {
  /** False when the OS offers no keychain (or only a fixed built-in key, which is no protection). */
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

/** What the file holds; the password only ever encrypted (base64 of safeStorage's bytes). */
type StoredTarget = { url: string; user: string; password?: string };

export type CouchTargetStore = {
  info(): Promise<CouchTargetInfo>;
  /** The full target for a request (with the password), or undefined while none is set. */
  target(): Promise<CouchHttpTarget | undefined>;
  /**
   * The target a typed server would have, resolved as `set` would (password '' = the kept one for the
   * same URL and user), without writing or remembering anything of it.
   */
  candidate(request: { url: string; user: string; password: string }): Promise<CouchHttpTarget>;
  /** Sets (password '' keeps the kept one for the same URL and user) or forgets the target. */
  set(request: { url: string; user: string; password: string } | null): Promise<CouchTargetInfo>;
};

export function createCouchTargetStore(file: string, encrypter: Encrypter): CouchTargetStore {
  /** Password held for this session when the keychain is unavailable (never written). */
  let sessionPassword: { url: string; user: string; password: string } | undefined;

  const load = async (): Promise<StoredTarget | undefined> => {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (!text) return undefined;
    try {
      const parsed = JSON.parse(text) as Partial<StoredTarget>;
      const url = typeof parsed.url === 'string' ? normaliseCouchUrl(parsed.url) : null;
      if (!url) return undefined;
      return { url, user: typeof parsed.user === 'string' ? parsed.user : '', ...(typeof parsed.password === 'string' ? { password: parsed.password } : {}) };
    } catch {
      return undefined;
    }
  };

  const decrypt = (stored: StoredTarget): string | undefined => {
    if (stored.password === undefined || !encrypter.isEncryptionAvailable()) return undefined;
    try {
      return encrypter.decryptString(Buffer.from(stored.password, 'base64'));
    } catch {
      // Another OS user or a new keychain: the password must be entered again.
      return undefined;
    }
  };

  const sessionFor = (stored: StoredTarget) =>
    sessionPassword && sessionPassword.url === stored.url && sessionPassword.user === stored.user ? sessionPassword.password : undefined;

  const info = async (): Promise<CouchTargetInfo> => {
    const stored = await load();
    if (!stored) return { kept: 'none' };
    const kept = sessionFor(stored) !== undefined ? 'session' : decrypt(stored) !== undefined ? 'safeStorage' : 'none';
    return { url: stored.url, user: stored.user, kept };
  };

  return {
    info,
    async target() {
      const stored = await load();
      if (!stored) return undefined;
      return { url: stored.url, user: stored.user, password: sessionFor(stored) ?? decrypt(stored) ?? '' };
    },
    async candidate(request) {
      const url = normaliseCouchUrl(request.url);
      if (!url) throw new Error('ERR_COUCH_URL: not a CouchDB database URL');
      if (request.password !== '') return { url, user: request.user, password: request.password };
      const previous = await load();
      const same = previous?.url === url && previous.user === request.user;
      return { url, user: request.user, password: same && previous ? (sessionFor(previous) ?? decrypt(previous) ?? '') : '' };
    },
    async set(request) {
      if (request === null) {
        sessionPassword = undefined;
        await rm(file, { force: true });
        return { kept: 'none' };
      }
      const url = normaliseCouchUrl(request.url);
      if (!url) throw new Error('ERR_COUCH_URL: not a CouchDB database URL');
      const previous = await load();
      const same = previous?.url === url && previous.user === request.user;
      let password = request.password;
      let encrypted: string | undefined;
      if (password === '' && same && previous) {
        // Keep what is kept: the encrypted bytes as they are, or the session's password.
        encrypted = previous.password;
        password = sessionFor(previous) ?? '';
      } else if (password !== '' && encrypter.isEncryptionAvailable()) {
        encrypted = encrypter.encryptString(password).toString('base64');
      }
      sessionPassword = password !== '' && encrypted === undefined ? { url, user: request.user, password } : undefined;
      const next: StoredTarget = { url, user: request.user, ...(encrypted === undefined ? {} : { password: encrypted }) };
      await writeFileAtomic(file, JSON.stringify(next));
      return info();
    },
  };
}
