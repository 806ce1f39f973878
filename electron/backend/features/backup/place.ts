import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';

/**
 * Puts a checked backup in place of a closed database file: copied to a temp file beside it, flushed
 * to disk, then renamed over it (atomic on one volume), so the file is always either the old one or
 * the whole backup. Leftover WAL and shared-memory files of the old file are removed first.
 */
export function placeBackup(source: string, dbFile: string): void {
  const temp = `${dbFile}.restoring`;
  try {
    copyFileSync(source, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
    renameSync(temp, dbFile);
  } finally {
    if (existsSync(temp)) rmSync(temp, { force: true });
  }
}
