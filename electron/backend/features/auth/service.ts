import { v7 as uuidv7 } from 'uuid';
import type { Me } from '../../../../shared/contract/auth';
import { AppError } from '../../../../shared/errors';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import { PASSWORD_HISTORY_DEPTH } from '../../../../shared/domain/security-settings';
import type { HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { appendAudit, audited } from '../../audit/writer';
import {
  addPasswordHistory,
  countUsers,
  findUserByUsername,
  findUserRow,
  insertAccount,
  recentPasswordHashes,
  type UserRow,
} from '../../auth/accounts';
import {
  attemptRefusal,
  clearFailures,
  countFailedAttempt,
  isLocked,
  recordFailedPassword,
  tooManyAttempts,
  WRONG_CREDENTIALS,
} from '../../auth/lockout';
import { assertStrongPassword, hashPassword, verifyPassword, decoyHash } from '../../auth/password';
import { meOf, passwordExpired, principalFromRow } from '../../auth/principal';
import type { Session } from '../../auth/sessions';

/** Replaces whatever session this client held with a new one for `user`. */
function startSession(ctx: HandlerContext, user: UserRow): Me {
  ctx.sessions.remove(ctx.call.jar.get());
  const principal = principalFromRow(ctx.sql, user);
  const expired = passwordExpired(user, ctx.settings.security.passwordExpiryDays, ctx.now());
  ctx.call.jar.set(
    ctx.sessions.create(
      principal,
      { mustChangePassword: user.must_change_password === 1 || expired, passwordExpired: expired },
      ctx.now(),
    ),
  );
  return meOf(ctx, ctx.sessions.find(ctx.call.jar.get(), ctx.now())!);
}

interface SetupAccount {
  username: string;
  displayName: string;
  password: string;
}

/**
 * First run only: creates the first system administrator and the first auditor together (no
 * default password ships; each typed their own), so separation of duties holds from the start,
 * and signs the administrator in. Both accounts and their creation are audited.
 */
export async function setup(ctx: HandlerContext, input: SetupAccount & { auditor: SetupAccount }): Promise<Me> {
  assertStrongPassword(input.password, input.username, 'password');
  assertStrongPassword(input.auditor.password, input.auditor.username, 'auditor.password');
  const accounts = [
    {
      ...input,
      id: uuidv7(),
      role: 'sysadmin' as const,
      hash: await hashPassword(input.password, ctx.passwordHashCost),
    },
    {
      ...input.auditor,
      id: uuidv7(),
      role: 'auditor' as const,
      hash: await hashPassword(input.auditor.password, ctx.passwordHashCost),
    },
  ];
  ctx.sql.transaction(() => {
    // Checked inside the write transaction, so two first runs cannot both create an administrator.
    if (countUsers(ctx.sql) > 0) throw new AppError('CONFLICT', '系统已完成初始化，请使用已有账号登录。');
    for (const account of accounts) {
      insertAccount(ctx.sql, {
        id: account.id,
        username: account.username,
        displayName: account.displayName,
        unitId: null,
        regionCode: null,
        phone: null,
        passwordHash: account.hash,
        mustChangePassword: false,
        roles: [account.role],
        now: ctx.now(),
      });
      appendAudit(
        ctx,
        {
          action: 'auth.setup',
          entity: 'user',
          entityId: account.id,
          fields: ['username', 'displayName', 'roles', 'password'],
          detail: `首次运行创建${ROLE_LABELS[account.role]}`,
        },
        { userId: account.id, username: account.username, roles: [account.role] },
      );
    }
  });
  return startSession(ctx, findUserRow(ctx.sql, accounts[0]!.id)!);
}

/**
 * Signs in. Attempts for one username run one at a time (the login guard), so simultaneous guesses
 * are counted one by one; a username without an account fails and "locks" exactly as one with an
 * account does, and a client that fails too often must wait whatever username it tries.
 */
export function login(ctx: HandlerContext, input: { username: string; password: string }): Promise<Me> {
  return ctx.loginGuard.serialise(input.username, () => attemptLogin(ctx, input));
}

async function attemptLogin(ctx: HandlerContext, input: { username: string; password: string }): Promise<Me> {
  const user = findUserByUsername(ctx.sql, input.username);
  const actor = user
    ? { userId: user.id, username: user.username, roles: [] }
    : { userId: null, username: input.username.slice(0, 32), roles: [] };
  const refusedBy = attemptRefusal(ctx, user, input.username);
  if (refusedBy) {
    appendAudit(
      ctx,
      { action: 'auth.login', entity: 'user', entityId: user?.id, result: 'denied', detail: refusedBy },
      actor,
    );
    throw tooManyAttempts();
  }
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash(ctx.passwordHashCost)));
  if (!user || !matches) {
    const locks = countFailedAttempt(ctx, user, input.username, 'auth.login');
    if (!user) {
      appendAudit(ctx, { action: 'auth.login', entity: 'user', result: 'failure', detail: '用户名不存在' }, actor);
    }
    throw locks ? tooManyAttempts() : new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  if (user.enabled !== 1) {
    appendAudit(
      ctx,
      { action: 'auth.login', entity: 'user', entityId: user.id, result: 'denied', detail: '账号已停用' },
      actor,
    );
    throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系系统管理员。');
  }
  ctx.sql.transaction(() => {
    clearFailures(ctx, user);
    const principal = principalFromRow(ctx.sql, user);
    appendAudit(ctx, { action: 'auth.login', entity: 'user', entityId: user.id }, principal);
  });
  return startSession(ctx, user);
}

