import type { AuditVerification } from '../../../shared/contract/audit';
import type { Sql } from '../db/sql';
import { GENESIS_HASH, hashRow, type AuditRow } from './chain';

/** The row the start-up writes, with the new key, when the key file was lost: the chain's content is checked from it on. */
export const KEY_LOST_ACTION = 'audit.keyLost';

/** The newest key-loss row that the current key signed: rows before it were hashed with a lost key. */
function keySegmentStart(sql: Sql, key: Buffer): number {
  const markers = sql.db
    .prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq DESC')
    .all(KEY_LOST_ACTION) as AuditRow[];
  const signed = markers.find(({ hash, ...content }) => hashRow(key, content) === hash);
  return signed?.seq ?? 1;
}

/**
 * Walks the whole chain in order: each row must follow the previous one (seq + 1), name its hash
 * as prev_hash, and carry the HMAC of its own content. Rows written before a key loss can only be
 * checked for order and links (their key is gone, or `keyLost`: gone at this start); the message
 * says so. The first row that does
 * not hold is named.
 */
export function verifyChain(sql: Sql, key: Buffer, now: Date, keyLost = false): AuditVerification {
  // With the key just lost (its row not yet written) no row can be checked for content.
  const contentFrom = keyLost ? Infinity : keySegmentStart(sql, key);
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
          : row.seq >= contentFrom && hashRow(key, content) !== hash
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
  const lostUntil = Math.min(checked, contentFrom - 1);
  const lostPart =
    lostUntil > 0 ? `其中第 1 至 ${lostUntil} 条写于审计密钥丢失之前，只能校验顺序和链接，不能校验内容。` : '';
  return {
    ok: true,
    checkedRows: checked,
    firstBadSeq: null,
    message: `审计日志哈希链完整，共校验 ${checked} 条记录。${lostPart}`,
    verifiedAt: now.toISOString(),
  };
}
