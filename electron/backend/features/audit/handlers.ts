import { AUDIT_EXPORT_MAX_ROWS, type AuditEntry } from '../../../../shared/contract/audit';
import { ROLE_LABELS, type Role } from '../../../../shared/domain/roles';
import { countyDateTime, countyFileStamp } from '../../../../shared/domain/time';
import type { HandlerMap } from '../../api/types';
import { findCentreName } from '../../db/county';
import { buildXlsx, type XlsxColumn } from '../../export/xlsx';
import { describeFilter } from '../../ledger/exports/export';
import { exportRows, listAudit } from './repo';
import { verifyAudit } from '../../audit/check';
import { repairTriggers } from '../../audit/startup';
import { appendAudit, type AuditEvent } from '../../audit/writer';

const RESULT_LABELS = { success: '成功', failure: '失败', denied: '拒绝' } as const;

const roleNames = (roles: string) =>
  roles
    .split(',')
    .filter(Boolean)
    .map((role) => ROLE_LABELS[role as Role] ?? role)
    .join('、');

const EXPORT_COLUMNS: XlsxColumn<AuditEntry>[] = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '时间', width: 17, kind: 'time', value: (e) => e.at },
  { header: '用户', width: 14, value: (e) => e.username },
  { header: '角色', width: 16, value: (e) => roleNames(e.roles) },
  { header: '客户端', width: 16, value: (e) => e.client },
  { header: '操作', width: 22, value: (e) => e.action },
  { header: '对象', width: 12, value: (e) => e.entity },
  { header: '对象编号', width: 38, value: (e) => e.entityId },
  { header: '结果', width: 8, value: (e) => RESULT_LABELS[e.result] },
  { header: '变更字段', width: 24, value: (e) => e.fields.join('、') },
  { header: '说明', width: 40, value: (e) => e.detail },
];

const FILTER_LABELS = {
  username: '用户',
  action: '操作',
  entity: '对象',
  result: '结果',
  from: '时间起',
  to: '时间止',
};

/** The filter in words for the file's heading; times on the county's clock. */
const filterOf = (filter: Record<string, unknown>) =>
  describeFilter(filter, FILTER_LABELS, { result: RESULT_LABELS }, (key, value) =>
    key === 'from' || key === 'to' ? countyDateTime(new Date(value)) : undefined,
  );

export const auditHandlers = {
  'audit.list': ({ page, pageSize, ...filter }, ctx) => {
    // Opening the audit log is itself an audited event.
    appendAudit(ctx, { action: 'audit.list', entity: 'audit_log', detail: `第 ${page} 页` });
    return listAudit(ctx.sql, filter, page, pageSize);
  },
  'audit.verify': (_input, ctx) => {
    ctx.auditHead.flush();
    const repairs: AuditEvent[] = [];
    const triggerAlarm = repairTriggers(ctx.sql, (event) => repairs.push(event));
    const checked = verifyAudit(ctx).verification;
    const verification = triggerAlarm ? { ...checked, ok: false, message: triggerAlarm + checked.message } : checked;
    ctx.auditStatus.current = verification;
    for (const event of repairs) appendAudit(ctx, event);
    appendAudit(ctx, {
      action: 'audit.verify',
      entity: 'audit_log',
      result: verification.ok ? 'success' : 'failure',
      detail: verification.ok ? `校验 ${verification.checkedRows} 条` : verification.message,
    });
    return verification;
  },
  'audit.status': (_input, ctx) => ctx.auditStatus.current,
  'audit.export': async (filter, ctx) => {
    const rows = exportRows(ctx.sql, filter, AUDIT_EXPORT_MAX_ROWS);
    const bytes = await buildXlsx('审计日志', EXPORT_COLUMNS, rows, {
      title: `${findCentreName(ctx.sql, ctx.settings.work)}审计日志`,
      description: `筛选条件：${filterOf(filter)}\u3000导出时间：${countyDateTime(ctx.now())}`,
    });
    appendAudit(ctx, { action: 'audit.export', entity: 'audit_log', detail: `导出 ${rows.length} 行` });
    return {
      fileName: `审计日志_${countyFileStamp(ctx.now())}.xlsx`,
      base64: bytes.toString('base64'),
      rows: rows.length,
    };
  },
} satisfies HandlerMap<'audit.list' | 'audit.verify' | 'audit.status' | 'audit.export'>;
