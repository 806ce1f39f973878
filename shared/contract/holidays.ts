import { z } from 'zod';
import type { WorkingDayLimit } from '../domain/ledger/calendar';
import { dateField, defineMethod, noInput } from './define';

/** One day of the working-day calendar: a public holiday (放假日) or a swapped working day (调休上班). */
export interface HolidayEntry {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** Whether the calendar the limits need is entered, on the county's today. */
export interface CalendarStatus {
  today: string;
  /** The current year when it has no entry; from 1 November also the next year. */
  missingYears: number[];
}

export const holidaysContract = {
  'holidays.list': defineMethod<HolidayEntry[]>()({
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
    access: 'reference.read',
    summary: '查询节假日与调休上班日',
  }),
  'holidays.set': defineMethod<HolidayEntry[]>()({
    input: z
      .object({
        date: dateField('日期'),
        /** null removes the date from the calendar (an ordinary day again). */
        kind: z.enum(['holiday', 'workday']).nullable(),
        name: z.string().trim().max(50).default(''),
      })
      .strict(),
    access: 'settings.manage',
    summary: '设置或取消一天的节假日/调休上班（过去的日期也可更正，记入审计）',
  }),
  'holidays.status': defineMethod<CalendarStatus>()({
    input: noInput,
    access: 'session',
    summary: '本年及（11 月 1 日起）下一年的节假日安排是否已录入',
  }),
  'holidays.workingDayLimit': defineMethod<WorkingDayLimit>()({
    input: z
      .object({
        from: dateField('起算日期'),
        days: z.number().int().min(1, { error: '工作日天数至少为 1' }).max(60, { error: '工作日天数最多 60' }),
      })
      .strict(),
    access: 'reference.read',
    summary: '按节假日安排试算工作日期限（跨入未录入的年份时只按周末计算，并注明）',
  }),
};
