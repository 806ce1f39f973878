import type { AuditVerification } from '../../../shared/contract/audit';
import type { Sql } from '../db/sql';
import { verifyAudit, type AuditCheckInput } from './check';
import { ANCHOR_ACTION, markAnchored } from './head-check';
import { tableHead, type HeadAnchor } from './head';
import { restoreAuditTriggers } from './triggers';
import { KEY_LOST_ACTION } from './verify';
import type { AuditEvent } from './writer';

export interface AuditStartContext extends AuditCheckInput {
  auditHead: HeadAnchor;
  auditStatus: { current: AuditVerification | null };
}

export interface AuditStartOptions {
  /** The key file was missing and a new key was made (`loadAuditKey`). */
  keyLost: boolean;
  /**
   * The database was just restored from a backup by the recovery of a damaged or lost file: rows
   * after the backup stayed with the moved-aside file, so a head ahead of the table is recorded,
   * not reported as tampering.
   */
  afterRecovery: boolean;
}

const REPORT = '请保全数据文件并报告安全管理员。';

/**
 * Re-creates missing or altered append-only triggers; the repair is passed to `record` and
 * answered with the alarm to show, or null.
 */
export function repairTriggers(sql: Sql, record: (event: AuditEvent) => void): string | null {
  const repaired = restoreAuditTriggers(sql);
  if (repaired.length === 0) return null;
  const what = repaired.join('、');
  record({ action: 'audit.triggers', entity: 'audit_log', result: 'failure', detail: `${what}，已重新创建` });
  return `审计日志的防篡改触发器被删除或改动（${what}），已重新创建。${REPORT}`;
}

/**
 * The audit log's start-up: re-creates missing or altered append-only triggers, verifies the
 * chain and the anchored head (before writing anything, so the rows it names are the table's
 * own), then records what it found (each alarm is itself an audit row), sets the status the
 * auditor sees, and anchors the head.
 */
export function startAudit(
  services: AuditStartContext,
  record: (event: AuditEvent) => void,
  { keyLost, afterRecovery }: AuditStartOptions,
): void {
  // Rows are recorded only after the verification, so the rows it names are the table's own.
  const deferred: AuditEvent[] = [];
  const triggerAlarm = repairTriggers(services.sql, (event) => deferred.push(event));
  const { verification, chain, head } = verifyAudit(services, keyLost);
  const rowsBefore = tableHead(services.sql).seq;
  const alarms: string[] = [];
  if (keyLost) {
    record({
      action: KEY_LOST_ACTION,
      entity: 'audit_log',
      result: 'failure',
      detail: `审计密钥文件 audit.key 缺失，已生成新密钥：第 1 至 ${rowsBefore} 条只能校验顺序和链接，不能校验内容`,
    });
    alarms.push(
      `审计密钥缺失：数据文件夹中的 audit.key 不见了，已生成新密钥并从第 ${rowsBefore + 1} 条起使用，` +
        `此前的 ${rowsBefore} 条只能校验顺序和链接。${REPORT}`,
    );
  }
  deferred.forEach(record);
  if (triggerAlarm) alarms.push(triggerAlarm);
  let status = verification;
  if (afterRecovery && chain.ok && head.problem) {
    record({ action: 'audit.recoveryGap', entity: 'audit_log', detail: `从备份恢复：${head.problem}` });
    status = {
      ...chain,
      message: `${chain.message}从备份恢复数据文件后，${head.problem}；这些记录留在移走的原数据文件中。`,
    };
  } else if (!verification.ok) {
    record({ action: 'audit.startupVerify', entity: 'audit_log', result: 'failure', detail: verification.message });
    console.error(verification.message);
  }
  if (head.firstAnchoring) {
    markAnchored(services.sql, services.now());
    // A log kept by an earlier version: its anchoring is a row the auditor sees (a fresh install has none yet).
    if (rowsBefore > 0) {
      record({ action: ANCHOR_ACTION, entity: 'audit_log', detail: `审计日志链头首次锚定于第 ${rowsBefore} 条` });
    }
  }
  services.auditStatus.current = alarms.length
    ? { ...status, ok: false, message: [...alarms, status.message].join('') }
    : status;
  // Re-anchored after the alarms are recorded: the next check judges the rows from here on.
  services.auditHead.reanchor();
}
