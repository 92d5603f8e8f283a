import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** First run with the 700-account demo data, as first-run.spec.ts does it. */
export async function startWithDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit Demodaten starten (700 Kunden)' }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Heute' })).toBeVisible({ timeout: 60_000 });
}

/** Minimal RFC 4180 parser (quotes, doubled quotes, separators and line breaks in quotes). */
export function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * Opens a file in LibreOffice headless and writes it back as CSV (comma, UTF-8). German CSV is
 * read with `;`, UTF-8 and German number format, as German Excel would.
 */
export function sofficeToCsv(file: string, outDir: string): string[][] {
  mkdirSync(outDir, { recursive: true });
  const args = ['--headless', `-env:UserInstallation=file://${outDir}/lo-profile`];
  if (file.endsWith('.csv')) args.push('--infilter=CSV:59,34,76,1,,1031');
  args.push('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outDir, file);
  execFileSync('soffice', args, { stdio: 'pipe', timeout: 120_000 });
  return parseCsv(readFileSync(join(outDir, basename(file).replace(/\.\w+$/, '.csv')), 'utf8'));
}

/** A number as shown on the page or written by LibreOffice: "1.234,56 €", "12,5 %", "1234.56"; null for "–". */
export function numberOf(text: string, german: boolean): number | null {
  const t = text.replace(/\s| /g, '');
  if (t === '' || t === '–') return null;
  const cleaned = german ? t.replace(/[^0-9,.-]/g, '').replace(/\./g, '').replace(',', '.') : t.replace(/[^0-9.-]/g, '');
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}
