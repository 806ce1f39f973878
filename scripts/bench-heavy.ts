/**
 * The bench's case for heavy work off the calls' thread: another duty officer's `petitions.list`
 * timed over many calls with nothing else running, then while a backup (copy, integrity check,
 * counts) and an export of every case (100,000 at the large scale) run at the same time, then while
 * an import preview of a large workbook (10,000 rows at the large scale) runs and the month's 月通报
 * is built as a Word file again and again. All of it runs in worker threads
 * (electron/backend/workers/); the target is a p95 under 50 ms under each load.
 */
import type { Backend } from '../electron/backend/backend';
import type { CallContext } from '../electron/backend/api/types';
import type { ExportProgress } from '../shared/contract/exports';
import type { ImportPreview } from '../shared/contract/imports';
import type { SavedReport } from '../shared/contract/reports';
import type { ReportDocument } from '../shared/domain/reports/document';
import { petitionWorkbook } from './bench-import';

/** List calls timed with nothing else running; under load, as many as the load lasts (at least as many). */
const QUIET_CALLS = 300;
export const HEAVY_TARGET_P95_MS = 50;
/** An export of every case (100,000 at the large scale), from the call to the file fetched, alone. */
export const EXPORT_TARGET_MS = 3000;
const EXPORT_RUNS = 3;

export interface LatencySummary {
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface HeavyTiming {
  quiet: LatencySummary;
  exportAlone: { rows: number; p50Ms: number; maxMs: number };
  underLoad: LatencySummary & { backupMs: number; exportMs: number; exportRows: number; callsDuringLoad: number };
  underImport: LatencySummary & { previewMs: number; importRows: number; reports: number; callsDuringLoad: number };
}

async function must<T>(backend: Backend, method: string, input: unknown, as: CallContext): Promise<T> {
  const result = await backend.dispatch(method, input, as);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
}

function summary(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  return { calls: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1)! };
}

/** One list call's time, its page turned each time (so the same rows are not just read again). */
async function timedList(backend: Backend, reader: CallContext, n: number): Promise<number> {
  // Each call arrives as its own event, as a transport's would: the workers' messages and timers get their turns.
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  await must(backend, 'petitions.list', { page: (n % 20) + 1, pageSize: 20 }, reader);
  return performance.now() - started;
}

/**
 * Times list calls while `load` runs, and on after it until there are as many as the quiet ones;
 * only the calls made while it ran count (those after it would flatter the figures).
 */
async function listsWhile(
  backend: Backend,
  reader: CallContext,
  load: Promise<unknown>,
): Promise<LatencySummary & { callsDuringLoad: number }> {
  let busy = true;
  const done = load.finally(() => (busy = false));
  const loaded: number[] = [];
  let callsDuringLoad = 0;
  for (let n = 0; busy || loaded.length < QUIET_CALLS; n += 1) {
    const during = busy;
    loaded.push(await timedList(backend, reader, n));
    if (during) callsDuringLoad += 1;
  }
  await done;
  return { ...summary(loaded.slice(0, Math.max(callsDuringLoad, 1))), callsDuringLoad };
}

/** An export of every case as the officer's dialog runs it: started, followed, fetched; its rows and time. */
async function timedExport(backend: Backend, exporter: CallContext): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const job = await must<ExportProgress>(backend, 'petitions.exportStart', {}, exporter);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const progress = await must<ExportProgress>(backend, 'exports.progress', { jobId: job.jobId }, exporter);
    if (progress.state !== 'running') break;
  }
  const { rows } = await must<{ rows: number }>(backend, 'exports.fetch', { jobId: job.jobId }, exporter);
  return { ms: performance.now() - started, rows };
}

/** A backup and an export of every case at once. */
async function backupAndExport(backend: Backend, who: { admin: CallContext; exporter: CallContext }) {
  const started = performance.now();
  let backupMs = 0;
  const backup = must(backend, 'backup.run', {}, who.admin).then(() => (backupMs = performance.now() - started));
  let exportMs = 0;
  let exportRows = 0;
  const exported = timedExport(backend, who.exporter).then((done) => ({ ms: exportMs, rows: exportRows } = done));
  await Promise.all([backup, exported]);
  return { backupMs, exportMs, exportRows };
}

