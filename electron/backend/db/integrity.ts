import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, type Db } from './connection';

/**
 * `header`: the file's header and its schema, which every start-up can afford (3.6 ms on an 886 MB
 * file); `full`: PRAGMA integrity_check, every page and every index against its table. Even
 * quick_check reads the whole file: on that file, from the page cache of a busy 2-core machine, it
 * took 2.7 s and integrity_check 47 s (quick_check on a cold 1.22 GB file kept the first page
 * 14.2 s away). So only the header is checked before serving; the full check runs in a worker
 * afterwards (features/backup/integrity-check.ts).
 */
export type CheckKind = 'header' | 'full';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What is wrong with the file's 100-byte header (its magic, its page size against the file's size), or null. */
function headerProblem(file: string): string | null {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return null; // an empty file is a new database
  if (read < 100 || !header.subarray(0, 16).equals(MAGIC)) return '文件头已损坏，不是有效的数据库文件';
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `文件头已损坏（页大小 ${raw} 无效）`;
  if (statSync(file).size % pageSize !== 0) return '数据文件长度与页大小不符，文件可能被截断';
  return null;
}

/** Runs PRAGMA integrity_check on an open connection: 'ok', or what is wrong. */
export function checkConnection(db: Db): string {
  const rows = db.pragma('integrity_check(20)') as Array<Record<string, string>>;
  const lines = rows.map((row) => Object.values(row)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('；');
}

/** SQLite's answers that mean the file itself is damaged (not busy, not missing, not forbidden). */
export const isDamage = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && /^SQLITE_(?:CORRUPT|NOTADB)/.test((error as { code?: unknown }).code as string);

/** What a damage error says about the file. */
export const damageOf = (error: Error & { code: string }): string =>
  error.code.startsWith('SQLITE_NOTADB')
    ? '文件头已损坏，不是有效的数据库文件'
    : `数据库内容已损坏（${error.message}）`;

/**
 * Checks a database file through a read-only connection, which never checkpoints a WAL into the
 * file or deletes it: the file is left exactly as it was, whatever the answer. A file SQLite cannot
 * read as a database (bad header, damaged pages) answers with what is wrong; any other error
 * (busy, no permission) is thrown, as it says nothing about the file's health.
 */
export function checkFile(file: string, kind: CheckKind): string {
  let db: Db | undefined;
  try {
    if (kind === 'header') {
      const problem = headerProblem(file);
      if (problem) return problem;
    }
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    if (kind === 'full') return checkConnection(db);
    // Reading the schema parses page 1 and the schema's pages: a file SQLite cannot open fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return 'ok';
  } catch (error) {
    if (!isDamage(error)) throw error;
    return damageOf(error);
  } finally {
    db?.close();
  }
}

/** Rows per table of an open database, leaving out SQLite's own tables and full-text index tables. */
export function countRows(db: Db): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema s WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL%'
         AND (s.name = v.name OR s.name LIKE v.name || '\\_%' ESCAPE '\\'))
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      db
        .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}
