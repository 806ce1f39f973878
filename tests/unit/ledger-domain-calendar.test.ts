import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarProblems,
  missingCalendarYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  holidayCalendar,
  isLeapYear,
  isValidDate,
  isWorkingDay,
  onOrNextWorkingDay,
  toDayNumber,
} from '../../shared/domain/ledger/calendar';
import { calendarFromSeed, HOLIDAY_SEED_2026 } from '../../shared/domain/ledger/holidays-2026';

const cal2026 = calendarFromSeed(HOLIDAY_SEED_2026);
const weekendsOnly = holidayCalendar([], []);
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (date: string) => WEEKDAY[dayOfWeek(date)];

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2026-02-28', true],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    [' 2026-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['', false],
  ])('isValidDate(%j) is %s', (text, valid) => {
    expect(isValidDate(text)).toBe(valid);
  });

  it('knows leap years: every 4th, not centuries, except every 400th', () => {
    expect([2024, 2026, 2100, 2000, 1900, 2028].map(isLeapYear)).toEqual([true, false, false, true, false, true]);
    expect([2024, 2026, 2100, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-01-31', 28, '2026-02-28'],
    ['2026-01-31', 29, '2026-03-01'],
    ['2026-11-20', 60, '2027-01-19'],
    ['2026-05-05', 0, '2026-05-05'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('numbers days from 1970-01-01 and agrees with the UTC calendar for every day of 1899–2101', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    const start = Date.UTC(1899, 11, 25) / 86_400_000;
    const end = Date.UTC(2101, 0, 10) / 86_400_000;
    // One assertion over the whole range: 220,000 separate `expect`s would time out on a busy machine.
    const mismatches: string[] = [];
    for (let day = start; day <= end; day += 1) {
      const utc = new Date(day * 86_400_000);
      const iso = utc.toISOString().slice(0, 10);
      if (fromDayNumber(day) !== iso || toDayNumber(iso) !== day || dayOfWeek(iso) !== utc.getUTCDay()) {
        mismatches.push(iso);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips the first and last representable days, and refuses to go beyond them', () => {
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('refuses invalid dates and fractional days with a Chinese message', () => {
    expect(() => toDayNumber('2026-02-29')).toThrow('日期“2026-02-29”无效，应为 YYYY-MM-DD 格式的真实日期');
    expect(() => addDays('2026/01/01', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow('天数应为整数：1.5');
  });

  it('compares dates and counts the days between them', () => {
    expect(compareDates('2026-01-31', '2026-02-01')).toBe(-1);
    expect(compareDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('gives the day of the week, 0 for Sunday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2026-03-01')).toBe(0);
    expect(dayOfWeek('2026-10-10')).toBe(6);
  });
});

describe('working days', () => {
  it('treats Monday to Friday as working days when no holiday is set', () => {
    // 2026-03-02 is a Monday.
    const week = Array.from({ length: 7 }, (_, i) => addDays('2026-03-02', i));
    expect(week.map((d) => isWorkingDay(d, weekendsOnly))).toEqual([true, true, true, true, true, false, false]);
  });

  it('skips a weekend: 5 working days from a Friday end on the next Friday, from a Saturday too', () => {
    expect(addWorkingDays('2026-03-06', 5, weekendsOnly)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-07', 5, weekendsOnly)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-09', 5, weekendsOnly)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-06', 1, weekendsOnly)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-07', 0, weekendsOnly)).toBe('2026-03-07');
  });

  it('skips the National Day week and counts the swapped working Saturday (2026-10-10)', () => {
    expect(['2026-10-01', '2026-10-03', '2026-10-07'].some((d) => isWorkingDay(d, cal2026))).toBe(false);
    expect(isWorkingDay('2026-10-08', cal2026)).toBe(true);
    expect(isWorkingDay('2026-10-10', cal2026)).toBe(true);
    expect(isWorkingDay('2026-10-11', cal2026)).toBe(false);
    // Received Wed 09-30: 10-08, 10-09, 10-10 (Sat, swapped), 10-12, 10-13.
    expect(addWorkingDays('2026-09-30', 5, cal2026)).toBe('2026-10-13');
    // The same dates with weekends only would end inside the holiday.
    expect(addWorkingDays('2026-09-30', 5, weekendsOnly)).toBe('2026-10-07');
  });

  it('counts a swapped working Sunday (2026-09-20) and the Spring Festival swaps', () => {
    expect(isWorkingDay('2026-09-20', cal2026)).toBe(true);
    expect(addWorkingDays('2026-09-18', 5, cal2026)).toBe('2026-09-24');
    // Received Fri 02-13: 02-14 (Sat, swapped), then 02-15 … 02-23 off, then 02-24 … 02-27.
    expect(addWorkingDays('2026-02-13', 5, cal2026)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 1, cal2026)).toBe('2026-02-14');
  });

  it('lands on the first working day on or after a date', () => {
    expect(onOrNextWorkingDay('2026-10-03', cal2026)).toBe('2026-10-08');
    expect(onOrNextWorkingDay('2026-10-08', cal2026)).toBe('2026-10-08');
    expect(onOrNextWorkingDay('2026-03-07', weekendsOnly)).toBe('2026-03-09');
  });

  it('depends only on the calendar it is given, not on the 2026 seed', () => {
    const custom = holidayCalendar(['2031-03-03'], ['2031-03-08']);
    // 2031-03-03 is a Monday made a holiday, Saturday 2031-03-08 a working day.
    expect(isWorkingDay('2031-03-03', custom)).toBe(false);
    expect(isWorkingDay('2031-03-08', custom)).toBe(true);
    expect(addWorkingDays('2031-02-28', 5, custom)).toBe('2031-03-08');
  });

  it('refuses a negative or fractional count of working days', () => {
    expect(() => addWorkingDays('2026-03-06', -1, weekendsOnly)).toThrow('工作日天数应为非负整数：-1');
    expect(() => addWorkingDays('2026-03-06', 0.5, weekendsOnly)).toThrow(RangeError);
  });

  it('lets a holiday win over a conflicting swapped day, and reports the conflict and other mistakes', () => {
    const bad = holidayCalendar(['2026-10-10', '2026-02-30'], ['2026-10-10', '2026-10-12', 'x']);
    expect(isWorkingDay('2026-10-10', bad)).toBe(false);
    expect(calendarProblems(bad)).toEqual([
      '节假日“2026-02-30”不是有效日期',
      '2026-10-10 同时列为节假日和调休上班日',
      '调休上班日 2026-10-12 本来就是工作日',
      '调休上班日“x”不是有效日期',
    ]);
  });
});

describe('the 2026 holiday seed', () => {
  it('matches the weekdays printed in the State Council notice', () => {
    const printed: Array<[string, string]> = [
      ['2026-01-01', '四'],
      ['2026-01-03', '六'],
      ['2026-01-04', '日'],
      ['2026-02-14', '六'],
      ['2026-02-15', '日'],
      ['2026-02-23', '一'],
      ['2026-02-28', '六'],
      ['2026-04-04', '六'],
      ['2026-04-06', '一'],
      ['2026-05-01', '五'],
      ['2026-05-05', '二'],
      ['2026-05-09', '六'],
      ['2026-06-19', '五'],
      ['2026-06-21', '日'],
      ['2026-09-20', '日'],
      ['2026-09-25', '五'],
      ['2026-09-27', '日'],
      ['2026-10-01', '四'],
      ['2026-10-07', '三'],
      ['2026-10-10', '六'],
    ];
    for (const [date, weekday] of printed) expect(weekdayOf(date), date).toBe(weekday);
  });

  it('holds 33 holiday dates and 6 swapped working days, all valid and consistent', () => {
    expect(HOLIDAY_SEED_2026.holidays).toHaveLength(33);
    expect(HOLIDAY_SEED_2026.workdays.map((w) => w.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(calendarProblems(cal2026)).toEqual([]);
    expect(new Set(HOLIDAY_SEED_2026.holidays.map((h) => h.date)).size).toBe(33);
  });

  it('gives 2026 248 working days (261 weekdays − 19 weekday holidays + 6 swapped days)', () => {
    let count = 0;
    for (let d = '2026-01-01'; d !== '2027-01-01'; d = addDays(d, 1)) if (isWorkingDay(d, cal2026)) count += 1;
    expect(count).toBe(248);
  });
});

describe('the calendar years the app warns about', () => {
  const entered = new Set([2026]);
  it('asks for the next year from 1 November, and for the current year whenever it is missing', () => {
    expect(missingCalendarYears('2026-10-31', entered)).toEqual([]);
    expect(missingCalendarYears('2026-11-01', entered)).toEqual([2027]);
    expect(missingCalendarYears('2026-12-31', new Set([2026, 2027]))).toEqual([]);
    expect(missingCalendarYears('2027-01-02', entered)).toEqual([2027]);
    expect(missingCalendarYears('2027-11-15', entered)).toEqual([2027, 2028]);
  });

  it('counts a year as entered when one of its dates is listed, or when it is named', () => {
    expect([...holidayCalendar(['2027-01-01'], ['2026-02-28']).enteredYears].sort()).toEqual([2026, 2027]);
    expect([...holidayCalendar([], [], [2030]).enteredYears]).toEqual([2030]);
  });
});
