import type { Category, Contact, Id, Interaction, InteractionType, Outcome } from '../domain';
import { segmentKey, type ComplaintInfo, type ComplaintInteraction, type ComplaintStatus } from '../domain';
import type { AccountDraft } from './account';
import { msAt, type GenContext } from './context';
import { isoDate, monthOf, yearOf } from './dates';
import type { IdMaker, Rng } from './prng';
import { interaction, officeTime, workdayOnOrAfter, workdayOnOrBefore } from './rows';
import { COMPLAINT_PROGRESS, INTERACTION_TEXTS, NEXT_STEPS, RESOLUTIONS } from './texts';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** Which human contact larger customers get: A is visited, D mostly phoned. */
const HUMAN_MIX: Record<Category, Record<'visit' | 'call' | 'meeting' | 'letter' | 'note', number>> = {
  A: { visit: 45, call: 30, meeting: 17, letter: 4, note: 4 },
  B: { visit: 35, call: 40, meeting: 12, letter: 8, note: 5 },
  C: { visit: 25, call: 50, meeting: 8, letter: 12, note: 5 },
  D: { visit: 15, call: 55, meeting: 5, letter: 18, note: 7 },
};
const OUTCOME_WEIGHTS: Record<Outcome, number> = { successful: 55, neutral: 35, failed: 10 };
const COMPLAINT_CHANCE: Record<Category, number> = { A: 0.35, B: 0.2, C: 0.1, D: 0.05 };
const PLANNED_CHANCE: Record<Category, number> = { A: 0.4, B: 0.25, C: 0.12, D: 0.06 };

/** One or two of the account's contacts. */
function someContacts(contacts: readonly Contact[], rng: Rng): Id[] {
  const first = rng.pick(contacts).id;
  if (contacts.length < 2 || !rng.chance(0.25)) return [first];
  const second = rng.pick(contacts).id;
  return second === first ? [first] : [first, second];
}

/** NPS answers skewed towards promoters, as satisfied long-term customers give. */
function npsScore(rng: Rng): number {
  const r = rng.next();
  return r < 0.45 ? rng.int(9, 10) : r < 0.8 ? rng.int(7, 8) : rng.int(0, 6);
}

/**
 * Two years of history for one account, cadence following its segment rule: the last human
 * contact lies within the rhythm for most accounts and beyond it for about 40 %, so the weekly
 * list has due and overdue accounts. Also digital contacts, complaints, notes and planned visits.
 */
