import { create } from 'zustand';
import type { OpenedFile } from '../../../shared/bridge/contract';
import { planImport, type ExistingIndex, type Fold, type ImportPolicy } from '../../../shared/import/duplicates';
import { duplicateTargets, inspectColumns, type BuildResult, type ColumnMapping, type TargetField } from '../../../shared/import/mapping';
import { namesFrom } from '../../../shared/import/outcomes';
import { buildImportReport, type ImportReport } from '../../../shared/import/report';
import type { SlashOrder } from '../../../shared/import/values';
import { getBridge } from '../../bridge';
import { applyImport, ImportCancelled, loadExistingIndex, loadImportLookups, undoImport } from '../../db/transfer/import';
import { isStorageFull } from '../../db/core/write';
import { buildInChunks, dataRows, readSource, SourceError, type Source, type SourceOptions } from './pipeline';

export type WizardStep = 'choose' | 'mapping' | 'preview' | 'running' | 'report';
export type Progress = { phase: 'checking' | 'writing'; done: number; total: number };
/** Records each duplicate policy would create, update and skip, shown next to the choice. */
export type PolicyCounts = Record<ImportPolicy, { create: number; update: number; skip: number }>;
export type WizardError = { code: string; params?: Record<string, string | number> };

type WizardState = {
  step: WizardStep;
  file?: OpenedFile;
  source?: Source;
  options: SourceOptions;
  mapping: ColumnMapping;
  slashOrder?: SlashOrder;
  policy: ImportPolicy;
  built?: BuildResult;
  existing?: ExistingIndex;
  counts?: PolicyCounts;
  /** Rows the user keeps apart from the account they would fold into (each becomes an account of its own). */
  keepApart: number[];
  /** The folds of the chosen policy as proposed (nothing kept apart), for the preview's list. */
  proposed?: Fold[];
  /** The folds that remain with the rows kept apart. */
  folds?: Fold[];
  progress?: Progress;
  report?: ImportReport;
  batchId?: string;
  undone: boolean;
  error?: WizardError;
};

const initial: WizardState = { step: 'choose', options: {}, mapping: [], policy: 'skip', keepApart: [], undone: false };

export const useImportWizard = create<WizardState>(() => ({ ...initial }));

const set = useImportWizard.setState;
const get = useImportWizard.getState;
let controller: AbortController | undefined;

/** File types the open dialog offers. */
export const IMPORT_FILTERS = [{ name: 'CSV, Excel, vCard', extensions: ['csv', 'txt', 'xlsx', 'vcf'] }];

// The data-safety feature may provide a backup before risky writes; it is used when present.
const backupModules = import.meta.glob<{ backupBeforeImport?: (reason?: string) => Promise<unknown> }>('../../db/backup/backup.ts');

function fail(e: unknown): void {
  if (e instanceof SourceError) set({ error: { code: e.code, params: e.params } });
  // Said like every other save that hit a full disk (core/write-error.ts); nothing was imported.
  else if (isStorageFull(e)) set({ error: { code: 'storage-full' } });
  else set({ error: { code: 'unexpected', params: { detail: e instanceof Error ? e.message : String(e) } } });
}

export function resetWizard(): void {
  controller?.abort();
  set({ ...initial });
}

/** Step 1: pick a file and read it as detected. */
export async function chooseFile(): Promise<void> {
  const [file] = await getBridge().openFiles({ filters: IMPORT_FILTERS, multiple: false });
  if (!file) return;
  set({ ...initial, file });
  await reread({});
}

/** Reads the file again with the user's override (encoding, separator, type, sheet); the mapping starts from the suggestion. */
export async function reread(options: SourceOptions): Promise<void> {
  const { file } = get();
  if (!file) return;
  try {
    const source = await readSource(file, options);
    set({ source, options, mapping: source.mapping, slashOrder: undefined, step: 'mapping', error: undefined, built: undefined, counts: undefined });
  } catch (e) {
    set({ step: 'choose', source: undefined });
    fail(e);
  }
}

export function setTarget(column: number, target: TargetField | null): void {
  const mapping = [...get().mapping];
  mapping[column] = target;
  set({ mapping, built: undefined, counts: undefined });
}

export function setSlashOrder(slashOrder: SlashOrder): void {
  set({ slashOrder, built: undefined, counts: undefined });
}

