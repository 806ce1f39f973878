import { AppError } from '../../../shared/errors';
import { minutesLater } from '../../../shared/domain/time';
import type { HandlerContext } from '../api/types';
import { qb } from '../db/sql';
import { rolesOf, type UserRow } from './accounts';
import { appendAudit } from '../audit/writer';

/** The one answer to an unknown username and to a wrong password: nothing tells them apart. */
export const WRONG_CREDENTIALS = '用户名或密码错误，请重新输入。';

export const isLocked = (user: UserRow, now: Date): boolean =>
  !!user.locked_until && user.locked_until > now.toISOString();

/**
 * The one answer to a locked account, to a username without an account that failed as often, and
 * to a client that failed too often: it says neither whether the account exists nor that it locked.
 */
export const TOO_MANY_ATTEMPTS = '登录失败次数过多，请稍后再试。';
export const tooManyAttempts = (): AppError => new AppError('UNAUTHENTICATED', TOO_MANY_ATTEMPTS);

/**
 * Counts a wrong password against the account; at the threshold the account locks for the
 * configured minutes (and the counter restarts). Each failure and the lockout are audited.
 * Returns whether the account is now locked.
 */
export function recordFailedPassword(ctx: HandlerContext, user: UserRow, action: string): boolean {
  const { lockoutThreshold, lockoutMinutes } = ctx.settings.security;
  const now = ctx.now();
  const actor = { userId: user.id, username: user.username, roles: rolesOf(ctx.sql, user.id) };
  return ctx.sql.transaction(() => {
    // Counted in the row itself, not from the row read before the password check: another process
    // (a second window, web mode) may have counted failures meanwhile.
    const { failed_attempts: attempts } = ctx.sql
      .prepare('UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts')
      .get(user.id) as { failed_attempts: number };
    const locks = attempts >= lockoutThreshold;
    if (locks) {
      ctx.sql.run(
        qb
          .updateTable('users')
          .set({ failed_attempts: 0, locked_until: minutesLater(now, lockoutMinutes).toISOString() })
          .where('id', '=', user.id),
      );
    }
    appendAudit(ctx, { action, entity: 'user', entityId: user.id, result: 'failure', detail: '密码错误' }, actor);
    if (locks) {
      appendAudit(
        ctx,
        {
          action: 'auth.lockout',
          entity: 'user',
          entityId: user.id,
          result: 'success',
          detail: `连续 ${lockoutThreshold} 次密码错误，锁定 ${lockoutMinutes} 分钟`,
        },
        actor,
      );
    }
    return locks;
  });
}

export function clearFailures(ctx: HandlerContext, user: UserRow): void {
  if (user.failed_attempts === 0 && !user.locked_until) return;
  ctx.sql.run(qb.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id));
}

/**
 * Why an attempt with `username`'s password is refused before it is checked (this client failed
 * too often, the account is locked, or a username without an account "locked" as often), or null.
 * The same for signing in and for an auditor's confirmation.
 */
export function attemptRefusal(ctx: HandlerContext, user: UserRow | undefined, username: string): string | null {
  if (ctx.loginGuard.clientRefused(ctx.call.client, ctx.now())) return '该客户端登录失败次数过多';
  const locked = user ? isLocked(user, ctx.now()) : ctx.loginGuard.unknownRefused(username, ctx.now());
  return locked ? '账号锁定期间尝试登录' : null;
}

/**
 * Counts a wrong password (or a username without an account) against the client, and against the
 * account or the unknown name; true when that now locks.
 */
export function countFailedAttempt(
  ctx: HandlerContext,
  user: UserRow | undefined,
  username: string,
  action: string,
): boolean {
  const { lockoutThreshold, lockoutMinutes } = ctx.settings.security;
  ctx.loginGuard.clientFailed(ctx.call.client, ctx.now(), lockoutMinutes);
  return user
    ? recordFailedPassword(ctx, user, action)
    : ctx.loginGuard.unknownFailed(username, ctx.now(), lockoutThreshold, lockoutMinutes);
}
