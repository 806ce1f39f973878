import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { FailedJob, Job, JobName, WorkerMessage, WorkerStart } from './job';

/**
 * A worker thread's entry (built as out/main/worker.js; run from source through tsx's loader in
 * tests and web mode). It loads the one job it was started for (each module only when asked, so a
 * worker loads no more than its job needs), runs it on its own connections and posts the outcome.
 */
const JOBS: Record<JobName, () => Promise<Job<never, unknown>>> = {
  'backup.copy': async () => (await import('../db/backup-copy')).backupCopyJob,
  'db.integrity': async () => (await import('../db/integrity-job')).integrityJob,
  'ledger.export': async () => (await import('../api/exports')).ledgerExportJob,
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

async function main(start: WorkerStart): Promise<void> {
  try {
    const job = await JOBS[start.name]();
    const key = start.key ? Buffer.from(start.key) : null;
    const output = await job.run(start.input as never, { key, progress: (done) => post({ type: 'progress', done }) });
    post({ type: 'done', output });
  } catch (error) {
    post({ type: 'failed', error: failure(error) });
  }
}

void main(workerData as WorkerStart);
