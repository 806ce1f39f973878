import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { FailedJob, Job, WorkerMessage, WorkerStart } from './job';

/**
 * The worker's entry: beside this module's source in tests and web mode (tsx's loader is given to
 * the worker, which does not inherit it under vitest), or the built `worker.js` of out/main, where
 * electron-vite puts the host and its chunks' entry (electron.vite.config.ts).
 */
function entryOf(): { file: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
    return { file: new URL('./entry.ts', here), execArgv: ['--import', tsx] };
  }
  const built = /\/chunks\/[^/]+$/.test(here) ? '../worker.js' : './worker.js';
  return { file: new URL(built, here), execArgv: [] };
}

const STOPPED = '后台任务已中止（程序正在关闭或任务被取消），未生成结果。';

function errorOf(failed: FailedJob): Error {
  if (failed.kind === 'app') {
    const { code, message, details, reason } = failed.body;
    return new AppError(code, message, details, reason);
  }
  // SQLite's code travels with the message, so dispatch still tells a full disk (DISK_FULL) apart.
  return Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {});
}

export interface RunOptions {
  onProgress?: (done: number) => void;
  /** The personal data key, for a job that reads or writes sealed values: copied into the worker's memory only. */
  key?: Buffer;
}

/**
 * The backend's worker threads: each job runs in a worker of its own with its own SQLite
 * connections, so a backup's check or an export's reads never hold up the thread that answers
 * calls. A job's AppError comes back as the same AppError (the same Chinese message); `stopAll`
 * terminates every running worker when the backend closes.
 */
export class Workers {
  private readonly running = new Set<Worker>();

  run<Input, Output>(job: Job<Input, Output>, input: Input, options: RunOptions = {}): Promise<Output> {
    const { file, execArgv } = entryOf();
    const start: WorkerStart = { name: job.name, input, key: options.key ? new Uint8Array(options.key) : null };
    const worker = new Worker(file, { workerData: start, execArgv });
    this.running.add(worker);
    return new Promise<Output>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(worker);
        outcome();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') return options.onProgress?.(message.done);
        settle(() => (message.type === 'done' ? resolve(message.output as Output) : reject(errorOf(message.error))));
        void worker.terminate();
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', () => settle(() => reject(new AppError('INTERNAL', STOPPED))));
    });
  }

  /** Terminates every running job (the backend is closing); each one's caller is told it stopped. */
  stopAll(): void {
    for (const worker of this.running) void worker.terminate();
  }
}
