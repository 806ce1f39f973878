import type { Sql } from '../db/sql';

/** The append-only triggers of `audit_log`, as migration 0002 created them. */
const EXPECTED: Record<string, string> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, '审计日志只能追加，不能修改');
      END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, '审计日志只能追加，不能删除');
      END`,
};

const normalised = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Compares the audit log's triggers in sqlite_master with the expected text and re-creates any
 * that is missing or altered. Returns what was wrong (「缺失」/「被改动」 per trigger), empty when
 * both stood as expected; the caller records it as tampering.
 */
export function restoreAuditTriggers(sql: Sql): string[] {
  const stored = new Map(
    (
      sql.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as {
        name: string;
        sql: string;
      }[]
    ).map((row) => [row.name, row.sql]),
  );
  const problems: string[] = [];
  sql.transaction(() => {
    for (const [name, text] of Object.entries(EXPECTED)) {
      const found = stored.get(name);
      if (found !== undefined && normalised(found) === normalised(text)) continue;
      problems.push(`触发器 ${name} ${found === undefined ? '缺失' : '被改动'}`);
      sql.db.exec(`DROP TRIGGER IF EXISTS ${name}`);
      sql.db.exec(text);
    }
  });
  return problems;
}
