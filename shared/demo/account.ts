import type { Account, Id, RhythmOverride } from '../domain';
import { ACCOUNT_NOTES, CHURN_REASONS, GROUP_LINES, GROUP_TAGS, TAGS, companyName } from './business';
import { msAt, stampOf, type GenContext } from './context';
import { accountCore, type AccountCore } from './core';
import { isoDate } from './dates';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, asciiSlug } from './names';
import { TERRITORIES, landline, pickCity, postalCodeIn, streetAddress, type City } from './places';
import type { Rng } from './prng';
import type { SourceInfo } from './team';

/** An account before its history is known, plus what the contact and history generators need. */
export type AccountDraft = {
  /** The row; last-contact fields are filled once the history exists. */
  account: Account;
  /** Its core facts. */
  core: AccountCore;
  /** Its city (area code for phone numbers). */
  city: City;
  /** Domain for e-mail addresses; empty for private customers. */
  domain: string;
  /** The private customer's own name, which becomes the first contact. */
  person?: { first: string; last: string; female: boolean };
};

const LEGAL_FORMS = / (GmbH & Co\. KG|GmbH|e\.K\.|eG|PartG mbB|BDA)$/;

/** Where the account came from: a source whose period fits its lead day, and a referrer. */
function chooseSource(ctx: GenContext, core: AccountCore, rng: Rng): { source?: SourceInfo; referrer?: Id } {
  const recent = core.leadDay >= ctx.windowStart;
  if (!recent && rng.chance(0.4)) return {};
  const eligible = ctx.sources.filter((s) =>
    s.startDay === undefined ? true : recent && s.startDay <= core.leadDay && core.leadDay <= (s.endDay ?? s.startDay) + 45,
  );
  const weights: Record<string, number> = {};
  eligible.forEach((s, i) => (weights[String(i)] = s.weight));
  const source = eligible[Number(rng.weighted(weights))];
  if (source?.source.kind !== 'referral') return { source };
  // A referrer is an earlier account that was a customer when this one became a lead.
  for (let attempt = 0; attempt < 10 && core.index > 0; attempt++) {
    const other = accountCore(ctx, rng.int(0, core.index - 1));
    const wasCustomer =
      other.customerDay !== undefined && other.customerDay < core.leadDay && (other.formerDay ?? Infinity) > core.leadDay;
    if (wasCustomer) return { source, referrer: other.id };
  }
  return { source: ctx.sources.find((s) => s.source.kind === 'website') };
}

const REVENUE: Record<Account['category'], readonly [number, number]> = {
  A: [150_000, 600_000],
  B: [50_000, 150_000],
  C: [15_000, 50_000],
  D: [1_000, 15_000],
};

/** Builds the account row of `core` (contacts and history come later). */
export function draftAccount(ctx: GenContext, core: AccountCore, rng: Rng): AccountDraft {
  // The owner first: the account lies in the owner's territory.
  const team = ctx.team;
  const ownerIndex = core.accountType === 'expand' ? rng.int(0, Math.min(2, team.length - 1)) : rng.chance(0.7) ? 3 : 4;
  const owner = team[ownerIndex] ?? team[0];
  const city = pickCity(TERRITORIES[ownerIndex % TERRITORIES.length] ?? [], rng);
  const female = rng.chance(0.5);
  const last = rng.pick(LAST_NAMES);
  const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const isPrivate = core.group === 'private';
  const name = isPrivate ? `${first} ${last}` : companyName(core.group, last, rng.pick(LAST_NAMES), city.name, rng);
  const domain = isPrivate ? '' : `${asciiSlug(name.replace(LEGAL_FORMS, '').replace(LEGAL_FORMS, ''))}.de`;
  const { source, referrer } = chooseSource(ctx, core, rng);

  const lines = GROUP_LINES[core.group];
  const productLines = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(lines)))];
  const tags = [GROUP_TAGS[core.group]];
  for (let n = rng.int(0, 2); n > 0; n--) {
    const tag = rng.pick(TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (source?.source.kind === 'trade_fair' && !tags.includes('Messekontakt')) tags.push('Messekontakt');

  const [lo, hi] = REVENUE[core.category];
  const known = core.customerDay !== undefined || rng.chance(0.5);

  const lifecycleDates: Account['lifecycleDates'] = { lead: isoDate(core.leadDay) };
  if (core.prospectDay !== undefined) lifecycleDates.prospect = isoDate(core.prospectDay);
  if (core.customerDay !== undefined) lifecycleDates.customer = isoDate(core.customerDay);
  if (core.formerDay !== undefined) lifecycleDates.former = isoDate(core.formerDay);
  const lastChange = core.formerDay ?? core.customerDay ?? core.prospectDay ?? core.leadDay;

  const account: Account = {
    id: core.id,
    updatedAt: stampOf(ctx, msAt(Math.max(lastChange, ctx.windowStart - 1), 9)),
    name,
    customerNumber: core.customerDay !== undefined ? `K${10001 + core.index}` : '',
    kind: isPrivate ? 'private' : 'company',
    street: streetAddress(rng),
    postalCode: postalCodeIn(city, rng),
    city: city.name,
    country: 'DE',
    phone: landline(city, rng),
    email: isPrivate ? '' : `info@${domain}`,
    website: isPrivate ? '' : `https://www.${domain}`,
    category: core.category,
    accountType: core.accountType,
    lifecycle: core.lifecycle,
    lifecycleDates,
    churnReason: '',
    ownerId: owner?.id ?? '',
    productLines,
    tags,
    notes: rng.chance(0.15) ? rng.pick(ACCOUNT_NOTES) : '',
    archived: false,
    createdAt: stampOf(ctx, msAt(core.leadDay, 8, rng.int(0, 59))),
  };
  if (core.lifecycle === 'former') account.churnReason = rng.pick(CHURN_REASONS);
  if (known) account.annualRevenue = Math.round(rng.range(lo, hi) / 100) * 100;
  if (source) account.leadSourceId = source.source.id;
  if (referrer) account.referredByAccountId = referrer;
  if (rng.chance(0.03)) account.rhythm = rhythmOverride(rng);
  const draft: AccountDraft = { account, core, city, domain };
  if (isPrivate) draft.person = { first, last, female };
  return draft;
}

function rhythmOverride(rng: Rng): RhythmOverride {
  const r: RhythmOverride = { humanDays: rng.pick([30, 45, 120, 240]) };
  if (rng.chance(0.4)) r.digitalDays = rng.pick([14, 30, 90]);
  return r;
}
