import { countyDate } from '../../../shared/domain/time';
import type { HandlerContext } from '../api/types';
import type { DeadlineClock } from '../db/clock-sql';

/** The county's date today: what every deadline, register date and figure is computed against. */
export const todayOf = (ctx: Pick<HandlerContext, 'now'>): string => countyDate(ctx.now());

/** The county's date and the administrator's 临期 days: what deadline stages are computed against. */
export const clockOf = (ctx: Pick<HandlerContext, 'now' | 'settings'>): DeadlineClock => ({
  today: todayOf(ctx),
  dueSoonDays: ctx.settings.work.dueSoonDays,
});
