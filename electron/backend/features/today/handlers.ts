import type { HandlerMap } from '../../api/types';
import { todayOverview } from './overview';

export const todayHandlers = {
  'today.overview': ({ limit }, ctx) => todayOverview(ctx, limit),
} satisfies HandlerMap<'today.overview'>;
