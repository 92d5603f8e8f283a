import type { Interaction } from '../../../shared/domain';

const DAY_MS = 86_400_000;

/** Age of a complaint in whole days: until it was resolved, or until now while it is open. */
export function ageInDays(item: Pick<Interaction, 'at' | 'complaint'>, now: Date): number {
  const end = item.complaint?.resolvedAt ? Date.parse(item.complaint.resolvedAt) : now.getTime();
  return Math.max(0, Math.floor((end - Date.parse(item.at)) / DAY_MS));
}
