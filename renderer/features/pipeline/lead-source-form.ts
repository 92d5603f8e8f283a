import { LEAD_SOURCE_KINDS, type LeadSource } from '../../../shared/domain';
import { isIsoDate } from '../../../shared/time';
import type { LeadSourceInput } from '../../db/pipeline/admin';

/** A problem with one field of the lead-source form; the value is the message key under `error.`. */
export type LeadSourceErrors = Partial<Record<'name' | 'kind' | 'cost' | 'period', 'sourceName' | 'sourceNameTaken' | 'sourceNameLong' | 'sourceKind' | 'sourceCost' | 'sourcePeriod' | 'sourceDate'>>;

/** Longest name kept: it labels a chart bar and a spreadsheet column. */
export const MAX_SOURCE_NAME = 80;
/** A cost above this is a typo (ten million euros for one campaign), not a campaign. */
export const MAX_SOURCE_COST = 10_000_000;


/**
 * Checks a lead source before it is saved: a name (unique among the other sources, ignoring
 * case and surrounding spaces, since the ranking would show two bars of one name), a known kind,
 * a cost from 0 to 10 million, and a period whose end is not before its start (either end may stay
 * open). Returns no keys when everything is fine.
 */
export function validateLeadSource(input: LeadSourceInput, others: readonly LeadSource[], editId?: string): LeadSourceErrors {
  const errors: LeadSourceErrors = {};
  const name = input.name.trim();
  if (name === '') errors.name = 'sourceName';
  else if (name.length > MAX_SOURCE_NAME) errors.name = 'sourceNameLong';
  else if (others.some((s) => s.id !== editId && s.name.trim().toLocaleLowerCase('de') === name.toLocaleLowerCase('de'))) errors.name = 'sourceNameTaken';
  if (!(LEAD_SOURCE_KINDS as readonly string[]).includes(input.kind)) errors.kind = 'sourceKind';
  if (!Number.isFinite(input.cost) || input.cost < 0 || input.cost > MAX_SOURCE_COST) errors.cost = 'sourceCost';
  const start = input.periodStart ?? '';
  const end = input.periodEnd ?? '';
  if ((start !== '' && !isIsoDate(start)) || (end !== '' && !isIsoDate(end))) errors.period = 'sourceDate';
  else if (start !== '' && end !== '' && end < start) errors.period = 'sourcePeriod';
  return errors;
}
