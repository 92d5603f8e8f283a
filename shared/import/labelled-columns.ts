import type { SheetData } from './types';

/** Labels (Google "Phone N - Label", old "Phone N - Type"; any language) that mean a mobile phone. */
const MOBILE_LABEL = /mobil|cell|handy|iphone/i;
const PHONE_VALUE = /^Phone (\d+) - Value$/i;

/**
 * Google Contacts writes phones as numbered pairs ("Phone 1 - Label" = Mobile/Work/Home, "Phone 1 - Value"),
 * so the column alone does not tell landline from mobile. This replaces the pairs with two columns,
 * "Mobile Phone" and "Business Phone" (headers `suggestMapping` knows), filled per row from the labels:
 * the first mobile-labelled number, and the first other number. Fax numbers are left out. Other sheets
 * are returned unchanged. Call it before `suggestMapping`.
 */
export function splitLabelledPhones(sheet: SheetData): SheetData {
  const pairs: { value: number; label: number }[] = [];
  sheet.headers.forEach((h, value) => {
    const m = PHONE_VALUE.exec(h);
    if (!m) return;
    const label = sheet.headers.findIndex((x) => new RegExp(`^Phone ${m[1]} - (Label|Type)$`, 'i').test(x));
    if (label >= 0) pairs.push({ value, label });
  });
  if (pairs.length === 0) return sheet;
  const drop = new Set(pairs.flatMap((p) => [p.value, p.label]));
  const keep = sheet.headers.map((_, i) => i).filter((i) => !drop.has(i));
  const rows = sheet.rows.map((cells) => {
    let mobile = '';
    let phone = '';
    for (const p of pairs) {
      const value = (cells[p.value] ?? '').trim();
      const label = cells[p.label] ?? '';
      if (value === '' || /fax/i.test(label)) continue;
      if (MOBILE_LABEL.test(label)) mobile ||= value;
      else phone ||= value;
    }
    return [...keep.map((i) => cells[i] ?? ''), mobile, phone];
  });
  return { headers: [...keep.map((i) => sheet.headers[i] ?? ''), 'Mobile Phone', 'Business Phone'], rows, rowNumbers: sheet.rowNumbers };
}