export function makeHistory(ctx: GenContext, draft: AccountDraft, contacts: readonly Contact[], rng: Rng, ids: IdMaker): Interaction[] {
  const { account, core } = draft;
  const T = ctx.todayDay;
  const rule = ctx.rules.get(segmentKey(core.category, core.accountType));
  const humanDays = account.rhythm?.humanDays ?? rule?.humanDays ?? 90;
  const digitalDays = account.rhythm?.digitalDays ?? rule?.digitalDays ?? 30;
  const start = Math.max(ctx.windowStart, core.leadDay);
  const lastDay = core.formerDay ?? T - 1;
  const owner = account.ownerId;
  const colleague = () => (rng.chance(0.12) ? rng.pick(ctx.team).id : owner);
  const out: Interaction[] = [];
  if (contacts.length === 0 || start > lastDay) return out;

  const human = (day: number, type: InteractionType) => {
    const cancelled = rng.chance(0.04);
    const atMs = officeTime(day, rng);
    const row = interaction(ctx, account.id, {
      type, mode: 'human', status: cancelled ? 'cancelled' : 'done', atMs, userId: colleague(),
      contactIds: someContacts(contacts, rng),
      ...(cancelled || type === 'note' ? {} : { outcome: rng.weighted(OUTCOME_WEIGHTS) }),
    }, rng, ids);
    if (!cancelled && type !== 'note' && rng.chance(0.35)) {
      row.nextStep = rng.pick(NEXT_STEPS);
      row.followUpDate = isoDate(day + rng.int(7, 28));
    }
    if (!cancelled && (type === 'visit' || type === 'meeting' || type === 'call') && core.customerDay !== undefined && rng.chance(0.15)) {
      row.npsScore = npsScore(rng);
    }
    if (!cancelled && (type === 'visit' || type === 'meeting') && rng.chance(0.05)) {
      row.movedFrom = [new Date(msAt(day - rng.int(1, 14), rng.int(6, 14))).toISOString()];
    }
    out.push(row);
  };

  // Human contacts, walking back from the most recent one.
  if (core.lifecycle === 'lead') {
    for (let n = rng.int(0, 2); n > 0; n--) human(workdayOnOrBefore(rng.int(start, lastDay)), rng.chance(0.7) ? 'call' : 'visit');
  } else {
    const rhythm = core.lifecycle === 'prospect' ? Math.min(humanDays, 60) : core.lifecycle === 'former' ? humanDays * 1.3 : humanDays;
    const r = rng.next();
    const lag = r < 0.6 ? rng.range(0.05, 0.9) : r < 0.85 ? rng.range(0.9, 1.5) : rng.range(1.5, 3);
    let day = core.lifecycle === 'former' ? lastDay - rng.int(0, 30) : T - Math.max(1, Math.round(rhythm * lag));
    while (day >= start) {
      const d = workdayOnOrBefore(day);
      if (d >= start) human(d, rng.weighted(HUMAN_MIX[core.category]));
      day -= Math.max(3, Math.round(rhythm * rng.range(0.6, 1.25)));
    }
  }

  // Digital contacts over the last year; newsletters only to people who consented.
  const consenting = contacts.filter((c) => c.consent?.granted).map((c) => c.id);
  const digitalStart = Math.max(start, T - 365);
  let day = lastDay - Math.round(digitalDays * rng.range(0, 1.3));
  for (let n = 0; n < 12 && day >= digitalStart && core.lifecycle !== 'lead'; n++) {
    const d = workdayOnOrBefore(day);
    const k = rng.next();
    if (k < 0.55 && consenting.length > 0) {
      const [subject, summary] = rng.pick(INTERACTION_TEXTS.newsletter);
      out.push(interaction(ctx, account.id, {
        type: 'newsletter', mode: 'digital', status: 'done', atMs: msAt(d, 7), userId: owner, contactIds: consenting,
        text: [`${subject} – ${MONTHS[monthOf(d) - 1]} ${yearOf(d)}`, summary],
      }, rng, ids));
    } else {
      const type = k > 0.9 ? 'webinar' : 'email';
      out.push(interaction(ctx, account.id, {
        type, mode: 'digital', status: 'done', atMs: officeTime(d, rng), userId: colleague(),
        contactIds: [rng.pick(contacts).id], outcome: type === 'webinar' || rng.chance(0.4) ? 'successful' : 'neutral',
      }, rng, ids));
    }
    day -= Math.max(7, Math.round(digitalDays * rng.range(0.9, 1.6)));
  }
  if (core.lifecycle === 'lead' && rng.chance(0.5)) {
    out.push(interaction(ctx, account.id, {
      type: 'email', mode: 'digital', status: 'done', atMs: officeTime(workdayOnOrBefore(rng.int(start, lastDay)), rng),
      userId: owner, contactIds: [rng.pick(contacts).id], outcome: 'neutral',
    }, rng, ids));
  }

  // Complaints: recent ones are still open or being handled, older ones resolved.
  if (core.customerDay !== undefined && rng.chance(COMPLAINT_CHANCE[core.category])) {
    const d = workdayOnOrBefore(rng.int(Math.max(start, core.customerDay), lastDay));
    const age = T - d;
    const status: ComplaintStatus = age <= 30 ? rng.pick(['open', 'in_progress'] as const) : age <= 90 ? (rng.chance(0.3) ? 'in_progress' : 'resolved') : rng.chance(0.95) ? 'resolved' : 'in_progress';
    const logged = interaction(ctx, account.id, {
      type: 'complaint', mode: 'human', status: 'done', atMs: officeTime(d, rng), userId: owner,
      contactIds: [rng.pick(contacts).id], outcome: status === 'resolved' ? 'successful' : 'neutral',
    }, rng, ids);
    const handler = rng.chance(0.8) ? owner : (ctx.team[ctx.team.length - 1]?.id ?? owner);
    const complaint: ComplaintInfo = { status, ownerId: handler, resolution: status === 'open' ? '' : rng.pick(status === 'resolved' ? RESOLUTIONS : COMPLAINT_PROGRESS) };
    const row: ComplaintInteraction = { ...logged, type: 'complaint', complaint };
    if (status === 'resolved') {
      const resolvedDay = Math.min(d + rng.int(2, 21), T - 1);
      row.complaint.resolvedAt = new Date(officeTime(resolvedDay, rng)).toISOString();
      row.updatedAt = Math.min(Date.parse(row.complaint.resolvedAt), ctx.stampCap);
    } else {
      row.nextStep = 'Kunden über den Stand informieren';
      row.followUpDate = isoDate(Math.max(T, d + 7));
    }
    out.push(row);
  }

  // Planned appointments in the coming four weeks, more likely for large and overdue accounts.
  if (core.lifecycle === 'customer' || core.lifecycle === 'prospect') {
    let lastHuman = -Infinity;
    for (const i of out) if (i.mode === 'human' && i.status === 'done') lastHuman = Math.max(lastHuman, Date.parse(i.at));
    const overdue = T - lastHuman / 86_400_000 > humanDays;
    if (rng.chance(PLANNED_CHANCE[core.category] + (overdue ? 0.15 : 0))) {
      const d = workdayOnOrAfter(T + rng.int(1, 26));
      const type = rng.weighted({ visit: 60, call: 20, meeting: 20 });
      const row = interaction(ctx, account.id, {
        type, mode: 'human', status: 'planned', atMs: officeTime(d, rng), userId: owner,
        contactIds: someContacts(contacts, rng), createdMs: msAt(T - rng.int(1, 20), 9),
      }, rng, ids);
      if (rng.chance(0.15)) row.movedFrom = [new Date(msAt(d - rng.int(2, 10), 8)).toISOString()];
      out.push(row);
    }
  }
  return out;
}
