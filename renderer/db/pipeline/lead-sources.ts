import type { LeadSource } from '../../../shared/domain';
import { getDb } from '../core/db';

/** Lead sources and campaigns by name, for pickers. */
export async function listLeadSources(): Promise<LeadSource[]> {
  return getDb().leadSources.orderBy('name').toArray();
}
