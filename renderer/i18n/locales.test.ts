import { describe, expect, it } from 'vitest';
import { buildResources } from './index';

/**
 * Every namespace's texts (common and one per feature folder, as the app loads them): German and
 * English complete and alike, every key the code names present, and numbers inflected by i18next
 * plurals, never by hand.
 */

type Texts = Record<string, string>;

function flatten(value: unknown, prefix = '', into: Texts = {}): Texts {
  if (typeof value === 'string') into[prefix] = value;
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  else into[prefix] = String(value);
  return into;
}

const resources = buildResources();
const namespaces = Object.keys(resources.de ?? {}).sort();
const texts = (lang: 'de' | 'en', ns: string): Texts => flatten(resources[lang]?.[ns] ?? {});
const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('locales: German and English alike in every namespace', () => {
  it('finds common and every feature folder', () => {
    expect(namespaces).toContain('common');
    expect(namespaces.length).toBeGreaterThanOrEqual(19);
    expect(Object.keys(resources.en ?? {}).sort()).toEqual(namespaces);
  });

  for (const ns of namespaces) {
    it(`${ns}: same keys, plural forms and {{variables}}, no empty text`, () => {
      const de = texts('de', ns);
      const en = texts('en', ns);
      expect(Object.keys(en).sort(), `${ns}: keys`).toEqual(Object.keys(de).sort());
      for (const [lang, all] of [['de', de], ['en', en]] as const) {
        for (const [key, text] of Object.entries(all)) {
          expect(text.trim(), `${lang} ${ns}:${key} is empty`).not.toBe('');
          const plural = PLURAL.exec(key);
          if (!plural) continue;
          // German and English both have exactly "one" and "other".
          const stem = key.slice(0, -plural[0].length);
          expect(['_one', '_other'], `${lang} ${ns}:${key}`).toContain(plural[0]);
          expect(all[`${stem}_one`] !== undefined && all[`${stem}_other`] !== undefined, `${lang} ${ns}:${stem} needs _one and _other`).toBe(true);
        }
      }
      for (const key of Object.keys(de)) {
        if (en[key] === undefined) continue;
        expect(variables(en[key]), `${ns}:${key} {{variables}}`).toEqual(variables(de[key] as string));
      }
    });
  }
});

// ---- The code's keys -------------------------------------------------------------------------

const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true });

/** `head`: for a key built at run time (`column.${id}`), its fixed start, which must begin some key. */
type Use = { file: string; ns: string; key: string; head?: boolean };

/** The first argument of the call whose "(" is at `open`, as source text (strings and nesting skipped). */
function firstArgument(src: string, open: number): string {
  let depth = 0;
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) return src.slice(open + 1);
      // Template literals with nested templates are rare enough to take up to their next backtick.
      i = close;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return src.slice(open + 1, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return src.slice(open + 1, i).trim();
  }
  return '';
}

