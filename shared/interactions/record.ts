import { kindOf, type Account, type ComplaintInfo, type Id, type Interaction } from '../domain';
import { accept, refuse, type Validated } from '../validation/result';
import { cleanInput, validateInteraction, type InteractionInput } from './input';

/** What a command needs from outside to stay pure: the new row's id and the clock. */
export type Stamp = { id: Id; now: number };

/** A complaint's handling as entered: the resolution trimmed, resolved ones stamped with `resolvedAt`. */
function handling(c: InteractionInput['complaint'], ownerId: Id, now: number): ComplaintInfo {
  const given = c ?? { status: 'open' as const, ownerId, resolution: '' };
  return { ...given, resolution: given.resolution.trim(), ...(given.status === 'resolved' ? { resolvedAt: new Date(now).toISOString() } : {}) };
}

/**
 * A new history entry: `done` records something that happened, `planned` books an appointment
 * (outcome and follow-up come when it is done, so they are dropped). Refused when invalid.
 */
export function recordInteraction(input: InteractionInput, status: 'done' | 'planned', stamp: Stamp): Validated<Interaction> {
  const { outcome: _outcome, followUpDate: _followUp, npsScore: _nps, ...kept } = input;
  const given: InteractionInput = status === 'planned' ? kept : input;
  const errors = validateInteraction(given);
  if (Object.keys(errors).length > 0) return refuse(errors);
  const { complaint, outcome: done, ...rest } = cleanInput(given);
  const common = {
    ...rest,
    subject: given.subject.trim(),
    summary: given.summary.trim(),
    nextStep: given.nextStep.trim(),
    contactIds: [...given.contactIds],
    id: stamp.id,
    createdAt: stamp.now,
    updatedAt: stamp.now,
  };
  const kind = kindOf(given.type, given.userId, given.type === 'complaint' ? handling(complaint, given.userId, stamp.now) : undefined);
  return accept(status === 'planned' ? { ...common, status, ...kind } : { ...common, status, ...(done === undefined ? {} : { outcome: done }), ...kind });
}

/**
 * The account's last-contact fields after a done interaction, or undefined when they stay: only a
 * live, done entry counts, and a back-dated one must not make the account look less recently contacted.
 */
export function touchAccount(account: Account | undefined, row: Interaction, now: number): Partial<Account> | undefined {
  if (!account || row.status !== 'done' || row.deletedAt !== undefined) return undefined;
  const field = row.mode === 'human' ? 'lastHumanContactAt' : 'lastDigitalContactAt';
  const current = account[field];
  if (current !== undefined && current >= row.at) return undefined;
  return { [field]: row.at, updatedAt: now };
}
