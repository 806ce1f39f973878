/**
 * Seed of the 2026 working-day calendar: data only, loaded once into the settings the
 * administrator edits; no rule reads this file directly.
 *
 * Source: 《国务院办公厅关于2026年部分节假日安排的通知》 dated 2025-11-04, as published by Xinhua
 * (新华社, reprinted on politics.gmw.cn 2025-11-04 and in 中山日报 2025-11-05). Weekdays in the
 * notice were checked against the calendar in the unit tests.
 */
import { holidayCalendar, type HolidayCalendar } from './calendar';

export interface HolidaySeedEntry {
  date: string;
  name: string;
}

export interface HolidaySeed {
  year: number;
  source: string;
  /** 放假日, weekend days inside a holiday included. */
  holidays: readonly HolidaySeedEntry[];
  /** 调休上班: weekend days that are working days. */
  workdays: readonly HolidaySeedEntry[];
}

export const calendarFromSeed = (seed: HolidaySeed): HolidayCalendar =>
  holidayCalendar(
    seed.holidays.map((entry) => entry.date),
    seed.workdays.map((entry) => entry.date),
  );

const range = (name: string, dates: string[]): HolidaySeedEntry[] => dates.map((date) => ({ date, name }));

export const HOLIDAY_SEED_2026: HolidaySeed = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  holidays: [
    ...range('元旦', ['2026-01-01', '2026-01-02', '2026-01-03']),
    ...range('春节', [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]),
    ...range('清明节', ['2026-04-04', '2026-04-05', '2026-04-06']),
    ...range('劳动节', ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']),
    ...range('端午节', ['2026-06-19', '2026-06-20', '2026-06-21']),
    ...range('中秋节', ['2026-09-25', '2026-09-26', '2026-09-27']),
    ...range('国庆节', [
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]),
  ],
  workdays: [
    { date: '2026-01-04', name: '元旦调休上班' },
    { date: '2026-02-14', name: '春节调休上班' },
    { date: '2026-02-28', name: '春节调休上班' },
    { date: '2026-05-09', name: '劳动节调休上班' },
    { date: '2026-09-20', name: '国庆节调休上班' },
    { date: '2026-10-10', name: '国庆节调休上班' },
  ],
};
