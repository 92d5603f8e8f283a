import type { Account, IsoInstant } from '../domain';

export const DEFAULT_RETENTION_YEARS = 10;

/** The day before which a former customer's last activity makes them due for deletion. */
export function retentionCutoff(now: Date, years: number): IsoInstant {
  const cutoff = new Date(now);
  cutoff.setFullYear(cutoff.getFullYear() - years);
  return cutoff.toISOString();
}

/** The latest of the account's contacts, its newest interaction, its becoming former, and its creation. */
export function lastActivityOf(account: Account, latestInteractionAt: IsoInstant | undefined): IsoInstant {
  const dates = [account.lastHumanContactAt, account.lastDigitalContactAt, latestInteractionAt, account.lifecycleDates.former, new Date(account.createdAt).toISOString()];
  return dates.filter((d): d is string => !!d).sort().at(-1) ?? '';
}

/**
 * Whether a former customer's personal data is proposed for deletion: its last activity is older
 * than the cutoff, and there is something personal left (a contact not yet erased, or a private
 * customer's own address, phone or e-mail).
 */
export function isRetentionDue(account: Account, lastActivity: IsoInstant, liveContacts: number, cutoff: IsoInstant): boolean {
  if (lastActivity >= cutoff) return false;
  if (liveContacts > 0) return true;
  return account.kind === 'private' && !(account.street === '' && account.phone === '' && account.email === '');
}
