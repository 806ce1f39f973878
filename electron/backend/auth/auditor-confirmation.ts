import { AppError } from '../../../shared/errors';
import {
  AUDITOR_CHANGE_LABELS,
  needsAuditorConfirmation,
  type AuditorGuardedChange,
} from '../../../shared/domain/auditor-confirmation';
import type { HandlerContext } from '../api/types';
import { countEnabledWithRole, findUserByUsername, rolesOf } from './accounts';
import { attemptRefusal, countFailedAttempt } from './lockout';
import { decoyHash, verifyPassword } from './password';
import { appendAudit } from '../audit/writer';

const CONFIRMATION_ACTION = 'users.auditorConfirm';

const refused = (what: string, message: string, path = 'auditorConfirmation.password') =>
  new AppError('FORBIDDEN', `${what}未获审计员确认：${message}`, [{ path, message }]);

/**
 * Checks an auditor's confirmation of a change that needs one, inside the administrator's call:
 * the username and password go through the login guard (one attempt at a time per username, every
 * failure counted against the account, the unknown name and the client), so they cannot be guessed
 * from this dialog any more than from the sign-in page. Refused without a confirmation, with a
 * wrong password, or from an account that is not an enabled auditor. Returns the note for the
 * change's audit row (who confirmed; empty when none was needed). Where no enabled auditor exists
 * (a log kept by an earlier version) nobody could confirm: the change passes and its row says so.
 */
export async function confirmByAuditor(
  ctx: HandlerContext,
  change: AuditorGuardedChange,
  confirmation: { username: string; password: string } | undefined,
): Promise<string> {
  if (!needsAuditorConfirmation(change)) return '';
  const what = AUDITOR_CHANGE_LABELS[change.kind];
  if (countEnabledWithRole(ctx.sql, 'auditor') === 0) return '尚无可用的审计员，未经审计员确认';
  if (!confirmation) {
    throw refused(what, '请审计员本人在对话框中输入其用户名和密码。', 'auditorConfirmation');
  }
  return ctx.loginGuard.serialise(confirmation.username, () => checkConfirmation(ctx, what, confirmation));
}

async function checkConfirmation(
  ctx: HandlerContext,
  what: string,
  { username, password }: { username: string; password: string },
): Promise<string> {
  const user = findUserByUsername(ctx.sql, username);
  const denied = (detail: string) =>
    appendAudit(ctx, { action: CONFIRMATION_ACTION, entity: 'user', entityId: user?.id, result: 'denied', detail });
  const refusal = attemptRefusal(ctx, user, username);
  if (refusal) {
    denied(`${what}：${refusal}`);
    throw refused(what, '审计员确认失败次数过多，请稍后再试。');
  }
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash(ctx.passwordHashCost)));
  if (!user || !matches) {
    const locks = countFailedAttempt(ctx, user, username, CONFIRMATION_ACTION);
    if (!user) denied(`${what}：用户名不存在`);
    throw refused(what, locks ? '审计员确认失败次数过多，请稍后再试。' : '审计员的用户名或密码错误。');
  }
  if (user.enabled !== 1 || !rolesOf(ctx.sql, user.id).includes('auditor')) {
    denied(`${what}：确认人不是可用的审计员`);
    throw refused(what, '确认人须是一名可用的审计员账号。');
  }
  return `经审计员 ${user.username} 确认`;
}
