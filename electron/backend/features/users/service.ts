import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { UserAccount, usersCreateInput, usersUpdateInput } from '../../../../shared/contract/users';
import { AppError } from '../../../../shared/errors';
import { conflictingRoles, ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/roles';
import { inScope } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { assertStrongPassword, hashPassword } from '../../auth/password';
import {
  addPasswordHistory,
  findUserByUsername,
  findUserRow,
  insertAccount,
  rolesOf,
  setRoles,
  type UserRow,
} from '../../auth/accounts';
import { confirmByAuditor } from '../../auth/auditor-confirmation';
import { findAccount } from './repo';
import { countEnabledWithRole } from '../../auth/accounts';

type CreateInput = z.output<typeof usersCreateInput>;
type UpdateInput = z.output<typeof usersUpdateInput>;
type AccountFields = Omit<UpdateInput, 'id'>;

function assertRoles(roles: readonly Role[]): void {
  const conflict = conflictingRoles(roles);
  if (conflict) {
    const [a, b] = conflict.map((role) => ROLE_LABELS[role]);
    throw new AppError('VALIDATION', `${a}与${b}须由不同的人担任，同一账号不能兼任。`, [
      { path: 'roles', message: `${a}与${b}不能兼任` },
    ]);
  }
}

/** The unit must exist and the region must be a township inside the administrator's own scope. */
function assertReferences(ctx: HandlerContext, fields: AccountFields): void {
  if (fields.unitId && !ctx.sql.get(qb.selectFrom('units').select('id').where('id', '=', fields.unitId))) {
    throw new AppError('VALIDATION', '所选单位不存在，请重新选择。', [{ path: 'unitId', message: '单位不存在' }]);
  }
  if (
    fields.regionCode &&
    !ctx.sql.get(
      qb.selectFrom('regions').select('code').where('code', '=', fields.regionCode).where('level', '=', 'township'),
    )
  ) {
    throw new AppError('VALIDATION', '所选辖区不是本县的乡镇/街道，请重新选择。', [
      { path: 'regionCode', message: '辖区不存在' },
    ]);
  }
  const scope = principalOf(ctx).regionCode;
  if (scope && fields.regionCode !== scope) {
    throw new AppError('FORBIDDEN', '您只能管理本辖区的账号，辖区须为您所在的乡镇/街道。', [
      { path: 'regionCode', message: '超出您的辖区' },
    ]);
  }
}

/** A user outside the administrator's township is reported as not found. */
function userInScope(ctx: HandlerContext, id: string): UserRow {
  const user = findUserRow(ctx.sql, id);
  if (!user || !inScope(principalOf(ctx).regionCode, user.region_code)) {
    throw new AppError('NOT_FOUND', '未找到该账号，可能不在您的辖区内，请刷新后重试。');
  }
  return user;
}

/** Keeps at least one enabled system administrator, or nobody could manage accounts any more. */
function assertKeepsAnAdministrator(ctx: HandlerContext, userId: string, stillAdmin: boolean): void {
  if (
    !stillAdmin &&
    rolesOf(ctx.sql, userId).includes('sysadmin') &&
    countEnabledWithRole(ctx.sql, 'sysadmin', userId) === 0
  ) {
    throw new AppError(
      'CONFLICT',
      '这是最后一个可用的系统管理员账号，不能停用或去掉其管理员角色。请先为另一人开通系统管理员。',
    );
  }
}

const account = (ctx: HandlerContext, id: string): UserAccount => findAccount(ctx.sql, id, ctx.now())!;

export async function createUser(ctx: HandlerContext, input: CreateInput): Promise<UserAccount> {
  assertRoles(input.roles);
  assertReferences(ctx, input);
  assertStrongPassword(input.password, input.username, 'password');
  if (findUserByUsername(ctx.sql, input.username)) {
    throw new AppError('CONFLICT', `用户名“${input.username}”已被使用，请换一个。`, [
      { path: 'username', message: '用户名已被使用' },
    ]);
  }
  const confirmed = await confirmByAuditor(ctx, { kind: 'create', roles: input.roles }, input.auditorConfirmation);
  const hash = await hashPassword(input.password, ctx.passwordHashCost);
  const id = uuidv7();
  const now = ctx.now();
  const fields = [
    'username',
    'displayName',
    'unitId',
    'regionCode',
    'roles',
    'password',
    ...(input.phone ? ['phone'] : []),
  ];
  audited(ctx, { action: 'users.create', entity: 'user', entityId: id, fields, detail: confirmed }, () =>
    insertAccount(ctx.sql, {
      id,
      username: input.username,
      displayName: input.displayName,
      unitId: input.unitId,
      regionCode: input.regionCode,
      phone: input.phone,
      passwordHash: hash,
      mustChangePassword: true,
      roles: input.roles,
      now,
    }),
  );
  return account(ctx, id);
}

export async function updateUser(ctx: HandlerContext, input: UpdateInput): Promise<UserAccount> {
  const user = userInScope(ctx, input.id);
  assertRoles(input.roles);
  assertReferences(ctx, input);
  assertKeepsAnAdministrator(ctx, user.id, input.roles.includes('sysadmin'));
  const oldRoles = rolesOf(ctx.sql, user.id);
  const confirmed = await confirmByAuditor(
    ctx,
    { kind: 'update', before: oldRoles, after: input.roles },
    input.auditorConfirmation,
  );
  const phone = input.phone === undefined ? user.phone : input.phone;
  const changed = [
    input.displayName !== user.display_name && 'displayName',
    input.unitId !== user.unit_id && 'unitId',
    input.regionCode !== user.region_code && 'regionCode',
    phone !== user.phone && 'phone',
    oldRoles.join() !== ROLES.filter((role) => input.roles.includes(role)).join() && 'roles',
  ].filter((field): field is string => !!field);
  audited(
    ctx,
    { action: 'users.update', entity: 'user', entityId: user.id, fields: changed, detail: confirmed },
    () => {
      ctx.sql.run(
        qb
          .updateTable('users')
          .set({
            display_name: input.displayName,
            unit_id: input.unitId,
            region_code: input.regionCode,
            phone,
            updated_at: ctx.now().toISOString(),
          })
          .where('id', '=', user.id),
      );
      setRoles(ctx.sql, user.id, input.roles);
    },
  );
  // Roles and scope are read at sign-in: changes take effect at the user's next login.
  if (changed.some((field) => field === 'roles' || field === 'regionCode')) ctx.sessions.removeUser(user.id);
  return account(ctx, user.id);
}

export async function setEnabled(
  ctx: HandlerContext,
  id: string,
  enabled: boolean,
  confirmation?: { username: string; password: string },
): Promise<UserAccount> {
  const user = userInScope(ctx, id);
  if (!enabled && user.id === principalOf(ctx).userId) {
    throw new AppError('CONFLICT', '不能停用自己正在使用的账号。');
  }
  if (!enabled) assertKeepsAnAdministrator(ctx, user.id, false);
  const roles = rolesOf(ctx.sql, user.id);
  const confirmed = await confirmByAuditor(ctx, { kind: 'setEnabled', roles, enabled }, confirmation);
  audited(
    ctx,
    {
      action: enabled ? 'users.enable' : 'users.disable',
      entity: 'user',
      entityId: user.id,
      fields: ['enabled'],
      detail: confirmed,
    },
    () =>
      ctx.sql.run(
        qb
          .updateTable('users')
          .set({ enabled: enabled ? 1 : 0, updated_at: ctx.now().toISOString() })
          .where('id', '=', user.id),
      ),
  );
  if (!enabled) ctx.sessions.removeUser(user.id);
  return account(ctx, user.id);
}

export async function resetPassword(
  ctx: HandlerContext,
  id: string,
  password: string,
  confirmation?: { username: string; password: string },
): Promise<UserAccount> {
  const user = userInScope(ctx, id);
  assertStrongPassword(password, user.username, 'password');
  const roles = rolesOf(ctx.sql, user.id);
  const confirmed = await confirmByAuditor(ctx, { kind: 'resetPassword', roles }, confirmation);
  const hash = await hashPassword(password, ctx.passwordHashCost);
  const now = ctx.now();
  audited(
    ctx,
    {
      action: 'users.resetPassword',
      entity: 'user',
      entityId: user.id,
      fields: ['password', 'lockedUntil'],
      detail: confirmed,
    },
    () => {
      ctx.sql.run(
        qb
          .updateTable('users')
          .set({
            password_hash: hash,
            password_changed_at: now.toISOString(),
            must_change_password: 1,
            failed_attempts: 0,
            locked_until: null,
            updated_at: now.toISOString(),
          })
          .where('id', '=', user.id),
      );
      addPasswordHistory(ctx.sql, user.id, hash, now);
    },
  );
  ctx.sessions.removeUser(user.id);
  return account(ctx, user.id);
}

export function getUser(ctx: HandlerContext, id: string): UserAccount {
  return account(ctx, userInScope(ctx, id).id);
}
