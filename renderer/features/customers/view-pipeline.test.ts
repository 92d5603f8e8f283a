import { describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, CATEGORIES, LIFECYCLES, type Account } from '../../../shared/domain';
import { toCustomerRow, type CustomerRow } from '../../db/accounts/customer-list';
import { DEFAULT_FILTERS, type CustomerFilters, type CustomerSort } from './filters';
import { GramIndex } from './gram-index';
import { createCustomerView, customerViewRows, filterOnce, type CustomerViewContext } from './view-pipeline';

const base = {
  id: '', updatedAt: 0, customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE',
  phone: '', email: '', website: '', category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'me', productLines: [], tags: [], notes: '', archived: false, createdAt: 0,
} satisfies Omit<Account, 'name'>;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Müller', 'Mueller', 'Muller', 'Schulze', 'Weiß', 'Weiss', 'Öztürk', 'Crème', 'Bäckerei', 'Straßenbau', 'Kölner', 'Ivanov'];
const SUFFIXES = ['GmbH', 'Bau', 'Haustechnik', 'AG', 'KG', 'Café', ''];
const CITIES = ['Köln', 'Koeln', 'Koln', 'München', 'Berlin', 'Düsseldorf', 'Straßburg', 'Wien'];
const OWNERS = ['me', 'other', 'third'];
const TAGS = ['Messe', 'VIP', 'Newsletter'];

function generate(count: number, seed: number): CustomerRow[] {
  const rnd = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const rows: CustomerRow[] = [];
  for (let i = 0; i < count; i++) {
    const contacted = rnd() < 0.7 ? new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 400) * 86_400_000).toISOString() : undefined;
    const account: Account = {
      ...base, id: `a${i}`, name: `${pick(NAMES)} ${pick(SUFFIXES)} ${i % 7}`.trim(), city: pick(CITIES), postalCode: String(10000 + Math.floor(rnd() * 89999)),
      customerNumber: `K-${1000 + i}`, country: pick(['DE', 'AT', 'CH']), category: pick(CATEGORIES), accountType: pick(ACCOUNT_TYPES), lifecycle: pick(LIFECYCLES),
      ownerId: pick(OWNERS), tags: rnd() < 0.4 ? [pick(TAGS)] : [], archived: rnd() < 0.1,
      ...(contacted ? { lastHumanContactAt: contacted } : {}),
    };
    const contacts = rnd() < 0.6 ? [{ firstName: pick(['Jürgen', 'Anna', 'Sergej']), lastName: pick(['Weiß', 'Öz', 'Koch']), email: `${i}@example.de` }] : [];
    rows.push(toCustomerRow(account, contacts));
  }
  // The index hands rows over in collation order; the name sort relies on it.
  return rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

const rows = generate(400, 42);
const grams = new GramIndex();
for (const r of rows) grams.add(r.seq, r.haystack);
const context: CustomerViewContext = { selfId: 'me', ownerNames: new Map([['me', 'Özil'], ['other', 'Anders'], ['third', 'Zander']]), rhythms: 0 };
const ids = (found: readonly CustomerRow[]) => found.map((r) => r.id);

const SORTS: CustomerSort[] = [
  { id: 'name', desc: false }, { id: 'name', desc: true }, { id: 'city', desc: false }, { id: 'owner', desc: true },
  { id: 'due', desc: false }, { id: 'lastContact', desc: true }, { id: 'lifecycle', desc: false }, { id: 'tags', desc: false }, { id: 'contacts', desc: true },
];
const FILTERS: Partial<CustomerFilters>[] = [
  {}, { owner: 'all' }, { owner: 'other', showArchived: true }, { owner: 'all', category: 'B', lifecycle: 'customer' },
  { owner: 'all', place: 'koe' }, { owner: 'all', place: '1' }, { owner: 'all', tag: 'messe', country: 'AT' }, { owner: 'all', due: 'dueOrOverdue' }, { owner: 'all', due: 'never' },
];
/** Queries as typed key by key, with Backspace: the list narrows from earlier results, the reference never does. */
const TYPED = ['m', 'mu', 'mul', 'mull', 'mulle', 'muller', 'mulle', 'mue', 'muel', 'mueller', '', 'k', 'ko', 'kol', 'koln', 'kö', 'köln', 'koe', 'koeln', 'koeln a', 'weiss', 'weiß', 'MÜLLER gmbh', 'k-10', 'x'];

