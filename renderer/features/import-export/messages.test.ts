import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from './locales/de.json';
import en from './locales/en.json';
import type { RowOutcome } from '../../../shared/import/outcomes';
import { outcomeMessage } from '../../../shared/import/report';
import { fileErrorText, issueText } from './messages';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'de', resources: { de: { 'import-export': de }, en: { 'import-export': en } }, ns: ['import-export'], defaultNS: 'import-export', interpolation: { escapeValue: false } });

describe('fileErrorText', () => {
  it('says in the user’s words that the disk is full or the file is gone, naming the file, also through Electron’s IPC prefix', () => {
    const t = i18n.getFixedT('de', 'import-export');
    const viaIpc = new Error(`Error invoking remote method 'rapport:append-save-file': Error: ERR_DISK_FULL: The disk is full; the file "sicherung.json" was not saved.`);
    expect(fileErrorText(t, viaIpc)).toBe('Der Datenträger ist voll; „sicherung.json“ wurde nicht gespeichert. Bitte Platz schaffen und erneut speichern.');
    expect(fileErrorText(i18n.getFixedT('en', 'import-export'), new Error('ERR_FILE_GONE: The file "alt.json" is no longer there or was changed.'))).toBe(
      'The file “alt.json” is no longer there or was changed (moved, deleted or the drive removed).',
    );
    expect(fileErrorText(t, new Error('ERR_WRITE_FAILED: Could not save the file "x.json": EACCES'))).toBe('Export fehlgeschlagen: ERR_WRITE_FAILED: Could not save the file "x.json": EACCES');
  });
});

describe('row outcomes and CSV read errors', () => {
  const acc = { table: 'accounts' as const, id: 'a', name: 'Bauer KG' };
  const con = { table: 'contacts' as const, id: 'c', name: 'Anna Bauer' };
  const outcomes: RowOutcome[] = [
    ...(['updated', 'duplicate', 'unchanged'] as const).map((result): RowOutcome => ({ row: 2, kind: 'new', account: acc, contact: { result, record: con } })),
    { row: 2, kind: 'new', account: acc, contact: { result: 'duplicate_in_file', ofRow: 1 } },
    { row: 3, kind: 'updated', record: acc },
    { row: 3, kind: 'updated', record: con },
    ...(['file', 'number', 'name'] as const).map((how): RowOutcome => ({ row: 4, kind: 'added', account: acc, how, ofRow: 2 })),
    ...(['duplicate', 'unchanged'] as const).map((reason): RowOutcome => ({ row: 5, kind: 'skipped', table: 'accounts', reason, record: acc })),
    { row: 5, kind: 'skipped', table: 'contacts', reason: 'duplicate_in_file', ofRow: 2 },
  ];

  it('has a German and an English sentence for every outcome that is not simply new, with its names and rows filled in', () => {
    for (const lng of ['de', 'en']) {
      const t = i18n.getFixedT(lng, 'import-export');
      for (const o of outcomes) {
        const m = outcomeMessage(o);
        expect(m, o.kind).toBeDefined();
        expect(i18n.exists(m!.key, { lng, ns: 'import-export' }), `${lng} ${m!.key}`).toBe(true);
        const text = t(m!.key, m!.params);
        expect(text).not.toMatch(/\{\{|\(\)|„“|“”/);
      }
    }
    expect(outcomeMessage({ row: 2, kind: 'new', account: acc })).toBeUndefined();
    expect(i18n.getFixedT('de', 'import-export')(outcomeMessage(outcomes[8]!)!.key, outcomeMessage(outcomes[8]!)!.params)).toBe(
      'Als Ansprechpartner zum vorhandenen Kunden „Bauer KG“ hinzugefügt: gleicher Name und gleiche PLZ.',
    );
  });

  it('says what is wrong with a row the CSV reader flagged, in both languages', () => {
    for (const lng of ['de', 'en']) {
      const t = i18n.getFixedT(lng, 'import-export');
      for (const code of ['csv.too_few_cells', 'csv.too_many_cells', 'csv.quote_not_closed', 'row.unaccounted']) {
        expect(issueText(t, code, { expected: 17, found: 5 }), `${lng} ${code}`).not.toMatch(/^(Fehler|Error) \(/);
      }
    }
    expect(issueText(i18n.getFixedT('de', 'import-export'), 'csv.too_few_cells', { expected: 17, found: 5 })).toBe(
      'Zu wenige Zellen (5 statt 17): Die Zeile ist wohl abgeschnitten und wurde nicht übernommen.',
    );
  });
});
