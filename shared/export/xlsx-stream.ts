import { createZipWriter, type ZipEntry, type ZipSink } from './zip-writer';
import { toDate } from './cell-date';
import type { XlsxColumn, XlsxOptions } from './xlsx';

// One-sheet XLSX written row by row into a streaming ZIP (zip-writer.ts): the rows' XML is encoded and
// deflated as each batch arrives and leaves through the sink, so memory stays that of one batch
// whatever the size. Text goes in as inline strings (`t="inlineStr"`): typed text, never a formula,
// and no shared-string table that would hold every distinct text of the file until the end.
// Same look as exportXlsx (xlsx.ts): bold frozen header, typed numbers, real dates.

/** Rows in, bytes out through the sink; `finish` closes the sheet and the archive. */
export type XlsxStreamWriter = {
  addRows(rows: readonly Record<string, unknown>[]): Promise<void>;
  finish(): Promise<void>;
};

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const WORKBOOK_RELS =
  `${XML}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/** Cell styles: 0 plain, 1 bold (header), 2 date. */
function styles(dateFormat: string): string {
  return (
    `${XML}<styleSheet xmlns="${NS}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(dateFormat)}"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function core(when: Date): string {
  const at = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>Rapport</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** XML text: the five entities, and the control characters XML 1.0 cannot carry dropped (Excel refuses the file otherwise). */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly those characters are meant
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's day serial of an instant (1900 date system; days since 1899-12-30 in UTC, as exceljs writes them). */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

function textCell(ref: string, text: string, style = ''): string {
  const t = escapeXml(text);
  const space = t !== t.trim() ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${t}</t></is></c>`;
}

/** One cell's XML; empty values write nothing. Same value rules as exportXlsx's cellValue. */
function cellXml(ref: string, value: unknown, type: XlsxColumn['type']): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'number' && typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  if (type === 'boolean' && typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (type === 'date') {
    const d = toDate(value);
    return d ? `<c r="${ref}" s="2"><v>${serial(d)}</v></c>` : textCell(ref, String(value));
  }
  return textCell(ref, Array.isArray(value) ? value.join(', ') : String(value));
}

function guessWidth(column: XlsxColumn, rows: readonly Record<string, unknown>[]): number {
  let width = column.header.length;
  for (const row of rows.slice(0, 100)) width = Math.max(width, String(row[column.key] ?? '').length);
  return Math.min(Math.max(width + 2, 8), 60);
}

function sheetName(raw: string): string {
  return (raw.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
}

/**
 * Writes a one-sheet workbook to `sink` as rows arrive (a customer export read in chunks). Column
 * widths come from the first batch (up to 100 rows), since they precede the rows in the file.
 */
export function createXlsxStreamWriter(name: string, columns: readonly XlsxColumn[], sink: ZipSink, options: XlsxOptions & { now?: Date } = {}): XlsxStreamWriter {
  const now = options.now ?? new Date();
  const zip = createZipWriter(sink, now);
  const encoder = new TextEncoder();
  const refs = columns.map((_, i) => columnLetter(i));
  let sheet: ZipEntry | undefined;
  let row = 1;

  const open = async (sample: readonly Record<string, unknown>[]): Promise<ZipEntry> => {
    await zip.add('[Content_Types].xml', encoder.encode(CONTENT_TYPES));
    await zip.add('_rels/.rels', encoder.encode(ROOT_RELS));
    await zip.add('docProps/core.xml', encoder.encode(core(now)));
    await zip.add(
      'xl/workbook.xml',
      encoder.encode(`${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(sheetName(name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    );
    await zip.add('xl/_rels/workbook.xml.rels', encoder.encode(WORKBOOK_RELS));
    await zip.add('xl/styles.xml', encoder.encode(styles(options.locale === 'en' ? 'yyyy-mm-dd' : 'dd.mm.yyyy')));
    const entry = zip.begin('xl/worksheets/sheet1.xml');
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? guessWidth(c, sample)}" customWidth="1"${c.type === 'date' ? ' style="2"' : ''}/>`).join('');
    const header = columns.map((c, i) => textCell(`${refs[i]}1`, c.header, ' s="1"')).join('');
    await entry.write(
      encoder.encode(
        `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
          `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`,
      ),
    );
    return entry;
  };

  return {
    async addRows(rows) {
      sheet ??= await open(rows);
      let xml = '';
      for (const r of rows) {
        row++;
        xml += `<row r="${row}">`;
        for (let i = 0; i < columns.length; i++) xml += cellXml(`${refs[i]}${row}`, r[columns[i]!.key], columns[i]!.type);
        xml += '</row>';
      }
      await sheet.write(encoder.encode(xml));
    },
    async finish() {
      sheet ??= await open([]);
      await sheet.write(encoder.encode('</sheetData></worksheet>'));
      await sheet.close();
      await zip.finish();
    },
  };
}
