import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { Sql } from '../db/sql';
import type { AuditRow } from './chain';
import { holdsHead, tableHead } from './head';
import { INSERT_ROW } from './writer';

/**
 * The live log's rows written after a backup's last audit row, to carry into the database
 * restored from it, so a restore never discards audit rows. The backup's chain must be the start
 * of the live one (its last row identical here): then the carried rows chain on from it unchanged.
 * A backup whose chain went another way (another installation's, or a log rewritten since) is
 * refused, as restoring it would drop the live rows.
 */
export function auditRowsAfter(sql: Sql, backupFile: string): AuditRow[] {
  const copy = new Database(backupFile, { readonly: true, fileMustExist: true });
  let last: { seq: number; hash: string };
  try {
    last = tableHead(new Sql(copy));
  } finally {
    copy.close();
  }
  if (!holdsHead(sql, last)) {
    throw new AppError(
      'CONFLICT',
      `该备份的审计日志与当前审计日志不衔接（第 ${last.seq} 条不同），恢复它会丢失当前的审计记录，已拒绝恢复，数据未改动。` +
        '请联系审计员核对后再处理。',
    );
  }
  return sql.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(last.seq) as AuditRow[];
}

/** Appends carried rows verbatim (their own seq, hashes and links) in one transaction. */
export function appendCarried(sql: Sql, rows: readonly AuditRow[]): void {
  sql.transaction(() => {
    const insert = sql.prepare(INSERT_ROW);
    for (const row of rows) insert.run(row);
  });
}
