import { describe, expect, it } from 'vitest';
import { npsKpis } from '../kpi/loyalty';
import { account } from '../kpi/test-fixtures';
import type { Contact } from '../domain/contact';
import { asIsoDate } from '../time';
import { parseCsvBytes } from './csv';
import { missingNpsColumns, npsColumns, npsInteraction, planNpsImport } from './nps';

function contact(id: string, accountId: string, firstName: string, lastName: string, email = ''): Contact {
  return { id, updatedAt: 0, accountId, salutation: 'mr', title: '', firstName, lastName, position: '', phone: '', mobile: '', email, preferredChannel: 'email', notes: '' };
}

const accounts = [account('weiss', { name: 'Bäckerei Weiß' }), account('krae', { name: 'Krämer Haustechnik GmbH' })];
const contacts = [
  contact('joerg', 'weiss', 'Jörg', 'Weiß', 'jörg@bäckerei-weiß.de'),
  contact('anna', 'krae', 'Anna', 'Müller'),
  contact('old', 'krae', 'Otto', 'Alt', 'otto@kraemer.de'),
];
contacts[2]!.deletedAt = 5;
const lookup = { contacts, accounts, existingKeys: new Set<string>(), today: asIsoDate('2026-12-07') };

/** As German Excel saves "CSV UTF-8 (Trennzeichen-getrennt)": BOM, semicolons, CRLF, day-first dates. */
const excel = (lines: string[]) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lines.join('\r\n') + '\r\n')]);

describe('NPS answers from a survey file', () => {
  it('finds the contact by e-mail or by name and company, and accounts for every row', () => {
    const csv = parseCsvBytes(excel([
      'E-Mail;Name;Firma;Datum;NPS;Kommentar',
      'JÖRG@bäckerei-weiß.de;;;07.12.2026;9;Schnelle Lieferung',
      ';anna muller;Krämer Haustechnik GmbH;01.12.2026;6;',
      ';Anna Müller;Krämer Haustechnik GmbH;02.12.2026;11;',
      ';Anna Müller;Krämer Haustechnik GmbH;03.12.2026;zehn;',
      'otto@kraemer.de;;;03.12.2026;8;',
      'jörg@bäckerei-weiß.de;;;31.11.2026;7;',
      'jörg@bäckerei-weiß.de;;;07.12.2026;9;doppelt',
      'jörg@bäckerei-weiß.de;;;08.12.2026;10;',
      ';Anna Müller;Krämer',
    ]));
    expect(csv.delimiter).toBe(';');
    const plan = planNpsImport(csv, csv.errors, lookup);
    expect(plan.outcomes.map((o) => o.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(plan.outcomes.map((o) => (o.kind === 'error' ? o.issues.map((i) => i.code).join('+') : o.kind))).toEqual([
      'new', 'new', 'nps.score_invalid', 'nps.score_invalid', 'nps.contact_not_found', 'nps.date_invalid', 'skipped', 'nps.date_future', 'csv.too_few_cells',
    ]);
    expect(plan.outcomes[2]).toMatchObject({ row: 4, issues: [{ field: 'score', params: { value: '11' } }] });
    expect(plan.outcomes[3]).toMatchObject({ row: 5, issues: [{ params: { value: 'zehn' } }] });
    expect(plan.outcomes[6]).toMatchObject({ kind: 'skipped', reason: 'duplicate_in_file', ofRow: 2 });
    expect(plan.answers).toMatchObject([
      { row: 2, contactId: 'joerg', accountId: 'weiss', day: '2026-12-07', score: 9, comment: 'Schnelle Lieferung' },
      { row: 3, contactId: 'anna', accountId: 'krae', day: '2026-12-01', score: 6 },
    ]);
  });

  it('stores each answer once: a second import of the same file skips it, also on another laptop', () => {
    const csv = parseCsvBytes(excel(['Vorname;Nachname;Unternehmen;Befragt am;Bewertung', 'Anna;Mueller;krämer haustechnik gmbh;2026-12-01;10']));
    const first = planNpsImport(csv, csv.errors, lookup);
    expect(first.outcomes).toMatchObject([{ kind: 'new', contact: 'Anna Müller', score: 10 }]);
    const stamp = { userId: 'u1', nowMs: 1, subject: (n: number) => `NPS-Umfrage: ${n}`, at: (d: string) => `${d}T11:00:00.000Z` };
    const row = npsInteraction(first.answers[0]!, stamp);
    expect(row).toMatchObject({ type: 'note', mode: 'digital', status: 'done', npsScore: 10, contactIds: ['anna'], subject: 'NPS-Umfrage: 10' });
    expect(npsInteraction(first.answers[0]!, { ...stamp, nowMs: 2 }).id).toBe(row.id);
    const again = planNpsImport(csv, csv.errors, { ...lookup, existingKeys: new Set([row.sourceKey!]) });
    expect(again.outcomes).toMatchObject([{ kind: 'skipped', reason: 'already_recorded' }]);
    expect(again.answers).toEqual([]);
  });

  it('the NPS KPI counts the imported answers', () => {
    const csv = parseCsvBytes(excel(['E-Mail;Datum;NPS', 'jörg@bäckerei-weiß.de;01.12.2026;10', 'jörg@bäckerei-weiß.de;02.12.2026;3']));
    const stamp = { userId: 'u1', nowMs: 1, subject: () => 'NPS', at: (d: string) => `${d}T11:00:00.000Z` };
    const rows = planNpsImport(csv, csv.errors, lookup).answers.map((a) => npsInteraction(a, stamp));
    expect(npsKpis(rows, { from: asIsoDate('2026-12-01'), to: asIsoDate('2026-12-31'), tz: 'UTC' })).toEqual({ nps: 0, promoters: 1, passives: 0, detractors: 1, responses: 2 });
  });

  it('says which columns a file lacks', () => {
    expect(missingNpsColumns(npsColumns(['E-Mail', 'Datum', 'NPS']))).toEqual([]);
    expect(missingNpsColumns(npsColumns(['Name', 'Datum', 'NPS']))).toEqual(['person']);
    expect(missingNpsColumns(npsColumns(['Kunde', 'Kontakt']))).toEqual(['score', 'date']);
    expect(missingNpsColumns(npsColumns(['Bemerkung']))).toEqual(['score', 'date', 'person']);
  });
});
