import { buildGdprExport, type GdprExport } from '../../../shared/export/gdpr';
import { weekPlanUid, type IcsVisit } from '../../../shared/export/ics';
import type { VcardExportItem } from '../../../shared/export/vcard';
import type { Id, IsoDate } from '../../../shared/domain';
import { addDays, instantOfLocal, localDateOf, localTimeOf } from '../../../shared/planning/calendar';
import type { BeginSaveFileRequest } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';
import { saveInChunks, type ChunkedSaveBridge } from '../../bridge/chunked-save';
import { runBackup } from './client';
import { getDb } from '../core/db';

const live = <T extends { deletedAt?: number }>(rows: T[]) => rows.filter((r) => r.deletedAt === undefined);

/** Live, not erased contacts with their account, for the vCard export. */
export async function collectVcardItems(): Promise<VcardExportItem[]> {
  const db = getDb();
  const [accounts, contacts] = await db.transaction('r', db.accounts, db.contacts, () => Promise.all([db.accounts.toArray(), db.contacts.toArray()]));
  const byId = new Map(live(accounts).map((a) => [a.id, a]));
  return live(contacts)
    .filter((c) => !c.erased && byId.has(c.accountId))
    .map((contact) => ({ contact, account: byId.get(contact.accountId) }));
}

/** Planned, not trashed appointments from `from` to `to` (local days, inclusive) as calendar entries in the laptop's zone. */
export async function collectPlannedVisits(from: IsoDate, to: IsoDate, tz?: string): Promise<IcsVisit[]> {
  const db = getDb();
  const start = instantOfLocal(from, '00:00', tz);
  const end = instantOfLocal(addDays(to, 1), '00:00', tz);
  const planned = (await db.interactions.where('at').between(start, end, true, false).toArray()).filter((i) => i.status === 'planned' && i.deletedAt === undefined);
  const accounts = new Map((await db.accounts.bulkGet([...new Set(planned.map((i) => i.accountId))])).flatMap((a) => (a ? [[a.id, a] as const] : [])));
  return planned.map((i) => {
    const a = accounts.get(i.accountId);
    const endAt = new Date(Date.parse(i.at) + (i.durationMin ?? 60) * 60_000).toISOString();
    const local = (at: string) => `${localDateOf(at, tz)}T${localTimeOf(at, tz)}`;
    const place = a ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
    return {
      uid: weekPlanUid(0, 0, i.accountId, i.id),
      start: local(i.at),
      end: local(endAt),
      summary: [a?.name, i.subject].filter(Boolean).join(': ') || i.subject,
      ...(place ? { location: place } : {}),
      ...(i.summary || i.nextStep ? { description: [i.summary, i.nextStep].filter(Boolean).join('\n') } : {}),
    };
  });
}

/** Everything about one contact person (GDPR Art. 15), or undefined if the contact does not exist. */
export async function collectGdprExport(contactId: Id, now: Date = new Date()): Promise<GdprExport | undefined> {
  const db = getDb();
  const contact = await db.contacts.get(contactId);
  if (!contact) return undefined;
  const [account, interactions, team] = await Promise.all([
    db.accounts.get(contact.accountId),
    db.interactions.where('accountId').equals(contact.accountId).toArray(),
    db.teamMembers.toArray(),
  ]);
  const listedElsewhere = await db.interactions.where('contactIds').equals(contactId).toArray();
  const all = new Map([...interactions, ...listedElsewhere].map((i) => [i.id, i]));
  return buildGdprExport({ contact, ...(account ? { account } : {}), interactions: [...all.values()], team }, now);
}

export type SaveFullBackupOptions = {
  /** Share of rows written, 0 to 1. */
  onProgress?: (share: number) => void;
  /** Cancels the save (SaveCancelled); the file the user chose is left as it was. */
  signal?: AbortSignal;
  /** Bytes per chunk (default BACKUP_CHUNK_BYTES; tests pass small ones). */
  chunkBytes?: number;
  now?: Date;
};

/**
 * The full JSON backup saved where the user chooses, chunk by chunk: the backup worker makes it (one
 * read transaction, off the page's thread) and each chunk goes to the file as it comes, so neither
 * side ever holds the whole file (~1.3 GB at 100k accounts). Never encrypted. Resolves undefined
 * when the user cancels the dialog.
 */
export async function saveFullBackup(
  request: Pick<BeginSaveFileRequest, 'suggestedName' | 'filters'>,
  options: SaveFullBackupOptions = {},
  bridge: ChunkedSaveBridge = getBridge(),
): Promise<{ name: string } | undefined> {
  const db = getDb();
  const job = { dbName: db.name, schema: 'current' as const, createdAt: (options.now ?? new Date()).toISOString(), ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}) };
  return saveInChunks(
    bridge,
    { ...request, mimeType: 'application/json' },
    async (write) => void (await runBackup(job, { open: db, onChunk: write, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })),
    options.signal,
  );
}
