import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { basename, join } from 'node:path';
import { fileStamp } from '../../../shared/domain/time';
import { checkFile, damageOf, isDamage } from './integrity';

/**
 * The data file failed its start-up check and was moved, intact, to `movedTo`; or it is missing
 * (`movedTo` null) while backups lie beside it.
 */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly movedTo: string | null,
    readonly problem: string,
  ) {
    super(movedTo ? `数据文件已损坏（${problem}），已原样移至 ${movedTo}` : `数据文件无法使用（${problem}）`);
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
 * The start-up check: the file's header and schema through a read-only connection (which changes
 * nothing), and its WAL's origin; the full check follows in a worker once the backend serves
 * (features/backup/integrity-check.ts). A damaged file is never deleted and never opened for
 * writing: it and its WAL and shared-memory files move together, untouched, into
 * `<data>/damaged-<stamp>/`, and DamagedDatabaseError says so.
 */
export function setAsideIfDamaged(dataDir: string, file: string, now = new Date()): void {
  if (!existsSync(file)) return;
  const check = checkFile(file, 'header');
  const problem = check === 'ok' ? walMismatch(file) : check;
  if (problem === null) return;
  throw setAsideDamaged(dataDir, file, problem, now);
}

/**
 * A damaged page the header check cannot see, met by the start-up's own reads (migrations, the
 * audit check): moved aside like a file the check refused. Any other error is returned as it is.
 */
export function damagedBy(error: unknown, dataDir: string, file: string): unknown {
  return isDamage(error) ? setAsideDamaged(dataDir, file, damageOf(error)) : error;
}

/** Moves a damaged file aside (see above) and says so, for the start-up check and the full check after it. */
export function setAsideDamaged(
  dataDir: string,
  file: string,
  problem: string,
  now = new Date(),
): DamagedDatabaseError {
  return new DamagedDatabaseError(setAside(dataDir, file, now), problem);
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * A data file that is missing, or empty (0 bytes, nothing in its WAL), while backups lie beside it
 * is a loss to recover from, not a fresh install: opening it would make the first visitor the
 * administrator of an empty county, and daily backups of it would rotate the good ones out. It is
 * refused like a damaged one (the empty file moved aside), and the recovery page offers the newest
 * good backup. Without backups it is what it looks like, a first start.
 */
export function refuseIfLost(dataDir: string, file: string, backupsExist: boolean, now = new Date()): void {
  if (!backupsExist) return;
  if (!existsSync(file)) throw new DamagedDatabaseError(null, '数据文件不存在，可能已被删除或移走');
  if (sizeOf(file) === 0 && sizeOf(`${file}-wal`) === 0) {
    throw new DamagedDatabaseError(setAside(dataDir, file, now), '数据文件为空（0 字节）');
  }
}

/** Moves the file and its WAL and shared-memory files, untouched, into a new `<data>/damaged-<stamp>/`. */
function setAside(dataDir: string, file: string, now: Date): string {
  let movedTo = join(dataDir, `damaged-${fileStamp(now)}`);
  for (let n = 2; existsSync(movedTo); n += 1) movedTo = join(dataDir, `damaged-${fileStamp(now)}-${n}`);
  mkdirSync(movedTo);
  for (const suffix of COMPANIONS) {
    const part = `${file}${suffix}`;
    if (existsSync(part)) renameSync(part, join(movedTo, `${basename(file)}${suffix}`));
  }
  return movedTo;
}
