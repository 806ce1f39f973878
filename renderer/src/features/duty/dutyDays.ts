import type { DutyDay, DutyEntry } from '@shared/contract/duty';
import { DUTY_ROLES, type DutyRole } from '@shared/domain/board/duty';
import { addDays, dayOfWeek, daysInMonth } from '@shared/domain/ledger/calendar';

/** How much of the roster the page shows at once. */
export const DUTY_SPANS = ['week', 'month'] as const;
export type DutySpan = (typeof DUTY_SPANS)[number];
export const DUTY_SPAN_LABELS: Record<DutySpan, string> = { week: '一周', month: '一个月' };

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `11-23 周一`: a roster day as the list shows it. */
export const dayLabel = (date: string): string => `${date.slice(5)} ${WEEKDAYS[dayOfWeek(date)]}`;

/** The days shown from `start`: seven, or up to the same day of the next month. */
export function spanDays(start: string, span: DutySpan): string[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  const count = span === 'week' ? 7 : daysInMonth(year, month);
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/** One row of the list: a day with its people by role (a day nobody is rostered on has none). */
export interface RosterRow {
  date: string;
  byRole: Record<DutyRole, DutyEntry[]>;
}

export function rosterRows(dates: readonly string[], days: readonly DutyDay[]): RosterRow[] {
  const entriesOf = new Map(days.map((day) => [day.date, day.entries]));
  return dates.map((date) => {
    const entries = entriesOf.get(date) ?? [];
    const byRole = Object.fromEntries(DUTY_ROLES.map((role) => [role, entries.filter((e) => e.role === role)]));
    return { date, byRole: byRole as Record<DutyRole, DutyEntry[]> };
  });
}

/** Every day of the calendar month `date` falls in, for the printed 值班表. */
export const monthDays = (date: string): string[] => spanDays(`${date.slice(0, 7)}-01`, 'month');
