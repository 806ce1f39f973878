import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { FailedJob, JobName, JobScope, WorkerMessage, WorkerStart } from './job';

/**
 * A worker thread's entry (built as out/main/worker.js; run from source through tsx's loader in
 * tests and web mode). It runs the jobs it is sent, one at a time, each on its own connections,
 * and posts each one's progress and outcome. A job's module is loaded when first asked for (a
 * worker loads no more than its jobs need) and stays loaded for the next job the idle worker gets.
 */
type Body = (input: never, scope: JobScope) => unknown;

const JOBS: Record<JobName, () => Promise<Body>> = {
  'backup.copy': async () => (await import('../db/backup-copy')).copyBackup,
  'backup.drill': async () => (await import('../db/drill-job')).drillBackup,
  'db.integrity': async () => (await import('../db/integrity-job')).checkFileInWorker,
  'ledger.export': async () => (await import('../api/exports')).writeLedgerExport,
  'import.dryRun': async () => (await import('../api/imports')).dryRunImport,
  'import.commit': async () => (await import('../api/imports')).commitImportFile,
  'report.docx': async () => (await import('../export/docx-job')).writeReportDocx,
  'xlsx.sheet': async () => (await import('../export/sheet-pipe')).writeSheet,
};

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function failure(error: unknown): FailedJob {
  if (error instanceof AppError) return { kind: 'app', body: error.toBody() };
  const code = (error as { code?: unknown } | null)?.code;
  return {
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

async function run(start: WorkerStart): Promise<void> {
  try {
    const body = await JOBS[start.name]();
    const key = start.key ? Buffer.from(start.key) : null;
    const output = await body(start.input as never, { key, progress: (done) => post({ type: 'progress', done }) });
    post({ type: 'done', output });
  } catch (error) {
    post({ type: 'failed', error: failure(error) });
  }
}

parentPort!.on('message', (start: WorkerStart) => void run(start));
