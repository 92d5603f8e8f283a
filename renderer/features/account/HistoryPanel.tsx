import type { Contact } from '../../../shared/domain';
import { Timeline } from '../interactions';

/** The account's history slot: the full timeline with planned appointments, filters and paging. */
export function HistoryPanel({ accountId, contacts = [] }: { accountId: string; contacts?: Contact[] }) {
  return <Timeline accountId={accountId} contacts={contacts} />;
}
