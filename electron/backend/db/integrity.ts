import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, type Db } from './connection';

/** `quick`: structure only, fast enough for every start-up; `full`: also every index against its table. */
export type CheckKind = 'quick' | 'full';

/** Runs PRAGMA quick_check / integrity_check on an open connection: 'ok', or what is wrong. */
export function checkConnection(db: Db, kind: CheckKind): string {
  const pragma = kind === 'quick' ? 'quick_check' : 'integrity_check';
  const rows = db.pragma(`${pragma}(20)`) as Array<Record<string, string>>;
  const lines = rows.map((row) => Object.values(row)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('；');
}

/** SQLite's answers that mean the file itself is damaged (not busy, not missing, not forbidden). */
const isDamage = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && /^SQLITE_(?:CORRUPT|NOTADB)/.test((error as { code?: unknown }).code as string);

/**
 * Checks a database file through a read-only connection, which never checkpoints a WAL into the
 * file or deletes it: the file is left exactly as it was, whatever the answer. A file SQLite cannot
 * read as a database (bad header, damaged pages) answers with what is wrong; any other error
 * (busy, no permission) is thrown, as it says nothing about the file's health.
 */
export function checkFile(file: string, kind: CheckKind): string {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    return checkConnection(db, kind);
  } catch (error) {
    if (!isDamage(error)) throw error;
    return error.code.startsWith('SQLITE_NOTADB')
      ? '文件头已损坏，不是有效的数据库文件'
      : `数据库内容已损坏（${error.message}）`;
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
