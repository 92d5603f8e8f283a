import type { Id, IsoDate, IsoInstant, RowMeta, Trashable } from './common';

export const DEAL_STAGES = ['lead', 'qualified', 'offer_sent', 'negotiation', 'won', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

/** Stages in which a deal is still open. */
export const OPEN_STAGES: ReadonlySet<DealStage> = new Set(['lead', 'qualified', 'offer_sent', 'negotiation']);

/** A deal or offer in the pipeline. */
export type Deal = RowMeta &
  Trashable & {
    /** Account it is for. */
    accountId: Id;
    /** Short title, e.g. "Wartungsvertrag 2027". */
    title: string;
    /** Value in euros. */
    value: number;
    /** Probability of winning, 0–100 %. */
    probability: number;
    /** Pipeline stage. */
    stage: DealStage;
    /** Expected close day. */
    expectedClose?: IsoDate;
    /** Team member owning it. */
    ownerId: Id;
    /** Why it was lost. */
    lostReason: string;
    /** Last time somebody followed up on it. */
    lastFollowUpAt?: IsoInstant;
    /** When the offer was sent. */
    offerSentAt?: IsoInstant;
    /** When it was won or lost. */
    closedAt?: IsoInstant;
    /** When it was created. */
    createdAt: IsoInstant;
  };
