import type { Birthday, Channel, Contact, MarketingConsent, Salutation } from '../domain';
import type { AccountDraft } from './account';
import { CONTACT_NOTES, POSITIONS } from './business';
import { stampOf, type GenContext } from './context';
import { daysInMonth, isLeapYear, isoDate, yearOf } from './dates';
import { FEMALE_FIRST_NAMES, FOREIGN_NAMES, LAST_NAMES, MALE_FIRST_NAMES, TITLES, asciiSlug } from './names';
import { landline, mobileNumber } from './places';
import { IdMaker, Rng, TABLE } from './prng';

const COUNT_WEIGHTS = { '1': 8, '2': 17, '3': 33, '4': 42 };
const CHANNEL_WEIGHTS: Record<Channel, number> = { visit: 25, phone: 35, email: 30, letter: 5, none: 5 };
const CONSENT_SOURCES = ['Messeformular', 'Telefonat', 'Website-Formular (Double-Opt-In)', 'Besuch vor Ort', 'Visitenkarte mit Unterschrift'] as const;
const FREEMAIL = ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de'] as const;

/** Index whose first contact is recorded the way it was on a Russian business card. */
export const IVANOV_INDEX = 5;
/** Index whose first contact was born on 29 February of a leap year. */
export const LEAP_BIRTHDAY_INDEX = 3;

/** A birthday; the year is known for about 70 %, and 29 February only with a leap year (or none). */
export function birthday(rng: Rng, todayDay: number): Birthday {
  const month = rng.int(1, 12);
  const day = rng.int(1, daysInMonth(2000, month));
  const b: Birthday = { day, month };
  if (rng.chance(0.7)) {
    let year = yearOf(todayDay) - rng.int(22, 66);
    if (month === 2 && day === 29) while (!isLeapYear(year)) year--;
    b.year = year;
  }
  return b;
}

function consent(ctx: GenContext, from: number, rng: Rng): MarketingConsent | undefined {
  if (!rng.chance(0.7)) return undefined;
  const start = Math.max(from, ctx.windowStart - 365);
  const day = rng.int(Math.min(start, ctx.todayDay - 1), ctx.todayDay - 1);
  return { granted: rng.chance(0.75), date: isoDate(day), source: rng.pick(CONSENT_SOURCES) };
}

/** The 1–4 contact persons of an account (1–2 for private customers). */
export function makeContacts(ctx: GenContext, draft: AccountDraft, rng: Rng, ids: IdMaker): Contact[] {
  const { account, core, city, domain, person } = draft;
  const count = person ? (rng.chance(0.15) ? 2 : 1) : Number(rng.weighted(COUNT_WEIGHTS));
  const positions = POSITIONS[core.group];
  const contacts: Contact[] = [];
  for (let i = 0; i < count; i++) {
    let female = rng.chance(0.5);
    let first: string = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    let last: string = rng.pick(LAST_NAMES);
    if (person && i === 0) ({ first, last, female } = person);
    else if (person) last = person.last;
    else if (rng.chance(0.06)) ({ first, last, female } = rng.pick(FOREIGN_NAMES));
    if (core.index === IVANOV_INDEX && i === 0) ({ first, last, female } = { first: 'S. V.', last: 'Ivanov', female: false });

    let salutation: Salutation = female ? 'ms' : 'mr';
    if (rng.chance(0.015)) salutation = rng.chance(0.5) ? 'mx' : 'none';
    const academic = core.group === 'architect' || core.group === 'planner' ? 0.15 : 0.05;
    const pos = i === 0 ? positions[0] : rng.pick(positions);
    const slugFirst = asciiSlug(first.replace(/\./g, '')) || 'kontakt';
    const slugLast = asciiSlug(last);
    const email = person
      ? `${slugFirst[0]}.${slugLast}${rng.int(1, 99)}@${rng.pick(FREEMAIL)}`
      : rng.chance(0.8)
        ? `${slugFirst}.${slugLast}@${domain}`
        : `${slugFirst[0]}.${slugLast}@${domain}`;

    const contact: Contact = {
      id: ids.next(TABLE.contact),
      updatedAt: 0,
      accountId: account.id,
      salutation,
      title: rng.chance(academic) ? rng.pick(TITLES) : '',
      firstName: first,
      lastName: last,
      position: pos ? (female ? pos[1] : pos[0]) : '',
      phone: person ? account.phone : rng.chance(0.85) ? `${account.phone}-${rng.int(10, 89)}` : landline(city, rng),
      mobile: rng.chance(0.6) ? mobileNumber(rng) : '',
      email,
      preferredChannel: rng.weighted(CHANNEL_WEIGHTS),
      notes: rng.chance(0.08) ? rng.pick(CONTACT_NOTES) : '',
    };
    if (rng.chance(0.8)) contact.birthday = birthday(rng, ctx.todayDay);
    if (core.index === LEAP_BIRTHDAY_INDEX && i === 0) contact.birthday = { day: 29, month: 2, year: 1976 };
    const c = consent(ctx, core.leadDay, rng);
    if (c) contact.consent = c;
    contact.updatedAt = stampOf(ctx, Math.max(account.createdAt, c ? Date.parse(c.date) + 10 * 3_600_000 : 0));
    contacts.push(contact);
  }
  if (person) account.email = contacts[0]?.email ?? '';
  return contacts;
}
