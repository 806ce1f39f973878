import { AppError } from '../../../../shared/errors';
import type { HolidayEntry } from '../../../../shared/contract/petitions';
import { calendarProblems, holidayCalendar } from '../../../../shared/domain/ledger/calendar';
import type { HandlerMap } from '../../api/types';
import { qb, type Sql } from '../../db/sql';
import { audited } from '../../audit/writer';

/** The working-day calendar (放假日 and 调休上班日) the administrator keeps; seeded with 2026. */
const listHolidays = (sql: Sql, year?: number): HolidayEntry[] =>
  sql.all(
    qb
      .selectFrom('holidays')
      .selectAll()
      .$if(year !== undefined, (q) => q.where('date', 'like', `${year}-%`))
      .orderBy('date'),
  );

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
    audited(
      ctx,
      { action: 'holidays.set', entity: 'holiday', entityId: date, fields: kind ? ['kind', 'name'] : ['kind'] },
      () => {
        ctx.sql.run(qb.deleteFrom('holidays').where('date', '=', date));
        if (kind) ctx.sql.run(qb.insertInto('holidays').values({ date, kind, name }));
      },
    );
    return listHolidays(ctx.sql, Number(date.slice(0, 4)));
  },
} satisfies HandlerMap<'holidays.list' | 'holidays.set'>;
