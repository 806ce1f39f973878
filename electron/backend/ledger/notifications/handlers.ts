import { audited } from '../../audit/writer';
import type { HandlerMap } from '../../api/types';
import { scanDeadlines } from './deadlines';
import { listNotifications, markRead, unreadCount } from './read';

/**
 * The notification centre's methods. A read first gives the county day's 临期 / 超期 notices
 * (once a day); marking read is the account's own state, audited like every write.
 */
export const notificationsHandlers = {
  'notifications.list': (input, ctx) => {
    scanDeadlines(ctx);
    return listNotifications(ctx, input);
  },
  'notifications.unreadCount': (_input, ctx) => {
    scanDeadlines(ctx);
    return unreadCount(ctx);
  },
  'notifications.markRead': ({ id }, ctx) =>
    audited(
      ctx,
      {
        action: 'notifications.markRead',
        entity: 'notification',
        ...(id === undefined ? {} : { entityId: id }),
        fields: ['read'],
        detail: id === undefined ? '全部已读' : '',
      },
      () => ({ marked: markRead(ctx, id) }),
    ),
} satisfies HandlerMap<'notifications.list' | 'notifications.unreadCount' | 'notifications.markRead'>;