/** Static keys of a first argument: a string literal, or a condition choosing between two; null when dynamic. */
function staticKeys(arg: string): string[] | null {
  const literal = /^(['"`])([^'"`$]*)\1$/.exec(arg);
  if (literal) return [literal[2] as string];
  const choice = /\?\s*(['"])([^'"]*)\1\s*:\s*(['"])([^'"]*)\3$/.exec(arg);
  if (choice && !/['"`]/.test(arg.slice(0, choice.index))) return [choice[2] as string, choice[4] as string];
  return null;
}

/**
 * Where each file uses which key. The namespace of a bare key is that of the nearest
 * `useTranslation(...)` above it; a file without one gets `t` handed in by its feature's
 * components (its folder's namespace) or uses `common`.
 */
function scan(): { uses: Use[]; dynamic: number; other: number } {
  const uses: Use[] = [];
  let dynamic = 0;
  let other = 0;
  for (const [path, src] of Object.entries(sources)) {
    const file = path.replace(/^\.\.\//, 'renderer/');
    if (!src.includes('useTranslation') && !src.includes('TFunction') && !src.includes('i18nKey')) continue;
    const folder = /renderer\/features\/([^/]+)\//.exec(file)?.[1];
    const defaults = [...src.matchAll(/useTranslation\(\s*(?:\[\s*)?(?:(['"])([^'"]+)\1)?/g)].map((m) => ({ at: m.index, ns: m[2] ?? 'common' }));
    const nsAt = (at: number) => defaults.filter((d) => d.at < at).pop()?.ns ?? (defaults.length === 0 && folder ? folder : defaults[0]?.ns ?? 'common');
    const add = (at: number, key: string, head = false) => {
      const prefixed = /^([\w-]+):(.*)$/.exec(key);
      if (prefixed && namespaces.includes(prefixed[1] as string)) uses.push({ file, ns: prefixed[1] as string, key: prefixed[2] as string, head });
      else uses.push({ file, ns: nsAt(at), key, head });
    };
    for (const m of src.matchAll(/(?<![\w$.])t\(/g)) {
      const arg = firstArgument(src, m.index + 1);
      const keys = staticKeys(arg);
      if (keys) for (const key of keys) add(m.index, key);
      else if (arg.startsWith('`')) {
        dynamic++;
        // `common:lifecycle.${v}`: the part up to the last dot before the first ${ must name a group.
        const head = /^`([^`$]*\.)/.exec(arg)?.[1];
        if (head) add(m.index, head, true);
      } else other++;
    }
    for (const m of src.matchAll(/i18nKey=(?:\{\s*)?(['"])([^'"]+)\1/g)) add(m.index, m[2] as string);
  }
  return { uses, dynamic, other };
}

const known = ({ ns, key, head }: Use): boolean => {
  const all = texts('de', ns);
  if (head) return Object.keys(all).some((k) => k.startsWith(key));
  return all[key] !== undefined || all[`${key}_other`] !== undefined;
};

describe('keys used in the code', () => {
  const { uses, dynamic, other } = scan();

  it('finds the code’s keys (and counts the ones built at run time)', () => {
    const fixed = uses.filter((u) => !u.head).length;
    expect(fixed).toBeGreaterThan(500);
    // Keys built at run time are checked only so far as their fixed start goes (it must begin some key).
    console.info(`i18n: ${fixed} static keys checked; ${dynamic} built at run time (template literals, fixed start checked), ${other} passed in variables`);
    expect(dynamic).toBeGreaterThan(0);
  });

  it('every static key exists in the namespace it is used with', () => {
    const missing = uses.filter((u) => !known(u)).map((u) => `${u.file}: ${u.ns}:${u.key}${u.head ? '…' : ''}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});

// ---- Plurals ---------------------------------------------------------------------------------

/** "Kunde(n)", "customer(s)", "Kunde/n". */
const HAND_PLURAL = /\p{L}(\((e|n|en|r|s|es|er|in|innen)\)|\/(n|en|s|innen)\b)/u;

/** Words that change with the number before them, German and English ("1 Kunde" / "2 Kunden"). */
const COUNTED = String.raw`(?:weiter(?:e[nrs]?)?\s+|more\s+)?(?:Kunden?|customers?|accounts?|Ansprechpartner[n]?|contacts?|Kontakte?|interactions?|Tage?n?|days?|Stunden?|hours?|Minuten?|minutes?|Wochen?|weeks?|Monate?n?|months?|Jahre?n?|years?|Zeilen?|rows?|Dateien|Datei|files?|Einträge|Eintrag|entries|entry|Besuche?|visits?|Termine?|appointments?|Angebote?|offers?|Zeichen|characters?|Fehler|errors?)\b|weiter(?:e[nrs]?)?\b|more\b`;

/**
 * A number other than {{count}} in front of such a word: "{{unplanned}} weitere Kunden", "{{rows}} Zeilen".
 * i18next inflects only on count, so this text says "1 weitere Kunden" / "1 more customers". (In a plural
 * key a variable may stand for the count itself, "{{n}} Eintrag" / "{{n}} Einträge": then the word differs
 * between _one and _other, and that is allowed.)
 */
const HAND_NUMBER = new RegExp(String.raw`\{\{\s*(?!count\b)([\w.]+)\s*(?:,[^}]*)?\}\}\s+(` + COUNTED + ')', 'gu');

/**
 * Numbers always shown with a decimal ("1,0 Tage", "12,5 days"): CLDR puts them in "other" in German
 * and English, so the plural word is right for every value.
 */
const ALWAYS_DECIMAL = new Set(['reports:daysValue']);

/** The `{{var}} word` pairs of a text that inflect a number by hand (see HAND_NUMBER). */
function handNumbers(text: string): string[] {
  return [...text.matchAll(HAND_NUMBER)].map((m) => `{{${m[1]}}} ${m[2]}`);
}

/** Code choosing a text on a count of one: `n === 1 ? t('a') : t('b')`, `t(n === 1 ? 'a' : 'b')`, `n === 1 ? '' : 's'`. */
const HAND_CODE = /(?:[=!]==?\s*1\b|\b1\s*[=!]==?\s*[\w.]+|[<>]=?\s*[12]\b)\s*\)?\s*\?\s*(?:t\(|(['"`])[\w.:-]*\1\s*:)/g;

/**
 * Strings with {{count}} whose number inflects no word ("Übersprungen: 3", "Alle 3 anzeigen"): they
 * need no plural forms. Every other {{count}} is a plural (`key_one` / `key_other`).
 */
const COUNT_STANDS_ALONE = new Set([
  'backup:retention.eraseAll',
  'import-export:wizard.skipped',
  'import-export:wizard.errors',
  'import-export:wizard.moreRows',
  'pipeline:columnSummary',
  'pipeline:moreInTable',
  'reminders:showAll',
  'today:showAll',
]);

describe('plurals come from i18next, not from hand-built text', () => {
  it('no "Kunde(n)" or "customer(s)" in any text, and every other {{count}} has plural forms', () => {
    const found: string[] = [];
    for (const ns of namespaces) {
      for (const lang of ['de', 'en'] as const) {
        for (const [key, text] of Object.entries(texts(lang, ns))) {
          if (HAND_PLURAL.test(text)) found.push(`${lang} ${ns}:${key}: ${text}`);
          const plural = PLURAL.exec(key);
          const other = plural ? texts(lang, ns)[`${key.slice(0, -plural[0].length)}_${plural[1] === 'one' ? 'other' : 'one'}`] ?? '' : '';
          for (const pair of handNumbers(text)) {
            if (ALWAYS_DECIMAL.has(`${ns}:${key}`)) continue;
            if (!plural || handNumbers(other).includes(pair)) found.push(`${lang} ${ns}:${key} inflects a number that is not {{count}} by hand: "${pair}" in ${text}`);
          }
          if (/\{\{\s*count\b/.test(text) && !PLURAL.test(key) && !COUNT_STANDS_ALONE.has(`${ns}:${key}`)) found.push(`${lang} ${ns}:${key} has {{count}} but no _one/_other: ${text}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('no code picks between two keys on a count of one', () => {
    const found: string[] = [];
    for (const [path, src] of Object.entries(sources)) {
      for (const m of src.matchAll(HAND_CODE)) found.push(`${path}: ${src.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20)}`);
    }
    expect(found).toEqual([]);
  });

  it('the hand-built patterns are caught', () => {
    expect(HAND_PLURAL.test('3 Kunde(n)')).toBe(true);
    expect(HAND_PLURAL.test('3 customer(s)')).toBe(true);
    expect(HAND_PLURAL.test('Follow up after (days)')).toBe(false);
    const code = (src: string) => [...src.matchAll(HAND_CODE)].length;
    expect(code("count === 1 ? t('one') : t('many')")).toBe(1);
    expect(code("t(n === 1 ? 'list.one' : 'list.many', { n })")).toBe(1);
    expect(code("`${n} customer${n === 1 ? '' : 's'}`")).toBe(1);
    expect(code("t('list', { count: n }); codes.length === 1 ? [a] : b")).toBe(0);
  });

  it('a second number in front of a counted word is caught, a count or a unit is not', () => {
    expect(handNumbers('{{count}} Besuche vorgeschlagen. {{unplanned}} weitere Kunden passen nicht mehr in die Woche.')).toEqual(['{{unplanned}} weitere Kunden']);
    expect(handNumbers('{{count}} visits proposed. {{unplanned}} more customers do not fit into the week.')).toEqual(['{{unplanned}} more customers']);
    expect(handNumbers('{{records}} von {{rows}} Zeilen sind gültig')).toEqual(['{{rows}} Zeilen']);
    expect(handNumbers('Rhythmus {{rhythm}} Tage')).toEqual(['{{rhythm}} Tage']);
    expect(handNumbers('{{count}} weitere Kunden')).toEqual([]);
    expect(handNumbers('{{size}} MB, {{ms}} ms, {{name}} hat, {{date}} enthält')).toEqual([]);
    expect(handNumbers('{{customers}} und {{contacts}}')).toEqual([]);
  });
});

describe('counted phrases read right in both languages', () => {
  it('one and many, numbers grouped as the language writes them', async () => {
    const { default: i18next } = await import('i18next');
    const t = async (lng: string) => {
      const i = i18next.createInstance();
      await i.init({ resources, lng, fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false } });
      return i.t.bind(i);
    };
    const de = await t('de');
    const en = await t('en');
    expect(de('common:counted.customers', { count: 1 })).toBe('1 Kunde');
    expect(de('common:counted.customers', { count: 1234 })).toBe('1.234 Kunden');
    expect(en('common:counted.customers', { count: 1 })).toBe('1 customer');
    expect(en('common:counted.rows', { count: 10000 })).toBe('10,000 rows');
    expect(de('plan:unplanned', { count: 1 })).toBe('1 weiterer Kunde passt nicht mehr in die Woche.');
    expect(de('plan:unplanned', { count: 3 })).toBe('3 weitere Kunden passen nicht mehr in die Woche.');
    expect(en('plan:unplanned', { count: 1 })).toBe('1 more customer does not fit into the week.');
    expect(de('pipeline:staleSummary', { count: 2, days: de('pipeline:staleDays', { count: 1 }), value: '5 €' })).toBe('2 Angebote seit mindestens 1 Tag nicht nachgefasst (5 €).');
  });
});
