import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Sql } from '../db/sql';
import { GENESIS_HASH, type AuditRow } from './chain';
import { INSERT_ROW } from './writer';

const LAST_ROW = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';

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
    last = (copy.prepare(LAST_ROW).get() as typeof last | undefined) ?? { seq: 0, hash: GENESIS_HASH };
  } finally {
    copy.close();
  }
  if (last.seq > 0) {
    const live = sql.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(last.seq) as { hash: string } | undefined;
    if (live?.hash !== last.hash) {
      throw new AppError(
        'CONFLICT',
        `该备份的审计日志与当前审计日志不衔接（第 ${last.seq} 条不同），恢复它会丢失当前的审计记录，已拒绝恢复，数据未改动。` +
          '请联系审计员核对后再处理。',
      );
    }
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
