import { Notification } from 'electron';
import type { MethodName } from '../../shared/contract';
import type { UnreadCount } from '../../shared/contract/notifications';
import type { Result } from '../../shared/errors';

/** Calls after which a window's account may be another: its count starts anew. */
const ACCOUNT_CHANGES: ReadonlySet<MethodName> = new Set<MethodName>(['auth.login', 'auth.logout', 'auth.setup']);

export interface DesktopNotices {
  /** Told every answer main relays to a window; shows a notice when that window's unread count grew. */
  observe(window: number, method: MethodName, answer: Result<unknown>): void;
}

/**
 * The desktop's notices of the notification centre: main reads no data, it watches the answers of
 * `notifications.unreadCount` it relays (the bell asks on every change and every minute). When a
 * window's count grows, an OS notification (综治工作台, the newest text) is shown; clicking it
 * focuses the window. The first count after sign-in only sets the mark. Nothing comes from outside.
 */
export function createDesktopNotices(focus: () => void): DesktopNotices {
  const counts = new Map<number, number>();
  // Held until closed or clicked: a notification collected early loses its click.
  const shown = new Set<Notification>();

  function show(body: string): void {
    if (!Notification.isSupported()) return;
    const notice = new Notification({ title: '综治工作台', body });
    const release = () => shown.delete(notice);
    notice.on('click', () => {
      release();
      focus();
    });
    notice.on('close', release);
    shown.add(notice);
    notice.show();
  }

  return {
    observe(window, method, answer) {
      if (ACCOUNT_CHANGES.has(method)) {
        counts.delete(window);
        return;
      }
      if (method !== 'notifications.unreadCount' || !answer.ok) return;
      const { count, newest } = answer.data as UnreadCount;
      const before = counts.get(window);
      counts.set(window, count);
      if (before !== undefined && count > before && newest) show(newest.text);
    },
  };
}
