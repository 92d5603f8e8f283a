import type { Account, Contact, Interaction, IsoInstant, TeamMember } from '../domain';
import { foldForSearch } from '../text/normalize';

/** Everything stored about one person, for a GDPR access request (Art. 15). */
export type GdprExport = {
  format: 'rapport-gdpr-access';
  version: 1;
  exportedAt: IsoInstant;
  /** The contact row as stored. */
  person: Contact;
  /** The account the person belongs to. */
  account: { id: string; name: string } | null;
  /** Marketing consent as recorded, or null if never asked. */
  consent: Contact['consent'] | null;
  /** Interactions that list the person, or (same account) name them in subject, summary or next step. */
  interactions: GdprInteraction[];
};

export type GdprInteraction = {
  id: string;
  at: IsoInstant;
  type: Interaction['type'];
  status: Interaction['status'];
  subject: string;
  summary: string;
  nextStep: string;
  outcome: Interaction['outcome'] | null;
  /** Team member who had the contact, by name. */
  by: string;
  /** `listed`: the person is among the participants; `named`: only mentioned in the text. */
  via: 'listed' | 'named';
};

export type GdprInput = {
  contact: Contact;
  account?: Pick<Account, 'id' | 'name'>;
  /** Interactions of the person's account (or all); the relevant ones are picked here. */
  interactions: readonly Interaction[];
  team?: readonly Pick<TeamMember, 'id' | 'name'>[];
};

export function buildGdprExport(input: GdprInput, now: Date = new Date()): GdprExport {
  const { contact, account } = input;
  const names = new Map((input.team ?? []).map((m) => [m.id, m.name]));
  const fullName = foldForSearch(`${contact.firstName} ${contact.lastName}`);
  const interactions: GdprInteraction[] = [];
  for (const i of input.interactions) {
    if (i.deletedAt !== undefined) continue;
    const listed = i.contactIds.includes(contact.id);
    const named = !listed && fullName.includes(' ') && i.accountId === contact.accountId && foldForSearch(`${i.subject} ${i.summary} ${i.nextStep}`).includes(fullName);
    if (!listed && !named) continue;
    interactions.push({ id: i.id, at: i.at, type: i.type, status: i.status, subject: i.subject, summary: i.summary, nextStep: i.nextStep, outcome: i.outcome ?? null, by: names.get(i.userId) ?? i.userId, via: listed ? 'listed' : 'named' });
  }
  interactions.sort((a, b) => a.at.localeCompare(b.at));
  return {
    format: 'rapport-gdpr-access',
    version: 1,
    exportedAt: now.toISOString(),
    person: contact,
    account: account ? { id: account.id, name: account.name } : null,
    consent: contact.consent ?? null,
    interactions,
  };
}

/** A value of the readable document; the UI formats dates and translates keys for its locale. */
export type DocValue =
  | { kind: 'text'; text: string }
  | { kind: 'date'; iso: string }
  | { kind: 'instant'; iso: string }
  | { kind: 'key'; key: string };

/** A labelled line; `label` is an i18n key such as `gdpr.field.email`. */
export type DocRow = { label: string; value: DocValue };
export type DocSection = { title: string; rows: DocRow[] };
/** A plain, printable document: headings and label/value lines only, no layout. */
export type GdprDocument = { title: string; subject: string; exportedAt: string; sections: DocSection[] };

const text = (t: string): DocValue => ({ kind: 'text', text: t });
const key = (k: string): DocValue => ({ kind: 'key', key: k });
const filled = (rows: DocRow[]): DocRow[] => rows.filter((r) => r.value.kind !== 'text' || r.value.text !== '');

/** Lays the export out for the readable (PDF) view: person, consent, then one section per interaction. */
export function gdprDocument(exp: GdprExport): GdprDocument {
  const p = exp.person;
  const person = filled([
    { label: 'gdpr.field.salutation', value: key(`salutation.${p.salutation}`) },
    { label: 'gdpr.field.title', value: text(p.title) },
    { label: 'gdpr.field.firstName', value: text(p.firstName) },
    { label: 'gdpr.field.lastName', value: text(p.lastName) },
    { label: 'gdpr.field.account', value: text(exp.account?.name ?? '') },
    { label: 'gdpr.field.position', value: text(p.position) },
    { label: 'gdpr.field.phone', value: text(p.phone) },
    { label: 'gdpr.field.mobile', value: text(p.mobile) },
    { label: 'gdpr.field.email', value: text(p.email) },
    { label: 'gdpr.field.birthday', value: text(p.birthday ? [p.birthday.day, p.birthday.month, p.birthday.year].filter((x) => x !== undefined).join('.') : '') },
    { label: 'gdpr.field.preferredChannel', value: key(`channel.${p.preferredChannel}`) },
    { label: 'gdpr.field.notes', value: text(p.notes) },
  ]);
  const consent: DocRow[] = exp.consent
    ? [
        { label: 'gdpr.field.consentGranted', value: key(exp.consent.granted ? 'gdpr.yes' : 'gdpr.no') },
        { label: 'gdpr.field.consentDate', value: { kind: 'date', iso: exp.consent.date } },
        { label: 'gdpr.field.consentSource', value: text(exp.consent.source) },
      ]
    : [{ label: 'gdpr.field.consent', value: key('gdpr.consentNotRecorded') }];
  const interactions = exp.interactions.map((i): DocSection => ({
    title: 'gdpr.section.interaction',
    rows: filled([
      { label: 'gdpr.field.at', value: { kind: 'instant', iso: i.at } },
      { label: 'gdpr.field.type', value: key(`interactionType.${i.type}`) },
      { label: 'gdpr.field.by', value: text(i.by) },
      { label: 'gdpr.field.subject', value: text(i.subject) },
      { label: 'gdpr.field.summary', value: text(i.summary) },
      { label: 'gdpr.field.nextStep', value: text(i.nextStep) },
      ...(i.outcome ? [{ label: 'gdpr.field.outcome', value: key(`outcome.${i.outcome}`) }] : []),
    ]),
  }));
  return {
    title: 'gdpr.title',
    subject: [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
    exportedAt: exp.exportedAt,
    sections: [{ title: 'gdpr.section.person', rows: person }, { title: 'gdpr.section.consent', rows: consent }, ...interactions],
  };
}
