import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileStamp } from '../../../shared/domain/time';
import type { Db } from './connection';

/**
 * Copies the live database with SQLite's online backup API (never a file copy, which can catch a
 * half-written page), into a temp file first and renamed into place only when complete.
 * Returns the backup's path.
 */
export async function backupDatabase(db: Db, dir: string, label: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `zongzhi-${fileStamp(now)}-${label}.db`);
  const temp = `${target}.partial`;
  try {
    await db.backup(temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return target;
}
