/**
 * A job a worker thread runs (workers/runner.ts): its name, by which the worker's entry finds its
 * body. Input and output cross the thread by structured clone: plain data, no functions.
 */
export interface JobScope {
  /** Reports progress to the caller (rows written, pages checked). */
  progress(done: number): void;
  /** The personal data key's bytes, when the caller passed them (never written to disk). */
  key: Buffer | null;
}

/** A job as its callers name it: its name, typed by what goes in and comes out. */
export interface Job<Input, Output> {
  name: JobName;
  /** Never set: carries the types. */
  types?: { input: Input; output: Output };
}

/** What a worker runs for a job (entry.ts loads it by the job's name). */
export type JobBody<J> =
  J extends Job<infer Input, infer Output> ? (input: Input, scope: JobScope) => Output | Promise<Output> : never;

/** Every job a worker can run; the worker's entry (entry.ts) loads each one's module by this name. */
export const JOB_NAMES = [
  'backup.copy',
  'backup.drill',
  'db.integrity',
  'ledger.export',
  'import.dryRun',
  'import.commit',
  'report.docx',
  'xlsx.sheet',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const jobOf = <Input, Output>(name: JobName): Job<Input, Output> => ({ name });

/** What a worker posts to its caller. */
export type WorkerMessage =
  { type: 'progress'; done: number } | { type: 'done'; output: unknown } | { type: 'failed'; error: FailedJob };

/** A job's error as it crosses the thread: an AppError's envelope, or another error's message and SQLite code. */
export type FailedJob =
  { kind: 'app'; body: import('../../../shared/errors').ErrorBody } | { kind: 'error'; message: string; code?: string };

/** What the caller hands a worker at its start. */
export interface WorkerStart {
  name: JobName;
  input: unknown;
  key: Uint8Array | null;
}
