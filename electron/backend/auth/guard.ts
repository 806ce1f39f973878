import type { MethodName } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { hasAccess, PERMISSION_LABELS, type Access } from '../../../shared/domain/roles';
import type { CallContext, Services } from '../api/types';
import { appendAudit } from '../audit/writer';
import { isDisplay } from './display';
import type { Principal, Session } from './sessions';

/** Unused for longer than the setting allows (a wall display never is: nobody is there to unlock it). */
export const idleTooLong = (services: Pick<Services, 'now' | 'settings'>, session: Session): boolean =>
  !isDisplay(session.principal) &&
  services.now().getTime() - session.lastSeen > services.settings.security.idleMinutes * 60_000;

/**
 * Locks a session idle for longer than the setting allows (audited); returns whether it is locked.
 * A wall display never locks: nobody is there to unlock it, and it reads only the board.
 */
export function lockIfIdle(services: Services, call: CallContext, session: Session): boolean {
  if (session.locked) return true;
  if (!idleTooLong(services, session)) return false;
  session.locked = true;
  appendAudit(
    { ...services, call, principal: session.principal },
    { action: 'auth.expire', entity: 'user', entityId: session.principal.userId, detail: '空闲超时，会话锁定' },
  );
  return true;
}

/** What a user who must change their password may still do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<MethodName> = new Set([
  'auth.me',
  'auth.changePassword',
  'auth.logout',
]);

/**
 * Who is calling, checked against what the method needs: the session from the transport's jar
 * (never a claim of the renderer), idle expiry (the session locks), a pending password change,
 * then the permission. Returns the principal; null for a public method called without a session.
 */
export function authorize(services: Services, call: CallContext, method: MethodName, access: Access): Principal | null {
  const now = services.now();
  const session = services.sessions.find(call.jar.get(), now);
  if (access === 'public') return session && !session.locked ? session.principal : null;
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录。');
  if (lockIfIdle(services, call, session)) {
    throw new AppError('UNAUTHENTICATED', '因长时间未操作，屏幕已锁定，请输入密码解锁。', undefined, 'SESSION_EXPIRED');
  }
  session.lastSeen = now.getTime();
  if (session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
    throw new AppError('FORBIDDEN', '请先修改密码后再继续操作。', undefined, 'PASSWORD_CHANGE_REQUIRED');
  }
  if (!hasAccess(session.principal.roles, access)) {
    appendAudit(
      { ...services, call, principal: session.principal },
      { action: method, result: 'denied', detail: `缺少权限：${access}` },
    );
    const label = access === 'session' ? '' : `“${PERMISSION_LABELS[access]}”`;
    throw new AppError('FORBIDDEN', `您的角色没有${label}权限，如需办理请联系系统管理员。`);
  }
  return session.principal;
}
