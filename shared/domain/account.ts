import type { Id, IsoDate, IsoInstant, RowMeta, Trashable } from './common';
import type { GeoPlace } from '../geo/types';

/** Revenue class per country: A = largest customers, D = smallest. */
export const CATEGORIES = ['A', 'B', 'C', 'D'] as const;
export type Category = (typeof CATEGORIES)[number];

/** SuperOffice "Customer Experience Method": a concrete up-sell chance, or kept warm. */
export const ACCOUNT_TYPES = ['expand', 'maintain'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Where the relationship stands; moves forward, `former` once the customer is lost. */
export const LIFECYCLES = ['lead', 'prospect', 'customer', 'former'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Company or private person; private accounts usually have a single contact. */
export const ACCOUNT_KINDS = ['company', 'private'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Per-account override of its segment's contact rhythm, in days. */
export type RhythmOverride = {
  /** Days between human contacts (visit, long call); absent = segment default. */
  humanDays?: number;
  /** Days between digital contacts (newsletter, e-mail); absent = segment default. */
  digitalDays?: number;
};

/** A customer, prospect or lead: a company or a private person. */
export type Account = RowMeta &
  Trashable & {
    /** Display name, e.g. "Müller Haustechnik GmbH". */
    name: string;
    /** The team's own customer number, unique when present. */
    customerNumber: string;
    /** Company or private customer. */
    kind: AccountKind;
    /** Street and house number. */
    street: string;
    /** Postal code as written locally (kept as text: leading zeros matter). */
    postalCode: string;
    /** City or town. */
    city: string;
    /** ISO 3166-1 alpha-2 country code, e.g. "DE". */
    country: string;
    /** Main phone number as entered. */
    phone: string;
    /** Main e-mail address. */
    email: string;
    /** Website URL. */
    website: string;
    /** Revenue category A–D. */
    category: Category;
    /** Expand or Maintain. */
    accountType: AccountType;
    /** Current lifecycle stage. */
    lifecycle: Lifecycle;
    /** Day each lifecycle stage was reached. */
    lifecycleDates: Partial<Record<Lifecycle, IsoDate>>;
    /** Why a former customer left; empty unless lifecycle is `former`. */
    churnReason: string;
    /** Team member responsible for the account. */
    ownerId: Id;
    /** Product lines the account buys or is interested in. */
    productLines: string[];
    /** Estimated annual revenue with this account, in euros. */
    annualRevenue?: number;
    /** Lead source or campaign the account came from. */
    leadSourceId?: Id;
    /** Account that referred this one. */
    referredByAccountId?: Id;
    /** Free tags for filtering. */
    tags: string[];
    /** Key notes shown in the briefing. */
    notes: string;
    /** Contact rhythm override; absent = the segment's rule. */
    rhythm?: RhythmOverride;
    /** Archived accounts are kept but hidden from the default views. */
    archived: boolean;
    /** Epoch milliseconds of creation. */
    createdAt: number;
    /** Last human contact (visit, call, meeting), maintained from the interaction history. */
    lastHumanContactAt?: IsoInstant;
    /** Last digital contact (newsletter, e-mail, webinar), maintained from the interaction history. */
    lastDigitalContactAt?: IsoInstant;
    /** Place the user chose because the address could not be placed (precision 'manual'); dropped when the address changes. */
    place?: GeoPlace;
  };
