import {
  addDays,
  holidayCalendar,
  workingDayLimit,
  type HolidayCalendar,
} from '../../../shared/domain/ledger/calendar';
import type { WorkingDayLimit } from '../../../shared/domain/ledger/calendar';
import type { Sql } from '../db/sql';

/**
 * The one place the working-day calendar is read: every working-day limit takes its calendar from
 * here. Each year is read once and kept per connection; `forgetCalendarYear` drops a year the
 * administrator changed, and a commit by another connection (a second process on the folder,
 * seen in `data_version`) drops them all.
 */
interface YearDays {
  holidays: string[];
  workdays: string[];
}

interface CalendarCache {
  dataVersion: number;
  years: Map<number, YearDays>;
}

const caches = new WeakMap<Sql, CalendarCache>();

function cacheOf(sql: Sql): CalendarCache {
  const dataVersion = sql.db.pragma('data_version', { simple: true }) as number;
  let cache = caches.get(sql);
  if (!cache || cache.dataVersion !== dataVersion) {
    cache = { dataVersion, years: new Map() };
    caches.set(sql, cache);
  }
  return cache;
}

function yearDays(sql: Sql, cache: CalendarCache, year: number): YearDays {
  let days = cache.years.get(year);
  if (!days) {
    const rows = sql
      .prepare('SELECT date, kind FROM holidays WHERE date BETWEEN ? AND ?')
      .all(`${year}-01-01`, `${year}-12-31`) as Array<{ date: string; kind: 'holiday' | 'workday' }>;
    days = {
      holidays: rows.filter((row) => row.kind === 'holiday').map((row) => row.date),
      workdays: rows.filter((row) => row.kind === 'workday').map((row) => row.date),
    };
    cache.years.set(year, days);
  }
  return days;
}

/** The calendar of the years `fromYear` … `toYear`; a year with no entry is not entered. */
export function calendarFor(sql: Sql, fromYear: number, toYear: number): HolidayCalendar {
  const cache = cacheOf(sql);
  const holidays: string[] = [];
  const workdays: string[] = [];
  const entered: number[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    const days = yearDays(sql, cache, year);
    holidays.push(...days.holidays);
    workdays.push(...days.workdays);
    if (days.holidays.length || days.workdays.length) entered.push(year);
  }
  return holidayCalendar(holidays, workdays, entered);
}

/** After the administrator changed a day of `year`: the next limit reads that year anew. */
export const forgetCalendarYear = (sql: Sql, year: number): void => void cacheOf(sql).years.delete(year);

/**
 * `days` working days after `from`, on the calendar as entered. The years loaded reach well past
 * any due day (a working day is never more than a long holiday and two weekends away).
 */
export function workingDayLimitOn(sql: Sql, from: string, days: number): WorkingDayLimit {
  const reach = addDays(from, days * 2 + 31);
  return workingDayLimit(from, days, calendarFor(sql, Number(from.slice(0, 4)), Number(reach.slice(0, 4))));
}
