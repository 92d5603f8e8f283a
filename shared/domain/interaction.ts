import type { Id, IsoDate, IsoInstant, RowMeta, Trashable } from './common';

/** What kind of contact took (or will take) place. */
export const INTERACTION_TYPES = [
  'visit',
  'call',
  'email',
  'meeting',
  'letter',
  'complaint',
  'note',
  'newsletter',
  'webinar',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** Human contacts count against the yearly visit budget; digital ones run all year. */
export const CONTACT_MODES = ['human', 'digital'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** A planned appointment becomes `done` (with an outcome) or `cancelled`; logged ones are `done`. */
export const INTERACTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type InteractionStatus = (typeof INTERACTION_STATUSES)[number];

export const OUTCOMES = ['successful', 'neutral', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const COMPLAINT_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Complaint handling, present only on interactions of type `complaint`. */
export type ComplaintInfo = {
  /** Where the complaint stands. */
  status: ComplaintStatus;
  /** Team member handling it. */
  ownerId: Id;
  /** What was done about it. */
  resolution: string;
  /** When it was resolved. */
  resolvedAt?: IsoInstant;
};

/** The fields every history entry has, whatever its type and status. */
export type InteractionCommon = RowMeta &
  Trashable & {
    /** Account it concerns. */
    accountId: Id;
    /** Human or digital contact. */
    mode: ContactMode;
    /** Start (planned or actual). */
    at: IsoInstant;
    /** Duration in minutes. */
    durationMin?: number;
    /** Team member who had (or will have) the contact. */
    userId: Id;
    /** Contact persons involved. */
    contactIds: Id[];
    /** One-line subject. */
    subject: string;
    /** What was discussed. */
    summary: string;
    /** Agreed next step. */
    nextStep: string;
    /** Day to follow up. */
    followUpDate?: IsoDate;
    /** Earlier planned starts, oldest first, kept when an appointment is moved. */
    movedFrom?: IsoInstant[];
    /** Net promoter answer 0–10, when the customer was asked. */
    npsScore?: number;
    /** Deal it relates to. */
    dealId?: Id;
    /** Idempotency key of generated tasks (activity plans, automation): the same key is never created twice. */
    sourceKey?: string;
    /** Epoch milliseconds of creation. */
    createdAt: number;
  };

/** A complaint always carries its handling; no other type does. */
export type InteractionKind =
  | {
      /** Kind of contact. */
      type: 'complaint';
      /** Complaint handling. */
      complaint: ComplaintInfo;
    }
  | {
      /** Kind of contact. */
      type: Exclude<InteractionType, 'complaint'>;
      /** Only complaints have complaint handling. */
      complaint?: undefined;
    };

/** A planned appointment has no outcome yet; a done (or cancelled) one may have one. */
export type InteractionState =
  | {
      /** Still to come. */
      status: 'planned';
      /** Not known before it took place. */
      outcome?: undefined;
    }
  | {
      /** Took place, or was called off. */
      status: 'done' | 'cancelled';
      /** Outcome once done. */
      outcome?: Outcome;
    };

/** One entry of the history: a visit, call, e-mail, complaint… or a planned appointment. */
export type Interaction = InteractionCommon & InteractionKind & InteractionState;

/** A complaint entry, with its handling. */
export type ComplaintInteraction = Interaction & { type: 'complaint' };

/** True for complaints; narrows to the entry that carries `complaint`. */
export function isComplaint(i: Interaction): i is ComplaintInteraction {
  return i.type === 'complaint';
}

/**
 * The type part of a new row: a complaint starts open, handled by `ownerId`, unless its handling is
 * given; other types carry none. Rows are built through this so no complaint is ever without handling.
 */
export function kindOf(type: InteractionType, ownerId: Id, complaint?: ComplaintInfo): InteractionKind {
  return type === 'complaint' ? { type, complaint: complaint ?? { status: 'open', ownerId, resolution: '' } } : { type };
}

/** Types that are digital by nature; the rest default to human. */
export const DIGITAL_TYPES: ReadonlySet<InteractionType> = new Set(['email', 'newsletter', 'webinar']);

/** The usual mode for a type, used as the form default. */
export function defaultMode(type: InteractionType): ContactMode {
  return DIGITAL_TYPES.has(type) ? 'digital' : 'human';
}
