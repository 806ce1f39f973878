import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { basename, join } from 'node:path';
import { fileStamp } from '../../../shared/domain/time';
import { checkFile } from './integrity';

/** The data file failed its start-up check and was moved, intact, to `movedTo`. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly movedTo: string,
    readonly problem: string,
  ) {
    super(`数据文件已损坏（${problem}），已原样移至 ${movedTo}`);
    this.name = 'DamagedDatabaseError';
  }
}

/** The application id in the file's own header (bytes 68–71), read past any WAL. */
function headerId(file: string): number {
  const buffer = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, buffer, 0, 4, 68) === 4 ? buffer.readUInt32BE(0) : 0;
  } finally {
    closeSync(fd);
  }
}

/**
 * Each database carries a random id in its header (set at first open). Read through the WAL it must
 * be the file's own: another id means the WAL belongs to another database (a copied file beside an
 * old WAL), which SQLite itself would apply without complaint.
 */
function walMismatch(file: string): string | null {
  const own = headerId(file);
  if (own === 0 || !existsSync(`${file}-wal`)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const seen = db.pragma('application_id', { simple: true }) as number;
    return seen === own ? null : '预写日志（WAL）文件与数据文件不匹配，来自另一个数据库';
  } finally {
    db.close();
  }
}

const COMPANIONS = ['', '-wal', '-shm'] as const;

/**
 * The start-up check: PRAGMA quick_check through a read-only connection (which changes nothing).
 * A damaged file is never deleted and never opened for writing: it and its WAL and shared-memory
 * files move together, untouched, into `<data>/damaged-<stamp>/`, and DamagedDatabaseError says so.
 */
export function setAsideIfDamaged(dataDir: string, file: string, now = new Date()): void {
  if (!existsSync(file)) return;
  const check = checkFile(file, 'quick');
  const problem = check === 'ok' ? walMismatch(file) : check;
  if (problem === null) return;
  let movedTo = join(dataDir, `damaged-${fileStamp(now)}`);
  for (let n = 2; existsSync(movedTo); n += 1) movedTo = join(dataDir, `damaged-${fileStamp(now)}-${n}`);
  mkdirSync(movedTo);
  for (const suffix of COMPANIONS) {
    const part = `${file}${suffix}`;
    if (existsSync(part)) renameSync(part, join(movedTo, `${basename(file)}${suffix}`));
  }
  throw new DamagedDatabaseError(movedTo, problem);
}
