import type { Deal, DealStage, Id, IsoDate } from '../domain';

/** The editable fields of a deal. */
export type DealInput = Pick<Deal, 'accountId' | 'title' | 'value' | 'probability' | 'stage' | 'ownerId' | 'lostReason'> & {
  /** Expected close day; empty or absent when unknown. */
  expectedClose?: IsoDate | undefined;
};

const isClosed = (stage: DealStage) => stage === 'won' || stage === 'lost';

/**
 * A deal's probability as it counts: a won deal is certain (100 %), a lost one is gone (0 %), an
 * open one carries its estimate within 0–100 %. Stage changes write this (applyStage), but rows
 * written before that rule, imported, or merged from a laptop that changed the stage while another
 * edited the probability may still hold the old estimate, so every display and KPI reads through here
 * instead of a migration that a later sync could undo.
 */
export function effectiveProbability(deal: Pick<Deal, 'stage' | 'probability'>): number {
  if (deal.stage === 'won') return 100;
  if (deal.stage === 'lost') return 0;
  return Number.isFinite(deal.probability) ? Math.min(100, Math.max(0, deal.probability)) : 0;
}

/**
 * Stamps what a stage change means: reaching "offer sent" (or later, skipping it) records when the
 * offer went out, so "offers without follow-up" can be counted; won/lost records the close and
 * settles the probability (100 % / 0 %). Reopening a closed deal clears the close; the probability
 * stays until someone estimates it again.
 */
export function applyStage(before: Partial<Deal>, stage: DealStage, nowIso: string): Partial<Deal> {
  const out: Partial<Deal> = { stage };
  if (isClosed(stage)) out.probability = effectiveProbability({ stage, probability: 0 });
  const sentOrLater = stage === 'offer_sent' || stage === 'negotiation' || isClosed(stage);
  if (sentOrLater && before.offerSentAt === undefined && stage !== 'lost') out.offerSentAt = nowIso;
  if (isClosed(stage)) out.closedAt = before.stage === stage && before.closedAt ? before.closedAt : nowIso;
  return out;
}

/** Trims the title, keeps value ≥ 0 and probability within 0–100 % (settled for won/lost), drops an empty expected close. */
function clean(input: DealInput): DealInput {
  const out = { ...input, title: input.title.trim(), value: Math.max(0, input.value), probability: effectiveProbability(input) };
  if (!out.expectedClose) delete out.expectedClose;
  return out;
}

/** A new deal, stamped for the stage it starts in. */
export function newDeal(input: DealInput, id: Id, now: Date): Deal {
  const iso = now.toISOString();
  const row: Deal = { ...clean(input), id, updatedAt: now.getTime(), createdAt: iso };
  return { ...row, ...applyStage({}, row.stage, iso) };
}

/** The deal with its editable fields replaced; a changed stage is stamped as in `applyStage`, a reopened deal loses its close. */
export function editedDeal(before: Deal, input: DealInput, now: Date): Deal {
  const { expectedClose: _e, closedAt, ...kept } = before;
  const row: Deal = { ...kept, ...(!isClosed(input.stage) || closedAt === undefined ? {} : { closedAt }), ...clean(input), updatedAt: now.getTime() };
  return input.stage === before.stage ? row : { ...row, ...applyStage(before, input.stage, now.toISOString()) };
}

/** The deal moved to another stage (board, keyboard); undefined when it is there already. */
export function movedDeal(before: Deal, stage: DealStage, now: Date): Deal | undefined {
  if (before.stage === stage) return undefined;
  const { closedAt: _c, ...kept } = before;
  return { ...kept, ...applyStage(before, stage, now.toISOString()), updatedAt: now.getTime() };
}
