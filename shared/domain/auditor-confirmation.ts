import type { Role } from './roles';

/**
 * Separation of duties (等保2.0 三员分立): the administrator cannot make or take over an auditor,
 * nor take the audit key away, alone. These changes need an auditor, at the same workstation, to confirm them with
 * their own username and password (checked by the backend in the same call); the screens ask for
 * it on the same rule.
 */
export type AuditorGuardedChange =
  | { kind: 'create'; roles: readonly Role[] }
  | { kind: 'update'; before: readonly Role[]; after: readonly Role[] }
  | { kind: 'resetPassword'; roles: readonly Role[] }
  | { kind: 'setEnabled'; roles: readonly Role[]; enabled: boolean }
  // The key backup carries the audit key, with which the log could be rewritten unseen.
  | { kind: 'exportKeys' };

export function needsAuditorConfirmation(change: AuditorGuardedChange): boolean {
  switch (change.kind) {
    case 'create':
      return change.roles.includes('auditor');
    case 'update':
      return change.before.includes('auditor') !== change.after.includes('auditor');
    case 'resetPassword':
      return change.roles.includes('auditor');
    case 'setEnabled':
      return !change.enabled && change.roles.includes('auditor');
    case 'exportKeys':
      return true;
  }
}

/** What the confirming auditor is asked to confirm, in the dialog and in refusals. */
export const AUDITOR_CHANGE_LABELS: Record<AuditorGuardedChange['kind'], string> = {
  create: '开通审计员账号',
  update: '授予或取消审计员角色',
  resetPassword: '重置审计员的密码',
  setEnabled: '停用审计员账号',
  exportKeys: '导出密钥备份',
};
