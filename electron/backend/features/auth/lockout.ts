import { AppError } from '../../../../shared/errors';
import { minutesLater } from '../../../../shared/domain/time';
import type { HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { rolesOf, type UserRow } from '../../auth/accounts';
import { appendAudit } from '../../audit/writer';

/** The one answer to an unknown username and to a wrong password: nothing tells them apart. */
export const WRONG_CREDENTIALS = '用户名或密码错误，请重新输入。';

export const isLocked = (user: UserRow, now: Date): boolean =>
  !!user.locked_until && user.locked_until > now.toISOString();

/** Says how long is left rather than a clock time, which would depend on the server's time zone. */
export function lockedError(user: UserRow, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(user.locked_until!) - now.getTime()) / 60_000));
  return new AppError(
    'UNAUTHENTICATED',
    `该账号因连续登录失败已被锁定，请在 ${minutes} 分钟后重试，或请系统管理员重置密码解锁。`,
  );
}

/**
 * Counts a wrong password against the account; at the threshold the account locks for the
 * configured minutes (and the counter restarts). Each failure and the lockout are audited.
 * Returns whether the account is now locked.
 */
export function recordFailedPassword(ctx: HandlerContext, user: UserRow, action: string): boolean {
  const { lockoutThreshold, lockoutMinutes } = ctx.settings.security;
  const now = ctx.now();
  const attempts = user.failed_attempts + 1;
  const locks = attempts >= lockoutThreshold;
  const actor = { userId: user.id, username: user.username, roles: rolesOf(ctx.sql, user.id) };
  ctx.sql.transaction(() => {
    ctx.sql.run(
      qb
        .updateTable('users')
        .set({
          failed_attempts: locks ? 0 : attempts,
          locked_until: locks ? minutesLater(now, lockoutMinutes).toISOString() : user.locked_until,
        })
        .where('id', '=', user.id),
    );
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
  });
  return locks;
}

export function clearFailures(ctx: HandlerContext, user: UserRow): void {
  if (user.failed_attempts === 0 && !user.locked_until) return;
  ctx.sql.run(qb.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id));
}
