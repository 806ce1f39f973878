import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStatus } from '../../../../shared/contract/backup';

/**
 * The backup status lives in the backup folder, not in the database: a restore replaces the
 * database, and the record of backups and drills must outlive it.
 */
const STATUS_FILE = 'status.json';

const EMPTY: BackupStatus = {
  lastSuccessAt: null,
  lastFailure: null,
  secondaryWarning: null,
  lastDrill: null,
  lastSuccessfulDrillAt: null,
  lastIntegrityCheck: null,
};

export function readStatus(dir: string): BackupStatus {
  const file = join(dir, STATUS_FILE);
  if (!existsSync(file)) return { ...EMPTY };
  try {
    return { ...EMPTY, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<BackupStatus>) };
  } catch {
    return { ...EMPTY };
  }
}

/** Merges `change` into the status, written to a temp file and renamed into place. */
export function updateStatus(dir: string, change: Partial<BackupStatus>): BackupStatus {
  const next = { ...readStatus(dir), ...change };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, STATUS_FILE);
  writeFileSync(`${file}.partial`, JSON.stringify(next, null, 2));
  renameSync(`${file}.partial`, file);
  return next;
}
