import { newId, OPEN_STAGES, type Deal, type DealStage, type Id, type Interaction, type IsoDate, type Sale } from '../../../shared/domain';
import { editedDeal, movedDeal, newDeal, type DealInput } from '../../../shared/pipeline/deal';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

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

/** Every live deal (board and table); optionally one owner's, through the ownerId index. */
export async function listDeals(ownerId?: Id): Promise<Deal[]> {
  const table = getDb().deals;
  const rows = ownerId ? await table.where('ownerId').equals(ownerId).toArray() : await table.toArray();
  return rows.filter((d) => d.deletedAt === undefined);
}

export type { DealInput } from '../../../shared/pipeline/deal';

export async function createDeal(input: DealInput, now: Date = new Date()): Promise<Deal> {
  const row = newDeal(input, newId(), now);
  await runWrite((d) => [d.deals], () => getDb().deals.add(row), { label: 'deal' });
  return row;
}

/** Replaces the editable fields; a changed stage is stamped (shared/pipeline/deal: the rules). */
export async function updateDeal(id: Id, input: DealInput, now: Date = new Date()): Promise<Deal | undefined> {
  const db = getDb();
  return runWrite([db.deals], async () => {
    const before = await db.deals.get(id);
    if (!before) return undefined;
    const row = editedDeal(before, input, now);
    await db.deals.put(row);
    return row;
  }, { label: 'deal' });
}

/** Moves a deal to another stage (board, keyboard). */
export async function moveDeal(id: Id, stage: DealStage, now: Date = new Date()): Promise<Deal | undefined> {
  const db = getDb();
  return runWrite([db.deals], async () => {
    const before = await db.deals.get(id);
    if (!before) return undefined;
    const row = movedDeal(before, stage, now);
    if (!row) return before;
    await db.deals.put(row);
    return row;
  }, { label: 'deal' });
}

/** Records a follow-up on the offer ("nachgefasst"), which clears the stale flag. */
export async function touchDeal(id: Id, now: Date = new Date()): Promise<void> {
  await runWrite((d) => [d.deals], () => getDb().deals.update(id, { lastFollowUpAt: now.toISOString(), updatedAt: now.getTime() }), { label: 'deal' });
}

export async function trashDeal(id: Id, now: number = Date.now()): Promise<void> {
  await runWrite((d) => [d.deals], () => getDb().deals.update(id, { deletedAt: now, updatedAt: now }), { label: 'deal' });
}

/** The editable fields of a sale. */
export type SaleInput = Pick<Sale, 'accountId' | 'date' | 'amount' | 'productLine'> & { dealId?: Id | undefined };

export async function createSale(input: SaleInput, now: number = Date.now()): Promise<Sale> {
  const row: Sale = { accountId: input.accountId, date: input.date, amount: input.amount, productLine: input.productLine.trim(), id: newId(), updatedAt: now };
  if (input.dealId) row.dealId = input.dealId;
  await runWrite((d) => [d.sales], () => getDb().sales.add(row), { label: 'sale' });
  return row;
}

export async function updateSale(id: Id, input: SaleInput, now: number = Date.now()): Promise<void> {
  const before = await getDb().sales.get(id);
  if (!before) return;
  const { dealId: _d, ...kept } = before;
  const row: Sale = { ...kept, accountId: input.accountId, date: input.date, amount: input.amount, productLine: input.productLine.trim(), updatedAt: now };
  if (input.dealId) row.dealId = input.dealId;
  await runWrite((d) => [d.sales], () => getDb().sales.put(row), { label: 'sale' });
}

/** Sales have no trash: a wrong invoice line is simply removed. */
export async function deleteSale(id: Id): Promise<void> {
  await runWrite((d) => [d.sales], () => getDb().sales.delete(id), { label: 'sale' });
}

/** What the board and deal table show: live deals, their account names and linked follow-ups. */
export type PipelineBoardData = { deals: Deal[]; accountNames: Map<Id, string>; touches: Interaction[] };

/**
 * Deals with their account names (bulkGet of just the accounts that have deals) and the
 * interactions linked to a deal (sparse `dealId` index), which count as follow-ups.
 */
export async function loadPipelineBoard(): Promise<PipelineBoardData> {
  const db = getDb();
  const [deals, touches] = await Promise.all([listDeals(), db.interactions.orderBy('dealId').toArray()]);
  const ids = [...new Set(deals.map((d) => d.accountId))];
  const accounts = await db.accounts.bulkGet(ids);
  const accountNames = new Map<Id, string>();
  for (const a of accounts) if (a && a.deletedAt === undefined) accountNames.set(a.id, a.name);
  return { deals: deals.filter((d) => accountNames.has(d.accountId)), accountNames, touches };
}
