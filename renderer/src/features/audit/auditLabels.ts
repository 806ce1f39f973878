import type { AuditResult } from '@shared/contract/audit';
import { ROLE_LABELS, ROLES, type Role } from '@shared/domain/roles';
import { formatDateTime } from '@/utils/datetime';

export const AUDIT_RESULT_LABELS: Record<AuditResult, { label: string; type: 'success' | 'warning' | 'danger' }> = {
  success: { label: '成功', type: 'success' },
  failure: { label: '失败', type: 'warning' },
  denied: { label: '拒绝', type: 'danger' },
};

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The roles recorded with an entry (codes), in Chinese; anything unknown is shown as recorded. */
export const roleNames = (recorded: string) =>
  recorded
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map((code) => (isRole(code) ? ROLE_LABELS[code] : code))
    .join('、');

/** `2026-11-22 09:05:03` in this machine's time, the zone the time filter uses too; unreadable as recorded. */
export function formatAuditTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : formatDateTime(date, true);
}