describe('customer list pipeline: the list and "export the current view" agree', () => {
  it('gives the same rows in the same order for every sort, filter and keystroke', () => {
    for (const sort of SORTS) {
      for (const f of FILTERS) {
        const filters = { ...DEFAULT_FILTERS, ...f };
        // The list: one remembering pipeline per page, with the gram index, fed keystroke by keystroke.
        const list = createCustomerView();
        for (const query of TYPED) {
          const view = { sort, filters, query };
          const label = `${sort.id}${sort.desc ? '↓' : '↑'} ${JSON.stringify(f)} "${query}"`;
          expect(ids(list(rows, view, context, grams)), label).toEqual(ids(customerViewRows(rows, view, context)));
        }
      }
    }
  });

  it('folds both ways: Müller, Mueller and Muller find each other, Köln, Koeln and Koln too', () => {
    const view = { sort: { id: 'name', desc: false }, filters: { ...DEFAULT_FILTERS, owner: 'all', showArchived: true }, query: '' };
    const found = (query: string) => customerViewRows(rows, { ...view, query }, context);
    const names = (query: string) => new Set(found(query).map((r) => r.name.split(' ')[0]));
    const umlautMuellers = new Set(['Mueller', 'Müller', 'Muller']);
    for (const q of ['mueller', 'müller', 'muller', 'MÜLLER']) expect(names(q), q).toEqual(umlautMuellers);
    expect(ids(found('müller'))).toEqual(ids(found('muller')));
    // By city (accounts named "Kölner …" elsewhere are found too, rightly).
    const cities = (query: string) => new Set(found(query).filter((r) => !r.name.startsWith('Kölner')).map((r) => r.city));
    for (const q of ['köln', 'koeln', 'koln']) expect(cities(q), q).toEqual(new Set(['Köln', 'Koeln', 'Koln']));
    // Half typed: "koe" is on its way to Koeln or Köln, not to Koln.
    expect(cities('koe')).toEqual(new Set(['Köln', 'Koeln']));
  });

  it('a keystroke neither sorts nor filters again, and a new rhythm table does both', () => {
    const list = createCustomerView();
    const filters = { ...DEFAULT_FILTERS, owner: 'all' };
    const sort = { id: 'city', desc: false };
    const all = list(rows, { sort, filters, query: '' }, context, grams);
    list(rows, { sort, filters, query: 'mu' }, context, grams);
    // The empty query hands back the filtered list itself: same array, so neither stage ran again.
    expect(list(rows, { sort: { ...sort }, filters, query: '' }, context, grams)).toBe(all);
    expect(list(rows, { sort, filters, query: '' }, { ...context, rhythms: 1 }, grams)).not.toBe(all);
  });

  it('filterOnce answers the same rows and filters again without a new pass, and anything else afresh', () => {
    const all = { ...DEFAULT_FILTERS, owner: 'all' };
    const first = filterOnce(rows, all, context);
    expect(filterOnce(rows, all, context)).toBe(first);
    expect(filterOnce(rows, all, { ...context, rhythms: 7 })).not.toBe(first);
    expect(filterOnce(rows, { ...all, category: 'C' }, context).every((r) => r.category === 'C')).toBe(true);
    expect(filterOnce(rows, DEFAULT_FILTERS, context).every((r) => r.ownerId === 'me' && !r.archived)).toBe(true);
    expect(filterOnce(rows, DEFAULT_FILTERS, { ...context, selfId: 'other' }).every((r) => r.ownerId === 'other')).toBe(true);
    expect(filterOnce([...rows], DEFAULT_FILTERS, context)).not.toBe(filterOnce(rows, DEFAULT_FILTERS, context));
  });
});