/** An import preview of a generated workbook, with the month's report built as a Word file until it is done. */
async function previewAndReports(backend: Backend, as: CallContext, base64: string, rows: number) {
  const draft = await must<ReportDocument>(backend, 'reports.draft', { kind: 'monthly' }, as);
  const document = { ...draft, signer: draft.signer || '带班领导' };
  const saved = await must<SavedReport>(backend, 'reports.save', { document }, as);
  const started = performance.now();
  let previewMs = 0;
  const file = { kind: 'petitions', fileName: `积案台账-${rows}.xlsx`, base64 };
  const preview = must<ImportPreview>(backend, 'imports.preview', file, as).then((answer) => {
    previewMs = performance.now() - started;
    return answer;
  });
  let previewing = true;
  void preview.finally(() => (previewing = false)).catch(() => {});
  let reports = 0;
  while (previewing) {
    await must(backend, 'reports.docx', { id: saved.id }, as);
    reports += 1;
  }
  const { rows: importRows } = await preview;
  return { previewMs, importRows, reports };
}

export async function benchListUnderLoad(
  backend: Backend,
  who: { admin: CallContext; exporter: CallContext; reader: CallContext },
  importRows: number,
): Promise<HeavyTiming> {
  const quiet: number[] = [];
  for (let n = 0; n < QUIET_CALLS; n += 1) quiet.push(await timedList(backend, who.reader, n));
  // The first export also starts its worker and loads its modules; each one after that is timed.
  await timedExport(backend, who.exporter);
  const alone: Array<{ ms: number; rows: number }> = [];
  for (let n = 0; n < EXPORT_RUNS; n += 1) alone.push(await timedExport(backend, who.exporter));
  const aloneMs = alone.map((run) => run.ms).sort((a, b) => a - b);
  const exportAlone = { rows: alone[0]!.rows, p50Ms: aloneMs[Math.floor(EXPORT_RUNS / 2)]!, maxMs: aloneMs.at(-1)! };

  const heavy = backupAndExport(backend, who);
  const underLoad = { ...(await listsWhile(backend, who.reader, heavy)), ...(await heavy) };
  const base64 = await petitionWorkbook(backend, importRows);
  const imported = previewAndReports(backend, who.exporter, base64, importRows);
  const underImport = { ...(await listsWhile(backend, who.reader, imported)), ...(await imported) };
  return { quiet: summary(quiet), exportAlone, underLoad, underImport };
}

export function printHeavy(timing: HeavyTiming): void {
  const { quiet, exportAlone, underLoad, underImport } = timing;
  const ms = (n: number) => n.toFixed(1);
  const line = (label: string, s: LatencySummary) =>
    `  ${label}：${s.calls} 次，p50 ${ms(s.p50Ms)} ms，p95 ${ms(s.p95Ms)} ms，最慢 ${ms(s.maxMs)} ms`;
  console.log(
    `\n导出全部积案（${exportAlone.rows.toLocaleString('zh-CN')} 行，单独进行，${EXPORT_RUNS} 次）：` +
      `中位 ${(exportAlone.p50Ms / 1000).toFixed(2)} s，最慢 ${(exportAlone.maxMs / 1000).toFixed(2)} s；` +
      `目标 < ${EXPORT_TARGET_MS / 1000} s：${exportAlone.p50Ms < EXPORT_TARGET_MS ? '达到' : '未达到'}`,
  );
  console.log(`\n后台重活期间其他用户的积案列表（petitions.list，每页 20 条）：`);
  console.log(line('空闲', quiet));
  console.log(line('备份与导出同时进行', underLoad));
  console.log(
    `  备份用时 ${(underLoad.backupMs / 1000).toFixed(1)} s；导出 ${underLoad.exportRows.toLocaleString('zh-CN')} 行用时 ` +
      `${(underLoad.exportMs / 1000).toFixed(1)} s；目标 p95 < ${HEAVY_TARGET_P95_MS} ms：` +
      `${underLoad.p95Ms < HEAVY_TARGET_P95_MS ? '达到' : '未达到'}`,
  );
  console.log(line('导入预览与月通报生成同时进行', underImport));
  console.log(
    `  预览 ${underImport.importRows.toLocaleString('zh-CN')} 行工作簿用时 ${(underImport.previewMs / 1000).toFixed(1)} s，` +
      `其间生成月通报 Word ${underImport.reports} 份；目标 p95 < ${HEAVY_TARGET_P95_MS} ms：` +
      `${underImport.p95Ms < HEAVY_TARGET_P95_MS ? '达到' : '未达到'}`,
  );
}