/** What the mapping step must still ask, and whether it can go on. */
export function mappingStatus(s: Pick<WizardState, 'source' | 'mapping' | 'slashOrder'>, locale: 'de' | 'en') {
  const questions = s.source ? inspectColumns(s.source.rows, s.mapping, locale) : [];
  const dups = duplicateTargets(s.mapping);
  const needsOrder = questions.some((q) => q.kind === 'slash_order') && !s.slashOrder;
  const mapped = s.mapping.some(Boolean);
  return { questions, dups, needsOrder, ready: mapped && dups.length === 0 && !needsOrder };
}

/** Step 2 → 3: validate every row (in chunks, with progress) and count what each policy would do. */
export async function toPreview(locale: 'de' | 'en'): Promise<void> {
  const { source, mapping, slashOrder } = get();
  if (!source) return;
  controller = new AbortController();
  const signal = controller.signal;
  set({ step: 'running', progress: { phase: 'checking', done: 0, total: source.rows.length }, error: undefined });
  try {
    const lookups = await loadImportLookups();
    const built = await buildInChunks(source, mapping, {
      locale, signal, lookups, ...(slashOrder ? { slashOrder } : {}),
      onProgress: (done, total) => set({ progress: { phase: 'checking', done, total } }),
    });
    const existing = await loadExistingIndex(built.records);
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    set({ built, existing, keepApart: [], step: 'preview', progress: undefined, proposed: planImport(built.records, existing, get().policy).folds });
    replan();
  } catch (e) {
    set({ step: 'mapping', progress: undefined });
    if (!signal.aborted) fail(e);
  }
}

export function backToMapping(): void {
  set({ step: 'mapping', error: undefined });
}

/** Counts what each policy would do, and the folds left, with the rows the user keeps apart. */
function replan(): void {
  const { built, existing, keepApart, policy } = get();
  if (!built || !existing) return;
  const options = { keepApart: new Set(keepApart) };
  const counts = {} as PolicyCounts;
  let folds: Fold[] = [];
  for (const p of ['skip', 'update', 'create'] as const) {
    const plan = planImport(built.records, existing, p, options);
    counts[p] = { create: plan.toCreate.length, update: plan.toUpdate.length, skip: plan.skipped.length };
    if (p === policy) folds = plan.folds;
  }
  set({ counts, folds });
}

export function setPolicy(policy: ImportPolicy): void {
  const { built, existing } = get();
  // "Create anyway" looks at no stored account, so the folds into stored accounts differ per policy.
  set({ policy, ...(built && existing ? { proposed: planImport(built.records, existing, policy).folds } : {}) });
  replan();
}

/** Keeps a row apart from the account it would fold into, or lets it fold again. */
export function toggleKeepApart(row: number): void {
  const { keepApart } = get();
  set({ keepApart: keepApart.includes(row) ? keepApart.filter((r) => r !== row) : [...keepApart, row] });
  replan();
}

/** Step 3 → 4: the import itself, in one transaction; cancel leaves the database untouched. */
export async function runImport(ownerId: string): Promise<void> {
  const { source, built, existing, policy, file, keepApart } = get();
  if (!source || !built || !existing || !file) return;
  controller = new AbortController();
  const signal = controller.signal;
  const plan = planImport(built.records, existing, policy, { keepApart: new Set(keepApart) });
  const total = plan.toCreate.length + plan.toUpdate.length;
  set({ step: 'running', progress: { phase: 'writing', done: 0, total }, error: undefined });
  try {
    const backup = await backupModules['../../db/backup/backup.ts']?.();
    await backup?.backupBeforeImport?.(file.name);
    const batch = await applyImport(plan, {
      fileName: file.name, ownerId, signal,
      onProgress: (done) => set({ progress: { phase: 'writing', done, total } }),
    });
    const report = buildImportReport(file.name, dataRows(source), plan, [...source.readErrors, ...built.errors], namesFrom(existing));
    set({ step: 'report', report, batchId: batch.id, undone: false, progress: undefined });
  } catch (e) {
    set({ step: 'preview', progress: undefined });
    if (e instanceof ImportCancelled) set({ error: { code: 'cancelled' } });
    else fail(e);
  }
}

export function cancelRunning(): void {
  controller?.abort();
}

export async function undoLastImport(): Promise<void> {
  const { batchId } = get();
  if (!batchId) return;
  await undoImport(batchId);
  set({ undone: true });
}
