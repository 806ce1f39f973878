import { v7 as uuidv7 } from 'uuid';
import type { ExportFile } from '../../../shared/contract/audit';
import type { ExportProgress, ExportState } from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import type { AuditEvent } from '../audit/writer';

/** How long a finished job waits to be fetched before it is dropped. */
export const EXPORT_JOB_TTL_MS = 10 * 60_000;

/** What a running job sees: `progress` reports rows written, and throws once the job is cancelled. */
export interface JobHandle {
  progress(done: number): void;
}

interface Job {
  ownerId: string;
  status: ExportProgress;
  /** Recorded when the file is handed over: the moment the data leaves. */
  audit: AuditEvent;
  file: ExportFile | null;
  cancelled: boolean;
  /** Set when the job finishes; it is dropped a TTL after. */
  finishedAt: number | null;
}

const FAILED = '导出失败，未生成文件。请稍后重试；如仍出现请联系管理员。';
const GONE = '未找到该导出任务，可能已过期或已下载，请重新导出。';

/**
 * Export jobs of one backend, in memory. A job belongs to the user who started it (another user
 * is told it does not exist); a user's new job cancels their unfinished one, so an abandoned
 * dialog leaves nothing running; a finished job is dropped once fetched or after the TTL.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => Date) {}

  /** Starts `run` in the background; it reports progress through the handle and returns the file. */
  start(
    ownerId: string,
    total: number,
    audit: AuditEvent,
    run: (handle: JobHandle) => Promise<ExportFile>,
  ): ExportProgress {
    this.sweep();
    for (const job of this.jobs.values()) if (job.ownerId === ownerId && !job.finishedAt) job.cancelled = true;
    const id = uuidv7();
    const job: Job = {
      ownerId,
      status: { jobId: id, state: 'running', done: 0, total, message: '' },
      audit,
      file: null,
      cancelled: false,
      finishedAt: null,
    };
    this.jobs.set(id, job);
    const settle = (state: ExportState, message: string, file: ExportFile | null) => {
      // A cancelled job is forgotten, whatever it ended with.
      if (job.cancelled) return void this.jobs.delete(id);
      Object.assign(job.status, { state, message }, file ? { done: total } : {});
      job.file = file;
      job.finishedAt = this.now().getTime();
    };
    const handle: JobHandle = {
      progress: (done) => {
        if (job.cancelled) throw new Error('export cancelled');
        job.status.done = done;
      },
    };
    run(handle).then(
      (file) => settle('done', '', file),
      (error: unknown) => {
        const known = error instanceof AppError;
        if (!known && !job.cancelled) console.error('[export] 导出任务失败', error);
        settle('failed', known ? error.message : FAILED, null);
      },
    );
    return { ...job.status };
  }

  status(ownerId: string, jobId: string): ExportProgress {
    return { ...this.find(ownerId, jobId).status };
  }

  /** Hands over a finished job's file and its audit event, and forgets the job. */
  take(ownerId: string, jobId: string): { file: ExportFile; audit: AuditEvent } {
    const job = this.find(ownerId, jobId);
    const { state, done, total, message } = job.status;
    if (state === 'running') throw new AppError('CONFLICT', `导出尚未完成（已写入 ${done} / ${total} 行），请稍候。`);
    this.jobs.delete(jobId);
    if (state === 'failed' || !job.file) throw new AppError('INTERNAL', message || FAILED);
    return { file: job.file, audit: job.audit };
  }

  /** Cancels every job (the backend is closing). */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.cancelled = true;
  }

  private find(ownerId: string, jobId: string): Job {
    this.sweep();
    const job = this.jobs.get(jobId);
    if (!job || job.ownerId !== ownerId) throw new AppError('NOT_FOUND', GONE);
    return job;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [id, job] of this.jobs)
      if (job.finishedAt && now - job.finishedAt > EXPORT_JOB_TTL_MS) this.jobs.delete(id);
  }
}
