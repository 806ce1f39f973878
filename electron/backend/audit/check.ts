import type { AuditVerification } from '../../../shared/contract/audit';
import type { Sql } from '../db/sql';
import { checkHead, type HeadCheck } from './head-check';
import { verifyChain } from './verify';

export interface AuditCheckInput {
  sql: Sql;
  auditKey: Buffer;
  dataDir: string;
  now: () => Date;
}

/**
 * The whole check of the log: the chain row by row, then the table against its head anchored
 * outside it (rows cut from the end, a missing or forged head file). `head` is for the start-up,
 * which anchors a log that never had a head.
 */
export function verifyAudit(
  { sql, auditKey, dataDir, now }: AuditCheckInput,
  keyLost = false,
): { verification: AuditVerification; chain: AuditVerification; head: HeadCheck } {
  const chain = verifyChain(sql, auditKey, now(), keyLost);
  const head = checkHead(sql, auditKey, dataDir, keyLost);
  if (!chain.ok || !head.problem) return { verification: chain, chain, head };
  return {
    chain,
    verification: {
      ok: false,
      checkedRows: chain.checkedRows,
      firstBadSeq: head.firstBadSeq,
      message: `审计日志校验未通过：${head.problem}。请保全数据文件并报告安全管理员。`,
      verifiedAt: chain.verifiedAt,
    },
    head,
  };
}
