import * as ExcelNamespace from 'exceljs';

/**
 * exceljs is CommonJS: Node's ESM loader exposes it only as `default`, while bundlers may hand out the
 * namespace directly. Vite resolves the package's "browser" field (`dist/exceljs.min.js`, with its
 * own polyfills), so the same import works in the renderer.
 */
type ExcelModule = typeof ExcelNamespace;
export const ExcelJS: ExcelModule =
  (ExcelNamespace as unknown as { default?: ExcelModule }).default ?? ExcelNamespace;

/** The type exceljs declares for `xlsx.load` (Node's Buffer); an ArrayBuffer works at runtime. */
export type ExcelLoadInput = Parameters<InstanceType<ExcelModule['Workbook']>['xlsx']['load']>[0];
