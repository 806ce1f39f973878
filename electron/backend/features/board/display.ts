import { DISPLAY_PRINCIPAL } from '../../auth/display';
import type { HandlerContext } from '../../api/types';
import { appendAudit } from '../../audit/writer';

/**
 * Turns the calling client into a wall display: its reply carries a new display session (board.read
 * only, never locked) in place of the caller's. A client-mode workstation's main asks it with a
 * signed-in window's session and keeps the new one for its board window (态势大屏), the window's own
 * session untouched. Audited under the caller.
 */
export function openDisplay(ctx: HandlerContext): null {
  const token = ctx.sessions.create(
    DISPLAY_PRINCIPAL,
    { mustChangePassword: false, passwordExpired: false },
    ctx.now(),
  );
  ctx.call.jar.set(token);
  appendAudit(ctx, { action: 'board.openDisplay', entity: 'session', detail: '在工作站打开态势大屏窗口' });
  return null;
}
