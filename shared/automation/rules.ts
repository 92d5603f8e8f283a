import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Contact } from '../domain/contact';
import type { Deal } from '../domain/deal';
import { OPEN_STAGES } from '../domain/deal';
import type { Interaction } from '../domain/interaction';
import type { AutomationRule } from '../domain/support';
import { addDays, dayOfInstant, daysBetween } from '../kpi/dates';
import { zoneClock } from '../planning/calendar';
import { ymdText } from '../time';
import type { AutomationContext, PlannedTask } from './task';
import { fillTemplate, numParam, plannedInteraction } from './task';
import { ruleTemplate, TEMPLATE_DEFAULTS } from './templates';

type Params = Record<string, number | string>;

const DE = TEMPLATE_DEFAULTS.de;

/** Default parameters; German texts because most teams work in German (editable per rule, see templates.ts). */
export const AUTOMATION_DEFAULTS = {
  deal_value_call: { minValue: 10_000, dueInDays: 1, subject: DE.deal_value_call.subject ?? '' },
  won_deal_followup: { afterDays: 30, maxAgeDays: 90, subject: DE.won_deal_followup.subject ?? '' },
  birthday_greeting: { daysAhead: 7, prepareDaysBefore: 3, subject: DE.birthday_greeting.subject ?? '', text: DE.birthday_greeting.text ?? '' },
} satisfies Record<AutomationRule['kind'], Params>;

/** Turns tasks into planned interactions, skipping keys that exist or were created earlier in this run. */
function emit(tasks: PlannedTask[], ctx: AutomationContext, seen: Set<string>): Interaction[] {
  const out: Interaction[] = [];
  for (const t of tasks) {
    if (ctx.existingKeys.has(t.sourceKey) || seen.has(t.sourceKey)) continue;
    if (ctx.forUserId !== undefined && t.userId !== ctx.forUserId) continue;
    seen.add(t.sourceKey);
    out.push(plannedInteraction(t, ctx));
  }
  return out;
}

/**
 * "Deal value above X creates a call task for the owner": every open deal worth strictly more
 * than `minValue` gets one call, due `dueInDays` after today. Key `auto:deal_value_call:<dealId>`.
 */
export function dealValueCallTasks(deals: readonly Deal[], params: Params, ctx: AutomationContext, seen = new Set<string>()): Interaction[] {
  const d0 = AUTOMATION_DEFAULTS.deal_value_call;
  const min = numParam(params, 'minValue', d0.minValue);
  const day = addDays(ctx.today, Math.max(0, numParam(params, 'dueInDays', d0.dueInDays)));
  const subject = ruleTemplate('deal_value_call', 'subject', params);
  const tasks: PlannedTask[] = [];
  for (const d of deals) {
    if (d.deletedAt !== undefined || !OPEN_STAGES.has(d.stage) || !(d.value > min)) continue;
    tasks.push({
      sourceKey: `auto:deal_value_call:${d.id}`,
      accountId: d.accountId,
      userId: d.ownerId,
      type: 'call',
      day,
      subject: fillTemplate(subject, { title: d.title }),
      dealId: d.id,
    });
  }
  return emit(tasks, ctx, seen);
}

/**
 * "Won deal schedules a follow-up visit after N days": a visit `afterDays` after the close day
 * (today if that has passed while the laptop was off). Deals closed more than `maxAgeDays` ago
 * are left alone, so enabling the rule does not flood the plan with old wins. The close day is
 * the local day in `ctx.tz`, the calendar `ctx.today` is meant in.
 */
export function wonFollowUpVisits(deals: readonly Deal[], params: Params, ctx: AutomationContext, seen = new Set<string>()): Interaction[] {
  const d0 = AUTOMATION_DEFAULTS.won_deal_followup;
  const after = Math.max(0, numParam(params, 'afterDays', d0.afterDays));
  const maxAge = numParam(params, 'maxAgeDays', d0.maxAgeDays);
  const subject = ruleTemplate('won_deal_followup', 'subject', params);
  const clock = zoneClock(ctx.tz);
  const tasks: PlannedTask[] = [];
  for (const d of deals) {
    if (d.deletedAt !== undefined || d.stage !== 'won' || d.closedAt === undefined) continue;
    const closed = dayOfInstant(d.closedAt, clock);
    const age = daysBetween(closed, ctx.today);
    if (age < 0 || age > maxAge) continue;
    const due = addDays(closed, after);
    tasks.push({
      sourceKey: `auto:won_followup:${d.id}`,
      accountId: d.accountId,
      userId: d.ownerId,
      type: 'visit',
      day: due < ctx.today ? ctx.today : due,
      subject: fillTemplate(subject, { title: d.title }),
      dealId: d.id,
    });
  }
  return emit(tasks, ctx, seen);
}

