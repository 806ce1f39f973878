import { jobOf, type JobBody } from '../workers/job';
import { checkFile } from './integrity';

/**
 * The full PRAGMA integrity_check of a database file in a worker, through a read-only connection:
 * 'ok' or what is wrong. On a large file it reads every page and index for seconds; the caller's
 * thread keeps answering meanwhile.
 */
export const integrityJob = jobOf<{ file: string }, string>('db.integrity');

export const checkFileInWorker: JobBody<typeof integrityJob> = ({ file }) => checkFile(file, 'full');
