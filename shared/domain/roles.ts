/**
 * Roles and what each may do. Every contract method declares the access it needs (a permission,
 * or `session` for any signed-in user, or `public`); the backend checks it on every call.
 */
/** The roles an account can be given. */
export const ROLES = ['duty_officer', 'leader', 'sysadmin', 'auditor'] as const;

/**
 * The wall display's own sessions (the desktop's board window, the board on the LAN): they read
 * the board and nothing else. No account holds it, so it is not among ROLES.
 */
export const DISPLAY_ROLE = 'board_display';

export type AccountRole = (typeof ROLES)[number];
export type Role = AccountRole | typeof DISPLAY_ROLE;

export const ROLE_LABELS: Record<Role, string> = {
  duty_officer: '值班员',
  leader: '带班领导',
  sysadmin: '系统管理员',
  auditor: '审计员',
  board_display: '态势大屏显示',
};

export const PERMISSIONS = [
  'reference.read',
  'reference.manage',
  'board.read',
  'boundaries.import',
  'duty.write',
  'demo.load',
  'users.manage',
  'settings.manage',
  'system.backup',
  'audit.read',
  'personal.reveal',
  'petitions.read',
  'petitions.write',
  'petitions.closeOut',
  'petitions.supervise',
  'risks.read',
  'risks.write',
  'risks.closeOut',
  'disputes.read',
  'disputes.write',
  'disputes.closeOut',
  'reports.read',
  'reports.write',
  'records.void',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'reference.read': '查看基础数据',
  'reference.manage': '维护基础数据（本县、行政区划、承办单位、人员、字典）',
  'board.read': '查看态势大屏',
  'boundaries.import': '导入乡镇边界（须有审图号和来源单位）',
  'duty.write': '编排值班表（带班领导、值班员）',
  'demo.load': '载入演示数据',
  'users.manage': '管理账号',
  'settings.manage': '修改系统设置',
  'system.backup': '备份与恢复数据（立即备份、恢复、恢复演练）',
  'audit.read': '查看审计日志',
  'personal.reveal': '查看个人信息原文',
  'petitions.read': '查看信访积案',
  'petitions.write': '登记和办理信访积案（登记、修改、分类、交办、转办、进展、化解、延期）',
  'petitions.closeOut': '审批信访积案销号',
  'petitions.supervise': '督办信访积案（约谈、通报、挂牌督办）',
  'risks.read': '查看风险台账（风险隐患、稳评）',
  'risks.write': '登记和办理风险台账（登记、修改、研判、调整等级、化解措施）',
  'risks.closeOut': '审批风险隐患销号',
  'disputes.read': '查看矛盾纠纷',
  'disputes.write': '受理和办理矛盾纠纷（受理、分流、调处、结果、回访、上交下交、更正）',
  'disputes.closeOut': '审批矛盾纠纷销号',
  'reports.read': '查看日报、周点评和月通报',
  'reports.write': '编制和保存日报、周点评和月通报',
  'records.void': '作废和恢复误录的台账记录（信访积案、风险隐患、稳评、矛盾纠纷）',
};

/**
 * Separation of duties (等保2.0): the administrator keeps accounts and settings but cannot read the
 * audit log; the auditor reads the audit log but changes nothing.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  duty_officer: [
    'reference.read',
    'board.read',
    'duty.write',
    'personal.reveal',
    'petitions.read',
    'petitions.write',
    'petitions.supervise',
    'risks.read',
    'risks.write',
    'disputes.read',
    'disputes.write',
    'reports.read',
    'reports.write',
  ],
  // The leader approves close-outs but does not run the cases: who works a case does not sign it off.
  leader: [
    'reference.read',
    'board.read',
    'personal.reveal',
    'petitions.read',
    'petitions.closeOut',
    'petitions.supervise',
    'risks.read',
    'risks.closeOut',
    'disputes.read',
    'disputes.closeOut',
    'reports.read',
    'records.void',
  ],
  sysadmin: [
    'reference.read',
    'reference.manage',
    'board.read',
    'boundaries.import',
    'duty.write',
    'demo.load',
    'users.manage',
    'settings.manage',
    'system.backup',
  ],
  auditor: ['reference.read', 'audit.read'],
  board_display: ['board.read'],
};

/** Roles no single account may hold together. */
export const EXCLUSIVE_ROLES: ReadonlyArray<readonly [Role, Role]> = [['sysadmin', 'auditor']];

/** Access a method needs: `public` (no session), `session` (any signed-in user) or one permission. */
export type Access = 'public' | 'session' | Permission;

export const permissionsOf = (roles: readonly Role[]): Set<Permission> =>
  new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));

export const hasAccess = (roles: readonly Role[], access: Access): boolean =>
  access === 'public' || access === 'session' || permissionsOf(roles).has(access);

/** Permissions that speak for the whole county (日报, 周点评, 月通报): never a township-bound account's. */
export const COUNTY_WIDE_PERMISSIONS: readonly Permission[] = ['reports.write'];

/** `hasAccess` for an account bound to a township (`regionCode`) or county-wide (null). */
export const hasAccessIn = (roles: readonly Role[], regionCode: string | null, access: Access): boolean =>
  hasAccess(roles, access) && (regionCode === null || !(COUNTY_WIDE_PERMISSIONS as readonly string[]).includes(access));

/** The first pair of roles that may not be combined, or null. */
export function conflictingRoles(roles: readonly Role[]): readonly [Role, Role] | null {
  return EXCLUSIVE_ROLES.find(([a, b]) => roles.includes(a) && roles.includes(b)) ?? null;
}
