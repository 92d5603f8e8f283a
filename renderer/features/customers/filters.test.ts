import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { addDays } from '../../../shared/planning/calendar';
import { DEFAULT_RHYTHMS } from '../../../shared/planning/rhythm';
import { todayIso } from '../../../shared/time/today';
import { useDueTable } from '../rhythm';
import { toCustomerRow } from '../../db/accounts/customer-list';
import { applyFilters, DEFAULT_FILTERS, sortRows } from './filters';

const base = {
  id: '', updatedAt: 0, customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE',
  phone: '', email: '', website: '', category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'me', productLines: [], tags: [], notes: '', archived: false, createdAt: 0,
} satisfies Omit<Account, 'name'>;

const rows = [
  toCustomerRow({ ...base, id: '1', name: 'Müller Haustechnik GmbH', city: 'München', postalCode: '80331', tags: ['Messe'] }, [{ firstName: 'Jürgen', lastName: 'Weiß', email: '' }]),
  toCustomerRow({ ...base, id: '2', name: 'Schulze Bau', city: 'Köln', postalCode: '50667', category: 'C', ownerId: 'other', country: 'AT' }, [{ firstName: 'Sergej', lastName: 'Ivanov', email: 'ivanov@example.ru' }]),
  toCustomerRow({ ...base, id: '3', name: 'Alte Firma', archived: true, city: 'Ägypten' }, []),
].sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));

const ids = (f: Partial<typeof DEFAULT_FILTERS>) =>
  applyFilters(rows, { ...DEFAULT_FILTERS, owner: 'all', ...f }, 'me').map((r) => r.id);

describe('customer list filters', () => {
  it("shows a rep's own accounts by default and hides archived ones", () => {
    expect(applyFilters(rows, DEFAULT_FILTERS, 'me').map((r) => r.id)).toEqual(['1']);
    expect(ids({ showArchived: true })).toEqual(['3', '1', '2']);
    expect(ids({ category: 'C' })).toEqual(['2']);
  });
  it('filters by country, postal-code or city prefix and tag', () => {
    expect(ids({ country: 'AT' })).toEqual(['2']);
    expect(ids({ place: '80' })).toEqual(['1']);
    expect(ids({ place: 'koe' })).toEqual(['2']);
    expect(ids({ tag: 'messe' })).toEqual(['1']);
  });
  it('sorts any column with German collation', () => {
    const names = new Map([['me', 'Özil'], ['other', 'Zander']]);
    expect(sortRows(rows, { id: 'city', desc: false }, names).map((r) => r.city)).toEqual(['Ägypten', 'Köln', 'München']);
    expect(sortRows(rows, { id: 'owner', desc: true }, names).map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(sortRows(rows, { id: 'name', desc: true }, names).map((r) => r.id)).toEqual(['2', '1', '3']);
  });
  it('sorts by lead score either way, accounts without a score (customers) always last', () => {
    const names = new Map<string, string>();
    // Rows in name order: Alte Firma (3), Müller (1), Schulze (2); only 1 and 3 are scored.
    const scores = new Map([['1', 40], ['3', -20]]);
    expect(sortRows(rows, { id: 'leadScore', desc: true }, names, scores).map((r) => r.id)).toEqual(['1', '3', '2']);
    expect(sortRows(rows, { id: 'leadScore', desc: false }, names, scores).map((r) => r.id)).toEqual(['3', '1', '2']);
    // Equal scores keep name order; no scores read yet: name order.
    expect(sortRows(rows, { id: 'leadScore', desc: true }, names, new Map([['1', 5], ['3', 5]])).map((r) => r.id)).toEqual(['3', '1', '2']);
    expect(sortRows(rows, { id: 'leadScore', desc: true }, names).map((r) => r.id)).toEqual(['3', '1', '2']);
  });
  it('sorts by due date, earliest first, with accounts without a rhythm last in both directions', () => {
    useDueTable.setState((s) => ({ table: DEFAULT_RHYTHMS, version: s.version + 1 }));
    // A-expand's personal rhythm is 42 days; a lead and an archived customer have none, nor does a segment set to 0.
    const ago = (days: number) => new Date(`${addDays(todayIso(), -days)}T10:00:00`).toISOString();
    const due = [
      toCustomerRow({ ...base, id: 'lead', name: 'Aachen Lead', lifecycle: 'lead', lastHumanContactAt: ago(200) }, []),
      toCustomerRow({ ...base, id: 'ok', name: 'Bremen OK', lastHumanContactAt: ago(5) }, []),
      toCustomerRow({ ...base, id: 'late', name: 'Celle spät', lastHumanContactAt: ago(120) }, []),
      toCustomerRow({ ...base, id: 'gone', name: 'Dessau archiviert', archived: true, lastHumanContactAt: ago(300) }, []),
      toCustomerRow({ ...base, id: 'never', name: 'Essen nie' }, []),
      toCustomerRow({ ...base, id: 'soon', name: 'Fulda bald', lastHumanContactAt: ago(40) }, []),
      toCustomerRow({ ...base, id: 'due', name: 'Gera fällig', lastHumanContactAt: ago(50) }, []),
    ];
    const order = (desc: boolean) => sortRows(due, { id: 'due', desc }, new Map()).map((r) => r.id);
    expect(order(false)).toEqual(['never', 'late', 'due', 'soon', 'ok', 'lead', 'gone']);
    expect(order(true)).toEqual(['ok', 'soon', 'due', 'late', 'never', 'lead', 'gone']);
  });
});
