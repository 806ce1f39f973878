/**
 * Calendar dates (`YYYY-MM-DD`, the county's local date) as plain values: no `Date`, no time zone,
 * so a deadline is the same on every machine and in SQL. Arithmetic goes through a day number
 * (days since 1970-01-01, proleptic Gregorian calendar).
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month, `month` counting from 1. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];

/** Whether `text` is a real date written `YYYY-MM-DD` (year 0001–9999): `2026-02-29` is not. */
export function isValidDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function assertDate(text: string): void {
  if (!isValidDate(text)) throw new RangeError(`日期“${text}”无效，应为 YYYY-MM-DD 格式的真实日期`);
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const FIRST_DAY = daysFromCivil(1, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

/** Days since 1970-01-01 (negative before). Throws a RangeError on an invalid date. */
export function toDayNumber(date: string): number {
  assertDate(date);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The `YYYY-MM-DD` of a day number. Throws outside years 0001–9999. */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber) || dayNumber < FIRST_DAY || dayNumber > LAST_DAY) {
    throw new RangeError(`日序号 ${dayNumber} 超出 0001-01-01 至 9999-12-31 的范围`);
  }
  const [year, month, day] = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`天数应为整数：${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

/** Negative, 0 or positive, for sorting; both dates are validated. */
export const compareDates = (a: string, b: string): number => Math.sign(toDayNumber(a) - toDayNumber(b));

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const dayOfWeek = (date: string): number => (((toDayNumber(date) + 4) % 7) + 7) % 7;

/**
 * The working-day calendar: public holidays (放假日, weekend days within a holiday included) and
 * swapped working days (调休上班: weekend days that are working days). Everything else is a
 * working day from Monday to Friday. The administrator edits it; the logic never assumes a year.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** Years whose holidays have been entered; in any other year only weekends are known. */
  enteredYears: ReadonlySet<number>;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/** A calendar of these dates; a year counts as entered when given, or else when one of its dates is listed. */
export function holidayCalendar(
  holidays: Iterable<string>,
  workdays: Iterable<string>,
  enteredYears?: Iterable<number>,
): HolidayCalendar {
  const calendar = { holidays: new Set(holidays), workdays: new Set(workdays) };
  const years = enteredYears ?? [...calendar.holidays, ...calendar.workdays].map(yearOf);
  return { ...calendar, enteredYears: new Set(years) };
}

/** A date that is both a holiday and a swapped working day counts as a holiday (calendarProblems flags it). */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  assertDate(date);
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `date`; `date` itself never counts (it is day 0, as in every limit
 * here), so a 5-working-day limit from a Friday ends on the next Friday. n = 0 returns `date`.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日天数应为非负整数：${n}`);
  let day = toDayNumber(date);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(fromDayNumber(day), calendar)) left -= 1;
  }
  return fromDayNumber(day);
}

/** A working-day limit: its last day, and whether it ran through a year whose calendar is not entered. */
export interface WorkingDayLimit {
  due: string;
  /** True when some counted day lies in a year without an entered calendar: there only weekends were skipped. */
  weekendsOnly: boolean;
  /** Those years, earliest first. */
  unenteredYears: number[];
}

/** `addWorkingDays`, saying which years of the count had no calendar (the days after `date` up to the due day). */
export function workingDayLimit(date: string, n: number, calendar: HolidayCalendar): WorkingDayLimit {
  const due = addWorkingDays(date, n, calendar);
  const unenteredYears: number[] = [];
  if (n > 0) {
    for (let year = yearOf(addDays(date, 1)); year <= yearOf(due); year += 1) {
      if (!calendar.enteredYears.has(year)) unenteredYears.push(year);
    }
  }
  return { due, weekendsOnly: unenteredYears.length > 0, unenteredYears };
}

/**
 * Years whose calendar is due but not entered on `today`: the current year at any time, and the next
 * year from 1 November (the State Council publishes the next year's holidays in late October or
 * early November).
 */
export function missingCalendarYears(today: string, enteredYears: ReadonlySet<number>): number[] {
  const year = yearOf(today);
  const due = today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  return due.filter((candidate) => !enteredYears.has(candidate));
}

/** `date` itself when it is a working day, else the first working day after it. */
export const onOrNextWorkingDay = (date: string, calendar: HolidayCalendar): string =>
  addWorkingDays(addDays(date, -1), 1, calendar);

/** Chinese problems with an edited calendar: malformed dates, a date in both lists, a swapped weekday. */
export function calendarProblems(calendar: HolidayCalendar): string[] {
  const problems: string[] = [];
  for (const date of calendar.holidays) if (!isValidDate(date)) problems.push(`节假日“${date}”不是有效日期`);
  for (const date of calendar.workdays) {
    if (!isValidDate(date)) problems.push(`调休上班日“${date}”不是有效日期`);
    else if (calendar.holidays.has(date)) problems.push(`${date} 同时列为节假日和调休上班日`);
    else if (dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) problems.push(`调休上班日 ${date} 本来就是工作日`);
  }
  return problems;
}
