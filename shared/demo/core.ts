import type { AccountType, Category, Lifecycle } from '../domain';
import { COMPANY_GROUP_WEIGHTS, type CustomerGroup } from './business';
import type { GenContext } from './context';
import { Rng, TABLE, demoUuid } from './prng';

/** The facts about an account that others refer to (referrals), cheap to recompute from its index. */
export type AccountCore = {
  /** Position in the generated base, 0-based. */
  index: number;
  /** The account's id. */
  id: string;
  /** Revenue category. */
  category: Category;
  /** Expand or Maintain. */
  accountType: AccountType;
  /** Current lifecycle stage. */
  lifecycle: Lifecycle;
  /** Customer group (installer, architect, …, private). */
  group: CustomerGroup;
  /** Epoch day it became a lead. */
  leadDay: number;
  /** Epoch day it became a prospect. */
  prospectDay?: number;
  /** Epoch day it became a customer. */
  customerDay?: number;
  /** Epoch day it was lost. */
  formerDay?: number;
};

const CATEGORY_WEIGHTS: Record<Category, number> = { A: 10, B: 20, C: 30, D: 40 };
const EXPAND_SHARE: Record<Category, number> = { A: 0.6, B: 0.5, C: 0.35, D: 0.25 };
const PRIVATE_SHARE: Record<Category, number> = { A: 0, B: 0, C: 0.1, D: 0.25 };
const LIFECYCLE_WEIGHTS: Record<Lifecycle, number> = { customer: 70, former: 8, prospect: 10, lead: 12 };

/** The account id of an index; a stream of its own so referrals can compute it without the rest. */
export function accountId(seed: number, index: number): string {
  return demoUuid(seed, index, TABLE.account, 0, new Rng(seed, index, 0x1d));
}

/** The core facts of account `index`, from its own random stream. */
export function accountCore(ctx: GenContext, index: number): AccountCore {
  const rng = new Rng(ctx.seed, index, 0xc0de);
  const T = ctx.todayDay;
  const W = ctx.windowStart;
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const accountType: AccountType = rng.chance(EXPAND_SHARE[category]) ? 'expand' : 'maintain';
  const group: CustomerGroup = rng.chance(PRIVATE_SHARE[category]) ? 'private' : rng.weighted(COMPANY_GROUP_WEIGHTS);
  const lifecycle = rng.weighted(LIFECYCLE_WEIGHTS);
  const core: AccountCore = { index, id: accountId(ctx.seed, index), category, accountType, lifecycle, group, leadDay: T - 1 };
  const funnel = (customerDay: number) => {
    core.customerDay = customerDay;
    core.prospectDay = customerDay - rng.int(7, 90);
    core.leadDay = core.prospectDay - rng.int(3, 120);
  };
  switch (lifecycle) {
    case 'customer':
      // About a third were won within the history window, so there is new revenue and conversion.
      funnel(rng.chance(0.35) ? T - rng.int(20, 700) : T - rng.int(T - W + 1, 365 * 15));
      break;
    case 'former': {
      funnel(rng.chance(0.3) ? T - rng.int(300, 700) : T - rng.int(T - W + 1, 365 * 12));
      const earliest = Math.max((core.customerDay ?? W) + 60, W + 10);
      core.formerDay = rng.int(earliest, T - 7);
      break;
    }
    case 'prospect':
      core.leadDay = T - rng.int(30, 540);
      core.prospectDay = core.leadDay + rng.int(3, Math.min(120, T - core.leadDay - 1));
      break;
    case 'lead':
      core.leadDay = T - rng.int(1, 240);
      break;
  }
  return core;
}
