import { describe, expect, it } from 'vitest';
import { bridgeRequestSchemas, fileNameSchema } from './schemas';

describe('bridge request schemas', () => {
  it('accept well-formed requests', () => {
    expect(bridgeRequestSchemas.appInfo.safeParse(undefined).success).toBe(true);
    expect(
      bridgeRequestSchemas.saveFile.safeParse({
        suggestedName: 'Wochenplan KW 48 – Müller.csv',
        mimeType: 'text/csv',
        data: new Uint8Array([1, 2]),
        filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }, { name: 'Alle Dateien', extensions: ['*'] }],
      }).success,
    ).toBe(true);
    expect(bridgeRequestSchemas.openFiles.safeParse({ filters: [], multiple: false }).success).toBe(true);
    expect(bridgeRequestSchemas.notify.safeParse({ title: 'Geburtstag', body: 'Anna Müller', tag: 'bday' }).success).toBe(true);
    expect(bridgeRequestSchemas.setLanguage.safeParse('en').success).toBe(true);
  });

  it('refuse folders and reserved characters in file names', () => {
    for (const name of ['', '.', '..', '../x.csv', 'a/b.csv', 'a\\b.csv', 'C:x.csv', 'a?.csv', 'a\u0000.csv', 'x'.repeat(256)]) {
      expect(fileNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });

  it('refuse wrong shapes', () => {
    expect(bridgeRequestSchemas.appInfo.safeParse({}).success).toBe(false);
    expect(bridgeRequestSchemas.setLanguage.safeParse('fr').success).toBe(false);
    expect(bridgeRequestSchemas.openFiles.safeParse({ filters: [], multiple: 'yes' }).success).toBe(false);
    expect(bridgeRequestSchemas.saveFile.safeParse({ suggestedName: 'a.csv', mimeType: 'text/csv', data: [1, 2], filters: [] }).success).toBe(false);
    expect(bridgeRequestSchemas.printToPdf.safeParse({ suggestedName: 'a.pdf' }).success).toBe(false);
    expect(bridgeRequestSchemas.notify.safeParse({ title: '', body: 'x' }).success).toBe(false);
    expect(bridgeRequestSchemas.openExternal.safeParse(42).success).toBe(false);
  });
});
