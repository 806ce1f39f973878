import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
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

/**
 * Idle workers of this process, kept for the next job: a worker's first job pays for loading its
 * modules (exceljs alone takes a second), later ones do not. Unreferenced while idle, so they never
 * keep the process alive; a few at most.
 */
const idle: Worker[] = [];
const MAX_IDLE = 2;
/** Each idle worker's exit listener, taken off when it is reused (or every reuse would add one). */
const dropWhenIdle = new Map<Worker, () => void>();

function acquire(): Worker {
  const kept = idle.pop();
  if (kept) {
    kept.off('exit', dropWhenIdle.get(kept)!);
    dropWhenIdle.delete(kept);
    kept.ref();
    return kept;
  }
  const { file, execArgv } = entryOf();
  return new Worker(file, { execArgv });
}

function release(worker: Worker): void {
  if (idle.length >= MAX_IDLE) return void worker.terminate();
  // A worker that dies while idle is simply dropped.
  const drop = () => {
    idle.splice(idle.indexOf(worker) >>> 0, 1);
    dropWhenIdle.delete(worker);
  };
  dropWhenIdle.set(worker, drop);
  worker.once('exit', drop);
  worker.unref();
  idle.push(worker);
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
  /** Called with each progress report; throwing stops the job and rejects with that error. */
  onProgress?: (done: number) => void;
  /** The personal data key, for a job that reads sealed values: copied into the worker's memory only. */
  key?: Buffer;
  /** The job writes to the database on its own connection (an import's commit): see `writesDone`. */
  writes?: boolean;
  /** Objects in the input moved to the worker rather than copied (a MessagePort linking two jobs). */
  transfer?: TransferListItem[];
  /** Aborting stops the job's worker and rejects with the signal's reason (a linked job failed). */
  signal?: AbortSignal;
}

/**
 * One backend's jobs in worker threads: each job runs in a worker with its own SQLite
 * connections, so a backup's check or an export's reads never hold up the thread that answers
 * calls. A job's AppError comes back as the same AppError (the same Chinese message); a finished
 * worker waits idle for the next job; `stopAll` terminates the workers running this backend's jobs
 * when it closes.
 */
export class Workers {
  private readonly running = new Set<Worker>();
  private readonly writing = new Set<Promise<unknown>>();

  /**
   * Settles once no job writes any more, or null when none does. A write on the calls' thread would
   * wait for the job's transaction in SQLite's busy handler, which blocks the thread (every other
   * call with it): dispatch awaits this first, so the write waits without holding anyone up.
   */
  writesDone(): Promise<void> | null {
    if (this.writing.size === 0) return null;
    return Promise.allSettled([...this.writing]).then(() => this.writesDone() ?? undefined);
  }

  run<Input, Output>(job: Job<Input, Output>, input: Input, options: RunOptions = {}): Promise<Output> {
    const done = this.start(job, input, options);
    if (!options.writes) return done;
    this.writing.add(done);
    const forget = () => void this.writing.delete(done);
    done.then(forget, forget);
    return done;
  }

  private start<Input, Output>(job: Job<Input, Output>, input: Input, options: RunOptions): Promise<Output> {
    const worker = acquire();
    this.running.add(worker);
    return new Promise<Output>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, reuse: boolean) => {
        if (settled) return;
        settled = true;
        this.running.delete(worker);
        options.signal?.removeEventListener('abort', onAbort);
        // Only this job's listeners: the worker's own (which start and stop its port) stay.
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reuse) release(worker);
        else void worker.terminate();
        outcome();
      };
      const onMessage = (message: WorkerMessage) => {
        try {
          if (message.type === 'progress') return options.onProgress?.(message.done);
        } catch (error) {
          // The caller gave up on the job (its progress handler threw: a cancelled export).
          return settle(() => reject(error), false);
        }
        const { type } = message;
        settle(() => (type === 'done' ? resolve(message.output as Output) : reject(errorOf(message.error))), true);
      };
      const onError = (error: Error) => settle(() => reject(error), false);
      const onExit = () => settle(() => reject(new AppError('INTERNAL', STOPPED)), false);
      const onAbort = () => settle(() => reject(options.signal!.reason ?? new AppError('INTERNAL', STOPPED)), false);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const start: WorkerStart = { name: job.name, input, key: options.key ? new Uint8Array(options.key) : null };
      worker.postMessage(start, options.transfer);
    });
  }

  /** Terminates the workers running this backend's jobs (it is closing); each job's caller is told it stopped. */
  stopAll(): void {
    for (const worker of this.running) void worker.terminate();
  }
}
