import type { Id, IsoDate, RowMeta, Trashable } from './common';

/** Salutation as printed on letters. */
export const SALUTATIONS = ['mr', 'ms', 'mx', 'none'] as const;
export type Salutation = (typeof SALUTATIONS)[number];

/** The channel a contact prefers to be reached on. */
export const CHANNELS = ['visit', 'phone', 'email', 'letter', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Birthday; the year is optional because people often tell only day and month. */
export type Birthday = {
  /** Day of month, 1–31. */
  day: number;
  /** Month, 1–12. */
  month: number;
  /** Year of birth when known. */
  year?: number;
};

/** GDPR marketing consent as recorded. */
export type MarketingConsent = {
  /** Whether the person agreed to marketing contact. */
  granted: boolean;
  /** Day the answer was given. */
  date: IsoDate;
  /** Where it was given, e.g. "trade fair form", "phone call". */
  source: string;
};

/** A person at an account. */
export type Contact = RowMeta &
  Trashable & {
    /** Account the person works for (or is, for private customers). */
    accountId: Id;
    /** Herr/Frau/… */
    salutation: Salutation;
    /** Academic title such as "Dr." or "Prof. Dr.". */
    title: string;
    /** Given name. */
    firstName: string;
    /** Family name. */
    lastName: string;
    /** Job title or role, e.g. "Einkaufsleiter". */
    position: string;
    /** Landline. */
    phone: string;
    /** The landline's own label from an address book, e.g. Apple's "Zentrale"; absent = none. */
    phoneLabel?: string;
    /** Mobile phone. */
    mobile: string;
    /** The mobile number's own label from an address book, e.g. "Diensthandy"; absent = none. */
    mobileLabel?: string;
    /** E-mail address. */
    email: string;
    /** The e-mail address's own label from an address book, e.g. "Büro"; absent = none. */
    emailLabel?: string;
    /** Birthday, if known. */
    birthday?: Birthday;
    /** Preferred channel. */
    preferredChannel: Channel;
    /** Marketing consent, if asked. */
    consent?: MarketingConsent;
    /** Free notes about the person. */
    notes: string;
    /** Set when the person was erased under GDPR: the row keeps only this placeholder. */
    erased?: boolean;
  };
