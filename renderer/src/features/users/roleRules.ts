import type { z } from 'zod';
import { conflictingRoles, EXCLUSIVE_ROLES, ROLE_LABELS, type Role } from '@shared/domain/roles';

/** “系统管理员与审计员不能由同一账号兼任”, for every pair of roles that exclude each other. */
export const EXCLUSIVE_ROLES_NOTE = EXCLUSIVE_ROLES.map(([a, b]) => `${ROLE_LABELS[a]}与${ROLE_LABELS[b]}`).join('、');

const conflictMessage = ([a, b]: readonly [Role, Role]) =>
  `${ROLE_LABELS[a]}与${ROLE_LABELS[b]}不能由同一账号兼任（三员分立），请只保留其中一个`;

/** Roles that cannot be ticked now because a role they exclude is already ticked. */
export function blockedRoles(selected: readonly Role[]): Set<Role> {
  const blocked = new Set<Role>();
  for (const [a, b] of EXCLUSIVE_ROLES) {
    if (selected.includes(a) && !selected.includes(b)) blocked.add(b);
    if (selected.includes(b) && !selected.includes(a)) blocked.add(a);
  }
  return blocked;
}

/** A form schema's check that no two exclusive roles are chosen together (the backend refuses it too). */
export function exclusiveRolesRule(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const roles = Array.isArray(value.roles) ? (value.roles as Role[]) : [];
  const pair = conflictingRoles(roles);
  if (pair) ctx.addIssue({ code: 'custom', path: ['roles'], message: conflictMessage(pair) });
}
