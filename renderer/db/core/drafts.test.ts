/**
 * Drafts survive a disk that refuses them: the tab's sessionStorage mirror holds the newest input
 * until IndexedDB has it, so a reload after a full disk still brings it back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, useDatabase, type RapportDb } from './db';
import { deleteDraft, loadDraft, saveDraft } from './drafts';
import { StorageFullError } from './write';

/** sessionStorage as the browser gives it (vitest runs in Node, which has none). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

let db: RapportDb;
let storage: MemoryStorage;
beforeEach(() => {
  db = openDb(`drafts-${crypto.randomUUID()}`);
  useDatabase(db);
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

/** The disk is full for every draft write until the returned function is called. */
function fullDisk(): () => void {
  const hook = () => {
    throw new DOMException('Failed to write blobs (IOError)', 'AbortError');
  };
  db.drafts.hook('creating', hook);
  db.drafts.hook('updating', hook);
  return () => {
    db.drafts.hook('creating').unsubscribe(hook);
    db.drafts.hook('updating').unsubscribe(hook);
  };
}

describe('drafts on a full disk', () => {
  it('keeps the newest input in the mirror when IndexedDB refuses it, and drops the mirror once stored', async () => {
    await saveDraft('interaction:new:any', { subject: 'Jahresgespräch' });
    expect(storage.length).toBe(0);

    const free = fullDisk();
    await expect(saveDraft('interaction:new:any', { subject: 'Jahresgespräch Kessel' })).rejects.toBeInstanceOf(StorageFullError);
    free();
    // IndexedDB still holds the older draft; what the user sees is the newer one.
    expect((await db.drafts.get('interaction:new:any'))?.payload).toEqual({ subject: 'Jahresgespräch' });
    expect(await loadDraft('interaction:new:any')).toEqual({ subject: 'Jahresgespräch Kessel' });

    await saveDraft('interaction:new:any', { subject: 'Jahresgespräch Kessel 2' });
    expect(storage.length).toBe(0);
    expect(await loadDraft('interaction:new:any')).toEqual({ subject: 'Jahresgespräch Kessel 2' });

    await deleteDraft('interaction:new:any');
    expect(await loadDraft('interaction:new:any')).toBeUndefined();
  });

  it('a draft deleted while the disk is full does not come back from the mirror', async () => {
    const free = fullDisk();
    await expect(saveDraft('account:new', { name: 'Bäckerei Weiß' })).rejects.toBeInstanceOf(StorageFullError);
    free();
    await deleteDraft('account:new');
    expect(await loadDraft('account:new')).toBeUndefined();
  });
});
