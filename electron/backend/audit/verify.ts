import type { AuditVerification } from '../../../shared/contract/audit';
import type { Sql } from '../db/sql';
import { GENESIS_HASH, hashRow, type AuditRow } from './chain';

/**
 * Walks the whole chain in order: each row must follow the previous one (seq + 1), name its hash
 * as prev_hash, and carry the HMAC of its own content. The first row that does not is named.
 */
export function verifyChain(sql: Sql, key: Buffer, now: Date): AuditVerification {
  const rows = sql.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const row of rows) {
    const { hash, ...content } = row;
    const problem =
      row.seq !== expectedSeq
        ? `第 ${expectedSeq} 条记录缺失（下一条是第 ${row.seq} 条）`
        : row.prev_hash !== prevHash
          ? `第 ${row.seq} 条记录与上一条的链接不符`
          : hashRow(key, content) !== hash
            ? `第 ${row.seq} 条记录的内容与其哈希不符，可能被篡改`
            : null;
    if (problem) {
      rows.return?.();
      return {
        ok: false,
        checkedRows: checked,
        firstBadSeq: row.seq !== expectedSeq ? expectedSeq : row.seq,
        message: `审计日志哈希链校验未通过：${problem}。请保全数据文件并报告安全管理员。`,
        verifiedAt: now.toISOString(),
      };
    }
    checked += 1;
    expectedSeq += 1;
    prevHash = hash;
  }
  return {
    ok: true,
    checkedRows: checked,
    firstBadSeq: null,
    message: `审计日志哈希链完整，共校验 ${checked} 条记录。`,
    verifiedAt: now.toISOString(),
  };
}
