import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from './locales/de.json';
import en from './locales/en.json';
import { fileErrorText } from './messages';

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
