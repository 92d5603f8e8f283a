import { COMPLAINT_STATUSES, type ComplaintInfo, type ComplaintStatus, type Id, type Interaction } from '../domain';
import { accept, refuse, type Validated } from '../validation/result';

/** What the complaints panel changes. */
export type ComplaintPatch = Partial<{ status: ComplaintStatus; ownerId: Id; resolution: string }>;

/** A complaint with a changed status, owner or resolution; `resolvedAt` follows the status. */
export function updateComplaint(row: Interaction, patch: ComplaintPatch, now: number): Validated<Interaction> {
  if (row.type !== 'complaint') return refuse({ type: 'notComplaint' });
  if (patch.status !== undefined && !COMPLAINT_STATUSES.includes(patch.status)) return refuse({ 'complaint.status': 'invalid' });
  // Rows from older versions may lack the handling: they count as open, owned by the author.
  const stored: ComplaintInfo | undefined = row.complaint;
  const before: ComplaintInfo = stored ?? { status: 'open', ownerId: row.userId, resolution: '' };
  const next: ComplaintInfo = { ...before, ...patch };
  if (next.status === 'resolved' && before.status !== 'resolved') next.resolvedAt = new Date(now).toISOString();
  if (next.status !== 'resolved') delete next.resolvedAt;
  return accept({ ...row, complaint: next, updatedAt: now });
}
