import { z } from 'zod';
import { defineMethod, noInput, pageFields, type Page } from './define';

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  seq: number;
  /** ISO 8601 with the local offset. */
  at: string;
  userId: string | null;
  username: string | null;
  roles: string;
  /** `desktop` or the web client's address. */
  client: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  result: AuditResult;
  /** Names of the changed fields; values are never recorded. */
  fields: string[];
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  checkedRows: number;
  /** The first row whose hash or link does not match; null when the chain holds. */
  firstBadSeq: number | null;
  message: string;
  verifiedAt: string;
}

export interface ExportFile {
  fileName: string;
  /** The file's bytes, base64. */
  base64: string;
  rows: number;
}

const isoDateTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（含时区）' });

export const auditFilterFields = {
  username: z.string().trim().max(32).optional(),
  action: z.string().trim().max(60).optional(),
  entity: z.string().trim().max(40).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
};

export const auditListInput = z.object({ ...auditFilterFields, ...pageFields }).strict();
export const auditExportInput = z.object(auditFilterFields).strict();

export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditContract = {
  'audit.list': defineMethod<Page<AuditEntry>>()({
    input: auditListInput,
    access: 'audit.read',
    summary: '按用户、操作、对象、结果和时间查询审计日志（查询本身也记入日志）',
  }),
  'audit.verify': defineMethod<AuditVerification>()({
    input: noInput,
    access: 'audit.read',
    summary: '校验审计日志哈希链，指出第一条被篡改的记录',
  }),
  'audit.status': defineMethod<AuditVerification | null>()({
    input: noInput,
    access: 'audit.read',
    summary: '最近一次（含启动时）哈希链校验的结果',
  }),
  'audit.export': defineMethod<ExportFile>()({
    input: auditExportInput,
    access: 'audit.read',
    summary: `按当前筛选导出审计日志为 Excel（最多 ${AUDIT_EXPORT_MAX_ROWS} 行）`,
  }),
};
