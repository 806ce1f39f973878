/**
 * Deadline arithmetic that does not depend on what runs the clock: the stage of any open item with
 * a start and a due date (a petition case, a mitigation measure, a meeting's assigned task, a
 * scheduled re-review), and moving a date by whole months.
 *
 * Every clock in the product speaks the same words: these stage names and labels.
 */
import { daysBetween, daysInMonth, fromDayNumber, toDayNumber } from './calendar';

export const DEADLINE_STAGES = ['normal', 'half_used', 'due_soon', 'overdue', 'done'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export const DEADLINE_STAGE_LABELS: Record<DeadlineStage, string> = {
  normal: '正常',
  half_used: '期限过半',
  due_soon: '临期',
  overdue: '超期',
  done: '已办结',
};

/** Days before the due date from which an item is 临期; the administrator may change it. */
export const DEFAULT_DUE_SOON_DAYS = 3;

export interface ClockInput {
  /** Finished (办结, completed …): no clock runs, the stage is `done`. */
  concluded: boolean;
  /** When the clock started (assignment, creation, the previous review). */
  startDate: string;
  dueDate: string | null;
  /** The county's date today, `YYYY-MM-DD`. */
  today: string;
}

/**
 * - done: concluded (no clock runs);
 * - null: no due date;
 * - overdue: today is after the due date; the due day itself is still in time;
 * - due_soon: at most `dueSoonDays` days left, the due day included (0 days left);
 * - half_used: at least half of the days from start to due have passed (2 × used ≥ total);
 * - normal: otherwise.
 */
export function clockStage(input: ClockInput, dueSoonDays = DEFAULT_DUE_SOON_DAYS): DeadlineStage | null {
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new RangeError(`临期天数应为非负整数：${dueSoonDays}`);
  if (input.concluded) return 'done';
  if (input.dueDate === null) return null;
  const left = daysBetween(input.today, input.dueDate);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due_soon';
  const total = daysBetween(input.startDate, input.dueDate);
  const used = daysBetween(input.startDate, input.today);
  return 2 * used >= total ? 'half_used' : 'normal';
}

/** Days past the due date (0 when not overdue). */
export const daysOverdue = (dueDate: string, today: string): number => Math.max(0, daysBetween(dueDate, today));

/**
 * `date` moved by `months` whole months (negative moves back). A day that the target month lacks
 * falls on its last day, as 民法典 Art. 202 counts a period in months: 01-31 + 1 month is 02-28
 * (02-29 in a leap year), and 2024-02-29 + 12 months is 2025-02-28.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`月数应为整数：${months}`);
  toDayNumber(date); // validates
  const index = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < 1 || year > 9999) throw new RangeError(`日期“${date}”加 ${months} 个月超出 0001–9999 年的范围`);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return fromDayNumber(toDayNumber(text));
}
