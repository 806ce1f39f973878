import { AppError } from '../../../../shared/errors';
import type { HolidayEntry } from '../../../../shared/contract/holidays';
import { calendarProblems, holidayCalendar, missingCalendarYears } from '../../../../shared/domain/ledger/calendar';
import type { HandlerContext, HandlerMap } from '../../api/types';
import { qb, type Sql } from '../../db/sql';
import { audited } from '../../audit/writer';
import { calendarFor, forgetCalendarYear, workingDayLimitOn } from '../../ledger/calendar';
import { todayOf } from '../../ledger/clock';

/** The working-day calendar (放假日 and 调休上班日) the administrator keeps; seeded with 2026. */
const listHolidays = (sql: Sql, year?: number): HolidayEntry[] =>
  sql.all(
    qb
      .selectFrom('holidays')
      .selectAll()
      .$if(year !== undefined, (q) => q.where('date', 'like', `${year}-%`))
      .orderBy('date'),
  );

/** The years whose calendar is due but not entered: this one, and the next from 1 November. */
export function calendarStatus(ctx: HandlerContext): { today: string; missingYears: number[] } {
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));
  return { today, missingYears: missingCalendarYears(today, calendarFor(ctx.sql, year, year + 1).enteredYears) };
}

export const holidaysHandlers = {
  'holidays.list': ({ year }, ctx) => listHolidays(ctx.sql, year),
  'holidays.set': ({ date, kind, name }, ctx) => {
    if (kind) {
      const problems = calendarProblems(
        holidayCalendar(kind === 'holiday' ? [date] : [], kind === 'workday' ? [date] : []),
      );
      if (problems.length)
        throw new AppError('VALIDATION', problems.join('；'), [{ path: 'kind', message: problems[0]! }]);
      if (!name)
        throw new AppError('VALIDATION', '请填写名称（如“国庆节”）', [{ path: 'name', message: '请填写名称' }]);
    }
    const year = Number(date.slice(0, 4));
    audited(
      ctx,
      {
        action: 'holidays.set',
        entity: 'holiday',
        entityId: date,
        fields: kind ? ['kind', 'name'] : ['kind'],
        // A past day may already have counted in a limit: the correction says so in the audit log.
        detail: date < todayOf(ctx) ? '更正已过去的日期' : undefined,
      },
      () => {
        ctx.sql.run(qb.deleteFrom('holidays').where('date', '=', date));
        if (kind) ctx.sql.run(qb.insertInto('holidays').values({ date, kind, name }));
      },
    );
    forgetCalendarYear(ctx.sql, year);
    return listHolidays(ctx.sql, year);
  },
  'holidays.status': (_input, ctx) => calendarStatus(ctx),
  'holidays.workingDayLimit': ({ from, days }, ctx) => workingDayLimitOn(ctx.sql, from, days),
} satisfies HandlerMap<'holidays.list' | 'holidays.set' | 'holidays.status' | 'holidays.workingDayLimit'>;
