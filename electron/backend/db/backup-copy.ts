import Database from 'better-sqlite3';
import { jobOf, type JobBody } from '../workers/job';
import { copyChecked, type CheckedCopy } from './backup';
import { BUSY_TIMEOUT_MS } from './connection';

/**
 * A backup's copy, check and counts in a worker: the worker reads the live file through its own
 * read-only connection (WAL lets it read while the main connection writes), so the seconds a large
 * file's integrity check takes hold up no call.
 */
export const backupCopyJob = jobOf<{ file: string; temp: string }, CheckedCopy>('backup.copy');

export const copyBackup: JobBody<typeof backupCopyJob> = async ({ file, temp }) => {
  const source = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return await copyChecked(source, temp);
  } finally {
    source.close();
  }
};
