/**
 * The period a statistics page counts: the records received (found, registered) from `from` to `to`,
 * both included. The figures keep their definitions; the period only selects the records, and the
 * click-through to a list carries the same dates. No period: every record.
 */
import { addDays, dayOfWeek } from './calendar';

export interface FigurePeriod {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['all', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  all: '全部',
  week: '本周',
  month: '本月',
  quarter: '本季',
  year: '本年',
  custom: '自定义',
};

const monthStart = (date: string, back = 0): string => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/**
 * A preset's period, from its first day to today (the county's): the week from Monday, the month,
 * the quarter, the year. `all` and `custom` have none of their own.
 */
export function presetPeriod(preset: PeriodPreset, today: string): FigurePeriod | null {
  switch (preset) {
    case 'week':
      return { from: addDays(today, -((dayOfWeek(today) + 6) % 7)), to: today };
    case 'month':
      return { from: monthStart(today), to: today };
    case 'quarter':
      return { from: monthStart(today, (Number(today.slice(5, 7)) - 1) % 3), to: today };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    default:
      return null;
  }
}

/** The last `months` calendar months up to today: the leader's trend, and a page's trend with no period. */
export const recentMonths = (today: string, months: number): FigurePeriod => ({
  from: monthStart(today, months - 1),
  to: today,
});

/** The months a period touches, each cut to the period (`YYYY-MM`, its first and last day counted). */
export function monthsOf(period: FigurePeriod): Array<FigurePeriod & { month: string }> {
  const months: Array<FigurePeriod & { month: string }> = [];
  for (let start = monthStart(period.from); start <= period.to; start = monthStart(addDays(start, 31))) {
    const end = addDays(monthStart(addDays(start, 31)), -1);
    months.push({
      month: start.slice(0, 7),
      from: start < period.from ? period.from : start,
      to: end > period.to ? period.to : end,
    });
  }
  return months;
}

/** `2026-12-01 至 2026-12-06`, or 全部 without a period: the title row of an export. */
export const periodText = (period: FigurePeriod | null): string =>
  period ? `${period.from} 至 ${period.to}` : PERIOD_PRESET_LABELS.all;
