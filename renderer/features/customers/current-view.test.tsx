// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../shared/validation/account';
import { useSession } from '../../core/session';
import { createAccount } from '../../db/accounts/account-writes';
import { openDb, useDatabase } from '../../db/core/db';
import { saveSegmentRule } from '../../db/planning/planning';
import { setSetting } from '../../db/team/settings';
import { useDueTable } from '../rhythm';
import { resetCustomerIndex, useCustomerIndex } from './customer-index';
import { DEFAULT_FILTERS, useCustomerFilters } from './filters';
import { useCustomerQuery } from './search';
import { customerViewRows } from './view-pipeline';
import { useCurrentView } from './current-view';

const input = (name: string, city: string, category: 'A' | 'B'): AccountInput => ({
  name, customerNumber: '', kind: 'company', street: '', postalCode: '80331', city, country: 'DE', phone: '', email: '',
  website: '', category, accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1',
  productLines: [], tags: [], notes: '',
});

// "Export the current view" straight after start-up, the list never opened: it must wait for the
// saved sort and the saved rhythm table, not export name order with the default rhythms.
describe('export of the current view', () => {
  beforeEach(async () => {
    resetCustomerIndex();
    useDatabase(openDb(`view-${crypto.randomUUID()}`));
    useSession.setState({ selfId: 'u1' });
    useCustomerQuery.getState().setQuery('');
    for (const [name, city, category] of [['Müller Bau', 'Köln', 'A'], ['Mueller Haus', 'Aachen', 'B'], ['Muller AG', 'Zwickau', 'B'], ['Schulze', 'Berlin', 'B']] as const) {
      const r = await createAccount(input(name, city, category));
      if (!r.ok) throw new Error('invalid');
    }
    await setSetting('customerListState', { sort: { id: 'city', desc: true }, columns: {} });
    // B-Maintain accounts get no personal rhythm: they are never "never contacted".
    await saveSegmentRule('B', 'maintain', 0, 30);
  });

  it('gives the list’s rows in the list’s order, with the saved sort and rhythm table', async () => {
    useCustomerFilters.setState({ filters: { ...DEFAULT_FILTERS, owner: 'me' } });
    const { result, rerender } = renderHook(() => useCurrentView());
    await waitFor(() => expect(result.current.ready).toBe(true));
    const rows = useCustomerIndex.getState().rows;
    const names = (ids: string[]) => ids.map((id) => rows.find((r) => r.id === id)?.name);
    expect(names(result.current.ids)).toEqual(['Muller AG', 'Müller Bau', 'Schulze', 'Mueller Haus']);

    // Every spelling of Müller is found (shared/text/normalize), in the list's order.
    useCustomerQuery.getState().setQuery('müller');
    rerender();
    expect(names(result.current.ids)).toEqual(['Muller AG', 'Müller Bau', 'Mueller Haus']);

    useCustomerFilters.setState({ filters: { ...DEFAULT_FILTERS, owner: 'me', due: 'never' } });
    useCustomerQuery.getState().setQuery('');
    rerender();
    expect(useDueTable.getState().table['B-maintain']?.humanDays).toBe(0);
    expect(names(result.current.ids)).toEqual(['Müller Bau']);
    const context = { selfId: 'u1', ownerNames: new Map<string, string>(), rhythms: 0 };
    const view = { sort: { id: 'city', desc: true }, filters: useCustomerFilters.getState().filters, query: '' };
    expect(result.current.ids).toEqual(customerViewRows(rows, view, context).map((r) => r.id));
  });
});