/** The birthday's next occurrence on or after `today`; 29 February falls on 28 February in other years. */
export function nextBirthday(day: number, month: number, today: IsoDate): IsoDate {
  const at = (year: number): IsoDate => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return ymdText(year, month, Math.min(day, last));
  };
  const year = Number(today.slice(0, 4));
  const thisYear = at(year);
  return thisYear >= today ? thisYear : at(year + 1);
}

/**
 * "Birthday creates a greeting draft": for each contact whose birthday is within `daysAhead`
 * days, a planned letter (or e-mail, when the person prefers e-mail, has an address and gave
 * marketing consent) for the account owner, due `prepareDaysBefore` days ahead so a letter
 * arrives in time. The draft text is the summary. Key `auto:birthday:<contactId>:<year>`.
 */
export function birthdayGreetings(
  contacts: readonly Contact[],
  accounts: readonly Account[],
  params: Params,
  ctx: AutomationContext,
  seen = new Set<string>(),
): Interaction[] {
  const d0 = AUTOMATION_DEFAULTS.birthday_greeting;
  const ahead = Math.max(0, numParam(params, 'daysAhead', d0.daysAhead));
  const before = Math.max(0, numParam(params, 'prepareDaysBefore', d0.prepareDaysBefore));
  const subject = ruleTemplate('birthday_greeting', 'subject', params);
  const text = ruleTemplate('birthday_greeting', 'text', params);
  const live = new Map<Id, Account>();
  for (const a of accounts) if (a.deletedAt === undefined && !a.archived && a.lifecycle !== 'former') live.set(a.id, a);
  const horizon = addDays(ctx.today, ahead);
  const tasks: PlannedTask[] = [];
  for (const c of contacts) {
    const b = c.birthday;
    const account = live.get(c.accountId);
    if (b === undefined || account === undefined || c.deletedAt !== undefined || c.erased) continue;
    if (!(b.month >= 1 && b.month <= 12 && b.day >= 1 && b.day <= 31)) continue;
    const birthday = nextBirthday(b.day, b.month, ctx.today);
    if (birthday > horizon) continue;
    const prepare = addDays(birthday, -before);
    const email = c.preferredChannel === 'email' && c.email !== '' && c.consent?.granted === true;
    const name = [c.title, c.firstName, c.lastName].filter((s) => s !== '').join(' ');
    const vars = { name, firstName: c.firstName, lastName: c.lastName, account: account.name };
    tasks.push({
      sourceKey: `auto:birthday:${c.id}:${birthday.slice(0, 4)}`,
      accountId: account.id,
      userId: account.ownerId,
      type: email ? 'email' : 'letter',
      day: prepare < ctx.today ? ctx.today : prepare,
      subject: fillTemplate(subject, vars),
      summary: fillTemplate(text, vars),
      contactIds: [c.id],
    });
  }
  return emit(tasks, ctx, seen);
}

/** The rows the rules read. */
export type AutomationData = {
  deals: readonly Deal[];
  contacts: readonly Contact[];
  accounts: readonly Account[];
};

/** Runs every enabled rule once; the result holds only interactions that do not exist yet. */
export function runAutomation(rules: readonly AutomationRule[], data: AutomationData, ctx: AutomationContext): Interaction[] {
  const seen = new Set<string>();
  const out: Interaction[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const made =
      rule.kind === 'deal_value_call'
        ? dealValueCallTasks(data.deals, rule.params, ctx, seen)
        : rule.kind === 'won_deal_followup'
          ? wonFollowUpVisits(data.deals, rule.params, ctx, seen)
          : birthdayGreetings(data.contacts, data.accounts, rule.params, ctx, seen);
    for (const row of made) out.push(row);
  }
  return out;
}
