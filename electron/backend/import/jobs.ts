import type { ImportPreview } from '../../../shared/contract/imports';
import { PersonalCipher } from '../db/personal-cipher';
import { openSnapshot } from '../db/snapshot';
import type { Sql } from '../db/sql';
import { openWriter } from '../db/writer';
import { clockAt, contextInWorker, type CallerScope } from '../workers/context';
import { jobOf, type JobScope } from '../workers/job';
import { assertCommittable, writeImport } from './commit';
import { dryRun, parseFile, type ImportFile, type ImportKinds } from './dry-run';

/**
 * An import's work in a worker: the preview's dry run on a read connection, and the commit (its
 * own dry run of the same file, then the one transaction) on the worker's own write connection.
 * The workbook is never read on the thread that answers calls.
 */
export interface ImportJobInput extends ImportFile {
  /** The live database file. */
  file: string;
  scope: CallerScope;
}

export interface ImportCommitJobInput extends ImportJobInput {
  sha256: string;
  /** The audit key's bytes: the commit appends its rows to the chain (held in the worker's memory only). */
  auditKey: Uint8Array;
}

export const importDryRunJob = jobOf<ImportJobInput, ImportPreview>('import.dryRun');
export const importCommitJob = jobOf<ImportCommitJobInput, { id: string }>('import.commit');

function cipherOfScope(scope: JobScope): PersonalCipher {
  if (!scope.key) throw new Error('an import needs the personal data key');
  return new PersonalCipher(scope.key);
}

export async function previewInWorker(
  kinds: ImportKinds,
  input: ImportJobInput,
  job: JobScope,
): Promise<ImportPreview> {
  const parsed = await parseFile(input);
  const snapshot = openSnapshot(input.file, cipherOfScope(job));
  try {
    const { principal, settings, at } = input.scope;
    const ctx = contextInWorker({ sql: snapshot.sql, principal, settings, now: clockAt(at) });
    return dryRun(ctx, kinds[input.kind], input, parsed).preview;
  } finally {
    snapshot.close();
  }
}

/** Changes when another connection commits (the main one, another process). */
const dataVersion = (sql: Sql): unknown => sql.db.pragma('data_version', { simple: true });

/**
 * The commit: the file read outside the transaction; its rows checked against the database, then,
 * inside one `BEGIN IMMEDIATE`, checked again if another connection committed meanwhile, and
 * written with their audit rows. The chain stays one line across connections, as each row reads
 * the last under the write lock; the caller's thread moves `audit.head` once this has committed.
 */
export async function commitInWorker(
  kinds: ImportKinds,
  input: ImportCommitJobInput,
  job: JobScope,
): Promise<{ id: string }> {
  const parsed = await parseFile(input);
  const sql = openWriter(input.file, cipherOfScope(job));
  try {
    const { principal, settings, at, client } = input.scope;
    const ctx = contextInWorker({
      sql,
      principal,
      settings,
      now: clockAt(at),
      call: { client } as never,
      auditKey: Buffer.from(input.auditKey),
      // The head file is the caller's: it anchors the committed rows once the job is done.
      auditHead: { touch: () => {} } as never,
    });
    const kind = kinds[input.kind];
    const before = dataVersion(sql);
    let run = dryRun(ctx, kind, input, parsed);
    const id = sql.transaction(() => {
      if (dataVersion(sql) !== before) run = dryRun(ctx, kind, input, parsed);
      assertCommittable(run, input.sha256);
      return writeImport(ctx, kinds, input, run);
    });
    return { id };
  } finally {
    sql.db.close();
  }
}
