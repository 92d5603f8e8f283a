import { OPEN_STAGES, type Deal, type Id, type IsoDate, type Sale } from '../../shared/domain';
import { getDb } from './db';

export async function listDealsOf(accountId: Id): Promise<Deal[]> {
  const rows = await getDb().deals.where('accountId').equals(accountId).toArray();
  return rows.filter((d) => d.deletedAt === undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function listSalesOf(accountId: Id, since: IsoDate): Promise<Sale[]> {
  return getDb()
    .sales.where('[accountId+date]')
    .between([accountId, since], [accountId, '\uffff'])
    .toArray();
}

/** Open deals of the whole team (used by the Today summary). */
export async function listOpenDeals(): Promise<Deal[]> {
  const rows = await getDb().deals.toArray();
  return rows.filter((d) => d.deletedAt === undefined && OPEN_STAGES.has(d.stage));
}
