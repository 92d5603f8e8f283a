import { DEFAULT_DB_NAME } from '../../../renderer/db/db';
import { foldForSearch, matchesQuery } from '../../../shared/text/normalize';
import { getAll } from './raw-idb';

type Row = { id: string; name: string; city: string; postalCode: string; customerNumber: string; email: string; deletedAt?: number };
type Person = { accountId: string; firstName: string; lastName: string; email: string; deletedAt?: number };

/**
 * The search floor: the same folded strings the customer list searches (name, city, postal code,
 * customer no., e-mail, contact names and e-mails), filtered with a plain Array.filter per keystroke.
 * Returns the milliseconds of each query in order.
 */
export async function searchFloor(queries: string[]): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DEFAULT_DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const [accounts, contacts] = (await Promise.all([getAll(db, 'accounts'), getAll(db, 'contacts')])) as [Row[], Person[]];
  db.close();
  const people = new Map<string, Person[]>();
  for (const c of contacts) if (c.deletedAt === undefined) people.set(c.accountId, [...(people.get(c.accountId) ?? []), c]);
  const haystacks = accounts.map((a) => {
    const ps = people.get(a.id) ?? [];
    const names = ps.map((p) => `${p.firstName} ${p.lastName}`).join(', ');
    return foldForSearch(`${a.name} ${a.city} ${a.postalCode} ${a.customerNumber} ${a.email} ${names} ${ps.map((p) => p.email).join(' ')}`);
  });
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const folded = foldForSearch(q);
    hits += haystacks.filter((h) => matchesQuery(h, folded)).length;
    times.push(performance.now() - t0);
  }
  (window as unknown as { floorHits: number }).floorHits = hits;
  return times;
}
