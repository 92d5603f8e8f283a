import { kindOf, type Interaction, type IsoInstant } from '../domain';
import { accept, refuse, type Validated } from '../validation/result';
import { cleanInput, validateInteraction, type CompletionInput } from './input';

const notPlanned = () => refuse({ status: 'notPlanned' });

/**
 * A planned appointment turned into a logged interaction with what actually happened. A complaint
 * keeps (or gets) its handling; an entry that is no longer a complaint drops it.
 */
export function completeAppointment(row: Interaction, input: CompletionInput, now: number): Validated<Interaction> {
  if (row.status !== 'planned') return notPlanned();
  const { complaint, ...rest } = cleanInput(input);
  const merged = { ...row, ...rest };
  const errors = validateInteraction(merged);
  if (Object.keys(errors).length > 0) return refuse(errors);
  const { complaint: before, ...base } = merged;
  const kind = kindOf(merged.type, merged.userId, complaint ? { ...complaint } : before);
  return accept({ ...base, status: 'done', updatedAt: now, ...kind });
}

/** The change that moves a planned appointment (the earlier start kept in `movedFrom`, oldest first); undefined when it stays. */
export function moveAppointment(row: Interaction, at: IsoInstant, now: number): Validated<Partial<Interaction> | undefined> {
  if (row.status !== 'planned') return notPlanned();
  if (Number.isNaN(Date.parse(at))) return refuse({ at: 'invalidDate' });
  if (row.at === at) return accept(undefined);
  return accept({ at, movedFrom: [...(row.movedFrom ?? []), row.at], updatedAt: now });
}

/** The change that cancels a planned appointment; it stays in the history as cancelled. */
export function cancelAppointment(row: Interaction, now: number): Validated<Partial<Interaction>> {
  if (row.status !== 'planned') return notPlanned();
  return accept({ status: 'cancelled', updatedAt: now });
}
