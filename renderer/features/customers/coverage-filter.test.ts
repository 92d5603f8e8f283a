/**
 * Today's visit-coverage figures link to the customer list (#/customers?owner=…&due=…): the list
 * must show exactly the accounts each figure counts, on any data. The coverage reads every account
 * of the rep (trashed ones included, db/planning/load.ts); the list reads the live rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, type Account, type AccountType, type Lifecycle, type SegmentKey } from '../../../shared/domain';
import { addDays, localTimeZone } from '../../../shared/planning/calendar';
import { DEFAULT_RHYTHMS, SEGMENT_KEYS, visitCoverage, type Rhythm, type RhythmTable } from '../../../shared/planning/rhythm';
import { asIsoDate } from '../../../shared/time';
import { todayIso } from '../../../shared/time/today';
import { useDueTable } from '../rhythm';
import { toCustomerRow } from '../../db/accounts/customer-list';
import { totalCoverage } from '../plan';
import { applyFilters, DEFAULT_FILTERS } from './filters';

const base = {
  updatedAt: 0, customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE', phone: '', email: '',
  website: '', lifecycleDates: {}, churnReason: '', productLines: [], tags: [], notes: '', createdAt: 0,
} satisfies Partial<Account>;

const OWNERS = ['me', 'other', ''];
const LIFECYCLES: Lifecycle[] = ['lead', 'prospect', 'customer', 'former'];
/** "E" is a bad import's category: no segment, no rhythm. */
const CATEGORIES = ['A', 'B', 'C', 'D', 'E'] as Account['category'][];

/** A last contact: never, a day a few years back up to tomorrow (at noon, or late at night in UTC), or garbage. */
const lastContact = fc.oneof(
  fc.constant(undefined),
  fc.constant('kein Datum'),
  fc.record({ back: fc.integer({ min: -1, max: 900 }), late: fc.boolean() }).map(({ back, late }) => `${addDays(todayIso(), -back)}T${late ? '23:30' : '12:00'}:00.000Z`),
);

const account = fc.record({
  owner: fc.constantFrom(...OWNERS),
  lifecycle: fc.constantFrom(...LIFECYCLES),
  category: fc.constantFrom(...CATEGORIES),
  accountType: fc.constantFrom<AccountType>(...ACCOUNT_TYPES),
  archived: fc.boolean(),
  trashed: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  last: lastContact,
  override: fc.option(fc.record({ humanDays: fc.integer({ min: 0, max: 200 }), digitalDays: fc.integer({ min: 0, max: 60 }) }), { nil: undefined }),
});

/** A team table: some segments with their human rhythm switched off (0). */
const table = fc.array(fc.integer({ min: 0, max: 120 }), { minLength: SEGMENT_KEYS.length, maxLength: SEGMENT_KEYS.length }).map((days) => {
  const t: Record<SegmentKey, Rhythm> = { ...DEFAULT_RHYTHMS };
  SEGMENT_KEYS.forEach((k, i) => (t[k] = { humanDays: days[i]!, digitalDays: 30 }));
  return t as RhythmTable;
});

type Spec = typeof account extends fc.Arbitrary<infer T> ? T : never;

function accountsOf(specs: Spec[]): Account[] {
  return specs.map((s, i) => ({
    ...base, id: `a${i}`, name: `Firma ${i}`, ownerId: s.owner, lifecycle: s.lifecycle, category: s.category, accountType: s.accountType,
    archived: s.archived, ...(s.trashed ? { deletedAt: 1 } : {}), ...(s.last ? { lastHumanContactAt: s.last } : {}), ...(s.override ? { rhythm: s.override } : {}),
  }) as Account);
}

/** The figures as Today shows them: the rep's (or the team's) accounts through visitCoverage. */
function figures(accounts: Account[], rhythms: RhythmTable, owner: string | undefined) {
  const mine = owner ? accounts.filter((a) => a.ownerId === owner) : accounts;
  const total = totalCoverage(visitCoverage(mine, rhythms, todayIso(), localTimeZone()));
  return { ok: total.withinRhythm, uncovered: total.accounts - total.withinRhythm, rhythm: total.accounts };
}

/** What the list shows for the same link: live rows only, the link's owner and due filter. */
function listed(accounts: Account[], rhythms: RhythmTable, owner: 'me' | 'all', due: 'ok' | 'uncovered' | 'rhythm'): number {
  useDueTable.setState((s) => ({ table: rhythms, version: s.version + 1 }));
  const rows = accounts.filter((a) => a.deletedAt === undefined).map((a) => toCustomerRow(a, []));
  return applyFilters(rows, { ...DEFAULT_FILTERS, owner, due }, 'me').length;
}

describe("Today's coverage figures and the list they open", () => {
  it('count the same accounts: within rhythm, not within, all with a rhythm (mine and the team)', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 60 }), table, (specs, rhythms) => {
        const accounts = accountsOf(specs);
        for (const owner of ['me', 'all'] as const) {
          const shown = figures(accounts, rhythms, owner === 'me' ? 'me' : undefined);
          for (const due of ['ok', 'uncovered', 'rhythm'] as const) expect(listed(accounts, rhythms, owner, due), `${owner} ${due}`).toBe(shown[due]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out leads, former customers, archived and trashed accounts, other reps, and rhythms switched off', () => {
    const rhythms: RhythmTable = { ...DEFAULT_RHYTHMS, 'D-maintain': { humanDays: 0, digitalDays: 90 } };
    const recent = `${addDays(todayIso(), -3)}T12:00:00.000Z`;
    const old = `${asIsoDate('2020-01-01')}T12:00:00.000Z`;
    const accounts = accountsOf([
      { owner: 'me', lifecycle: 'customer', category: 'A', accountType: 'expand', archived: false, trashed: false, last: recent, override: undefined },
      { owner: 'me', lifecycle: 'prospect', category: 'B', accountType: 'maintain', archived: false, trashed: false, last: old, override: undefined },
      { owner: 'me', lifecycle: 'customer', category: 'C', accountType: 'expand', archived: false, trashed: false, last: undefined, override: undefined },
      { owner: 'me', lifecycle: 'lead', category: 'A', accountType: 'expand', archived: false, trashed: false, last: old, override: undefined },
      { owner: 'me', lifecycle: 'former', category: 'A', accountType: 'expand', archived: false, trashed: false, last: old, override: undefined },
      { owner: 'me', lifecycle: 'customer', category: 'A', accountType: 'expand', archived: true, trashed: false, last: old, override: undefined },
      { owner: 'me', lifecycle: 'customer', category: 'A', accountType: 'expand', archived: false, trashed: true, last: old, override: undefined },
      { owner: 'me', lifecycle: 'customer', category: 'D', accountType: 'maintain', archived: false, trashed: false, last: old, override: undefined },
      { owner: 'me', lifecycle: 'customer', category: 'D', accountType: 'maintain', archived: false, trashed: false, last: old, override: { humanDays: 30, digitalDays: 0 } },
      { owner: 'other', lifecycle: 'customer', category: 'A', accountType: 'expand', archived: false, trashed: false, last: old, override: undefined },
    ]);
    expect(figures(accounts, rhythms, 'me')).toEqual({ ok: 1, uncovered: 3, rhythm: 4 });
    expect(['ok', 'uncovered', 'rhythm'].map((due) => listed(accounts, rhythms, 'me', due as 'ok'))).toEqual([1, 3, 4]);
    expect(listed(accounts, rhythms, 'all', 'uncovered')).toBe(4);
  });
});
