import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { asIsoDate } from '../../../shared/time';
import { holdBulkWork } from '../../db/core/bulk-work';
import { getDb, openDb, useDatabase } from '../../db/core/db';
import { createDeal, updateDeal } from '../../db/pipeline/pipeline';
import { listAutomationRules, readAutomationLog, runAutomationNow, saveAutomationRule } from '../../db/pipeline/automation';
import { startAutomationRunner } from './automation-runner';

const account: Account = {
  id: 'a1', updatedAt: 0, name: 'Bäckerei Weiß', customerNumber: '1', kind: 'company', street: '', postalCode: '80331',
  city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
  lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [], tags: [], notes: '',
  archived: false, createdAt: 0,
};
const deal = { accountId: 'a1', title: 'Ofenwartung', value: 25_000, probability: 40, ownerId: 'u1', lostReason: '', stage: 'qualified' as const };
const today = () => asIsoDate('2026-11-28');

/** Waits until `check` holds (the runner gathers saves for a moment before it runs). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met');
}
const tasks = () => getDb().interactions.where('sourceKey').startsWith('auto:').toArray();

let stop: () => void = () => undefined;
beforeEach(async () => {
  useDatabase(openDb(`runner-${crypto.randomUUID()}`));
  await getDb().accounts.add(account);
  const rule = (await listAutomationRules()).find((r) => r.kind === 'deal_value_call')!;
  await saveAutomationRule({ ...rule, enabled: true, params: { ...rule.params, minValue: 5000 } });
});
afterEach(() => stop());

describe('automation runs by itself', () => {
  it('saving a deal over the threshold creates its task once, without "Run now", and logs it', async () => {
    stop = startAutomationRunner({ started: new Promise(() => undefined), today });
    const d = await createDeal(deal);
    await until(async () => (await tasks()).length === 1);
    // Saving the deal again (another write that triggers the rule) adds nothing.
    await updateDeal(d.id, { ...deal, value: 30_000 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await tasks()).toHaveLength(1);
    expect(await runAutomationNow(today())).toBe(0);
    const { entries, lastRun } = await readAutomationLog();
    expect(entries).toMatchObject([{ kind: 'deal_value_call', trigger: 'write', accountName: 'Bäckerei Weiß', accountId: 'a1' }]);
    expect(lastRun?.trigger).toBe('manual');
  });

  it('runs at start for deals saved while the app was closed (or by another laptop)', async () => {
    await createDeal(deal);
    expect(await tasks()).toHaveLength(0);
    stop = startAutomationRunner({ started: Promise.resolve(), today });
    await until(async () => (await tasks()).length === 1);
    expect((await readAutomationLog()).lastRun).toMatchObject({ trigger: 'start', created: 1 });
  });

  it('waits for a demo load or import in progress', async () => {
    const release = holdBulkWork();
    stop = startAutomationRunner({ started: Promise.resolve(), today });
    await createDeal(deal);
    await new Promise((r) => setTimeout(r, 400));
    expect(await tasks()).toHaveLength(0);
    release();
    await until(async () => (await tasks()).length === 1);
  });

  it('a save that concerns no rule does not run them', async () => {
    const runs: string[] = [];
    stop = startAutomationRunner({ started: new Promise(() => undefined), today, run: async (_d, kinds, why) => (runs.push(`${why}:${kinds.join(',')}`), 0) });
    await getDb().transaction('r', getDb().accounts, () => undefined);
    await createDeal(deal);
    await until(async () => runs.length === 1);
    expect(runs).toEqual(['write:deal_value_call,won_deal_followup']);
  });
});
