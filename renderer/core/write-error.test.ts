import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { onDbFault, type DbFault } from '../db/core/faults';
import { asStorageFull, StorageFullError, WRITE_LABELS } from '../db/core/write';
import { buildResources } from '../i18n';
import { describeWriteError } from './write-error';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: buildResources(), lng: 'de', fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false } });
});
afterEach(() => i18n.changeLanguage('de'));

describe('describeWriteError', () => {
  it('says what was not saved when the disk is full, in whatever form it came', () => {
    const faults: DbFault[] = [];
    const off = onDbFault((f) => faults.push(f));
    // As runWrite throws it: already alerted.
    const fromWrite = asStorageFull(new DOMException('q', 'QuotaExceededError'), 'account');
    expect(describeWriteError(fromWrite, i18n.t)).toMatch(/^Speicherplatz voll — der Kunde wurde nicht gespeichert\./);
    const chromium = new DOMException('Failed to write blobs (IOError)', 'AbortError');
    expect(describeWriteError(chromium, i18n.t, 'interaction')).toMatch(/^Speicherplatz voll — der Kontakt wurde nicht gespeichert\./);
    expect(describeWriteError({ name: 'AbortError', inner: new DOMException('q', 'QuotaExceededError') }, i18n.t)).toMatch(/^Speicherplatz voll — die Änderung wurde/);
    off();
    // One alert per failure: the write's own, and one for each raw error seen here first.
    expect(faults).toHaveLength(3);
  });

  it('shows any other error with its message, never nothing', () => {
    expect(describeWriteError(new Error('Interaction x not found'), i18n.t)).toBe('Nicht gespeichert: Interaction x not found');
    expect(describeWriteError('weird', i18n.t)).toBe('Nicht gespeichert: weird');
  });

  it('has a German and an English word for every label', async () => {
    for (const lang of ['de', 'en']) {
      await i18n.changeLanguage(lang);
      for (const label of [...WRITE_LABELS, 'change']) expect(i18n.exists(`common:write.what.${label}`), `${lang} ${label}`).toBe(true);
    }
    expect(describeWriteError(new StorageFullError({ label: 'deal' }), i18n.t)).toMatch(/^Storage full — the deal was not saved\./);
  });
});