/** Unlocks this client's session (locked after idling, or still active) with its user's password. */
export function unlock(ctx: HandlerContext, password: string): Promise<Me> {
  const session = ctx.sessions.find(ctx.call.jar.get(), ctx.now());
  if (!session) throw new AppError('UNAUTHENTICATED', '会话已结束，请重新登录。');
  return ctx.loginGuard.serialise(session.principal.username, () => attemptUnlock(ctx, session, password));
}

async function attemptUnlock(ctx: HandlerContext, session: Session, password: string): Promise<Me> {
  const user = findUserRow(ctx.sql, session.principal.userId);
  if (!user || user.enabled !== 1 || isLocked(user, ctx.now())) {
    ctx.sessions.remove(ctx.call.jar.get());
    ctx.call.jar.set(null);
    throw user && isLocked(user, ctx.now())
      ? tooManyAttempts()
      : new AppError('UNAUTHENTICATED', '账号不可用，请重新登录。');
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    if (recordFailedPassword(ctx, user, 'auth.unlock')) {
      ctx.sessions.remove(ctx.call.jar.get());
      ctx.call.jar.set(null);
      throw tooManyAttempts();
    }
    throw new AppError(
      'UNAUTHENTICATED',
      '密码错误，请重新输入。',
      [{ path: 'password', message: '密码错误' }],
      'SESSION_EXPIRED',
    );
  }
  ctx.sql.transaction(() => {
    clearFailures(ctx, user);
    appendAudit(ctx, { action: 'auth.unlock', entity: 'user', entityId: user.id }, session.principal);
  });
  session.locked = false;
  session.lastSeen = ctx.now().getTime();
  return meOf(ctx, session);
}

export function logout(ctx: HandlerContext): null {
  const session = ctx.sessions.find(ctx.call.jar.get(), ctx.now());
  if (session) {
    appendAudit(ctx, { action: 'auth.logout', entity: 'user', entityId: session.principal.userId }, session.principal);
  }
  ctx.sessions.remove(ctx.call.jar.get());
  ctx.call.jar.set(null);
  return null;
}

export async function changePassword(
  ctx: HandlerContext,
  input: { currentPassword: string; newPassword: string },
): Promise<Me> {
  const session = ctx.sessions.find(ctx.call.jar.get(), ctx.now())!;
  const user = findUserRow(ctx.sql, session.principal.userId)!;
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    if (recordFailedPassword(ctx, user, 'auth.changePassword')) {
      ctx.sessions.removeUser(user.id);
      ctx.call.jar.set(null);
      throw tooManyAttempts();
    }
    throw new AppError('VALIDATION', '当前密码不正确，请重新输入。', [
      { path: 'currentPassword', message: '当前密码不正确' },
    ]);
  }
  assertStrongPassword(input.newPassword, user.username, 'newPassword');
  for (const old of recentPasswordHashes(ctx.sql, user.id, PASSWORD_HISTORY_DEPTH)) {
    if (await verifyPassword(input.newPassword, old)) {
      throw new AppError('VALIDATION', `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同。`, [
        { path: 'newPassword', message: `不能与最近 ${PASSWORD_HISTORY_DEPTH} 次的密码相同` },
      ]);
    }
  }
  const hash = await hashPassword(input.newPassword, ctx.passwordHashCost);
  const now = ctx.now();
  audited(ctx, { action: 'auth.changePassword', entity: 'user', entityId: user.id, fields: ['password'] }, () => {
    ctx.sql.run(
      qb
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: now.toISOString(),
          must_change_password: 0,
          failed_attempts: 0,
          locked_until: null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', user.id),
    );
    addPasswordHistory(ctx.sql, user.id, hash, now);
  });
  // Anyone else signed in as this user (another window, a stolen cookie) is signed out.
  ctx.sessions.removeUser(user.id, ctx.call.jar.get());
  session.mustChangePassword = false;
  session.passwordExpired = false;
  return meOf(ctx, session);
}
