import { segmentKey, type Account, type Contact, type Deal, type Interaction } from '../domain';
import { DEFAULT_RHYTHMS } from './rhythm';
import { localDay } from '../time';

// Row builders for tests and the benchmark: every required field filled with a neutral value, so a
// test states only what it is about.

export function makeAccount(over: Partial<Account> = {}): Account {
  return {
    id: 'acc-1', updatedAt: 0, name: 'Müller Haustechnik GmbH', customerNumber: '', kind: 'company', street: 'Hauptstraße 1',
    postalCode: '80331', city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'rep-1', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 0, ...over,
  };
}

export function makeContact(over: Partial<Contact> = {}): Contact {
  return {
    id: 'con-1', updatedAt: 0, accountId: 'acc-1', salutation: 'ms', title: '', firstName: 'Anna', lastName: 'Weber', position: '',
    phone: '', mobile: '', email: 'anna.weber@example.de', preferredChannel: 'visit', notes: '', ...over,
  };
}

export function makeInteraction(over: Partial<Interaction> = {}): Interaction {
  return {
    id: 'int-1', updatedAt: 0, accountId: 'acc-1', type: 'visit', mode: 'human', status: 'done', at: '2026-11-02T09:00:00.000Z',
    userId: 'rep-1', contactIds: [], subject: 'Besuch', summary: '', nextStep: '', createdAt: 0, ...over,
  } as Interaction;
}

export function makeDeal(over: Partial<Deal> = {}): Deal {
  return {
    id: 'deal-1', updatedAt: 0, accountId: 'acc-1', title: 'Wartungsvertrag', value: 10_000, probability: 50, stage: 'offer_sent',
    ownerId: 'rep-1', lostReason: '', createdAt: '2026-10-01T08:00:00.000Z', ...over,
  };
}

/** Deterministic PRNG (mulberry32), so generated data and benchmarks repeat exactly. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CITIES: [string, string][] = [['80331', 'München'], ['10115', 'Berlin'], ['20095', 'Hamburg'], ['50667', 'Köln'], ['70173', 'Stuttgart'], ['01067', 'Dresden']];

/** n accounts with one contact each, half with a done visit carrying a follow-up, a tenth with an offer. */
export function generateBook(n: number, seed = 1): { accounts: Account[]; contacts: Contact[]; interactions: Interaction[]; deals: Deal[] } {
  const rnd = seededRandom(seed);
  const base = Date.UTC(2026, 10, 23);
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const interactions: Interaction[] = [];
  const deals: Deal[] = [];
  for (let i = 0; i < n; i++) {
    const id = `acc-${i}`;
    const [postalCode, city] = CITIES[Math.floor(rnd() * CITIES.length)] ?? ['80331', 'München'];
    const category = (['A', 'B', 'C', 'D'] as const)[Math.floor(rnd() * 4)] ?? 'A';
    const accountType = rnd() < 0.5 ? 'expand' : 'maintain';
    // A team that works its rhythm: last visits spread over 1.5× the segment's rhythm, so about a
    // third of the book is due or overdue; 5 % were never visited.
    const span = DEFAULT_RHYTHMS[segmentKey(category, accountType)].humanDays * 1.5;
    const last = rnd() < 0.05 ? undefined : new Date(base - Math.floor(rnd() * span) * 86_400_000 - Math.floor(rnd() * 86_400_000)).toISOString();
    accounts.push(makeAccount({
      id, postalCode, city, category, accountType, lifecycle: rnd() < 0.8 ? 'customer' : 'prospect', lastHumanContactAt: last,
    }));
    contacts.push(makeContact({
      id: `con-${i}`, accountId: id, birthday: { day: 1 + Math.floor(rnd() * 28), month: 1 + Math.floor(rnd() * 12), year: rnd() < 0.5 ? 1960 + Math.floor(rnd() * 40) : undefined },
    }));
    if (i % 2 === 0) {
      const at = new Date(base - Math.floor(rnd() * 60) * 86_400_000).toISOString();
      interactions.push(makeInteraction({ id: `int-${i}`, accountId: id, at, followUpDate: localDay(Date.parse(at) + 14 * 86_400_000, 'UTC') }));
    }
    if (i % 10 === 0) deals.push(makeDeal({ id: `deal-${i}`, accountId: id, offerSentAt: new Date(base - Math.floor(rnd() * 40) * 86_400_000).toISOString() }));
  }
  return { accounts, contacts, interactions, deals };
}
