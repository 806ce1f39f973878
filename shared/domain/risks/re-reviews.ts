/**
 * Follow-up of an implemented decision: re-reviews (复评) scheduled every N months from the day
 * implementation started, and the ones that come due. Dates are anchored on the start, not chained:
 * started 01-31 every month gives 02-28, 03-31, 04-30 …, never drifting to the 28th.
 */
import { addMonths, clockStage } from '../ledger/deadlines';
import { compareDates } from '../ledger/calendar';
import type { DeadlineStage } from '../ledger/deadlines';
import { isBlank, type FieldProblem } from '../ledger/state-machine';
import { RISK_LEVEL_LABELS, RISK_LEVELS } from './assessment-levels';
import type { AssessmentStatus } from './assessment-statuses';
import { choiceProblem, compact } from './fields';
import { dateProblem, todayBound } from '../ledger/dates';

/** Every six months unless the centre sets otherwise. */
export const DEFAULT_RE_REVIEW_INTERVAL_MONTHS = 6;

function assertInterval(intervalMonths: number): void {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 60) {
    throw new RangeError(`复评周期应为 1 至 60 之间的整数（月）：${intervalMonths}`);
  }
}

/** The `n`-th re-review (n ≥ 1) of a matter implemented on `implementedOn`. */
export function reReviewDate(implementedOn: string, intervalMonths: number, n: number): string {
  assertInterval(intervalMonths);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`复评次序应为正整数：${n}`);
  return addMonths(implementedOn, intervalMonths * n);
}

/** The first `count` re-review dates. */
export function reReviewSchedule(implementedOn: string, intervalMonths: number, count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`复评次数应为非负整数：${count}`);
  return Array.from({ length: count }, (_, i) => reReviewDate(implementedOn, intervalMonths, i + 1));
}

/** The re-review due after `completed` have been held (held late or early, the schedule stands). */
export const nextReReviewDate = (implementedOn: string, intervalMonths: number, completed: number): string =>
  reReviewDate(implementedOn, intervalMonths, completed + 1);

/** What the due list needs to know of an assessment. */
export interface ReReviewItem {
  id: string;
  status: AssessmentStatus;
  /** The previous re-review, or the implementation date before the first: the clock's start. */
  lastReviewedOn: string;
  nextReReviewOn: string | null;
}

/** The stage of the next re-review; null when the assessment is not being tracked or has none. */
export function reReviewStage(item: ReReviewItem, today: string, dueSoonDays?: number): DeadlineStage | null {
  if (item.status !== 'tracking' || item.nextReReviewOn === null) return null;
  return clockStage(
    { concluded: false, startDate: item.lastReviewedOn, dueDate: item.nextReReviewOn, today },
    dueSoonDays,
  );
}

/**
 * The re-reviews that show up today: tracked assessments whose next re-review is due soon or
 * overdue, the earliest first (ties by id).
 */
export function dueReReviews<T extends ReReviewItem>(items: readonly T[], today: string, dueSoonDays?: number): T[] {
  return items
    .filter((item) => {
      const stage = reReviewStage(item, today, dueSoonDays);
      return stage === 'due_soon' || stage === 'overdue';
    })
    .sort((a, b) => compareDates(a.nextReReviewOn!, b.nextReReviewOn!) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ReReviewEntry {
  reviewedOn?: string | null;
  finding?: string | null;
  /** The risk level found now. */
  riskLevel?: string | null;
  /** The next one, or blank when this is the last and the assessment will be archived. */
  nextReReviewOn?: string | null;
}

/** Problems with recording a re-review of a tracked assessment. */
export function reReviewEntryProblems(
  entry: ReReviewEntry,
  context: { status: AssessmentStatus; implementedOn: string; today?: string },
): FieldProblem[] {
  if (context.status !== 'tracking') return [{ path: 'status', message: '只有“跟踪中”的事项可以登记复评' }];
  const problems: FieldProblem[] = [];
  if (isBlank(entry.reviewedOn)) problems.push({ path: 'reviewedOn', message: '请填写“复评日期”' });
  if (isBlank(entry.finding)) problems.push({ path: 'finding', message: '请填写“复评意见”' });
  if (isBlank(entry.riskLevel)) problems.push({ path: 'riskLevel', message: '请填写“当前风险等级”' });
  const reviewedProblem = dateProblem('reviewedOn', '复评日期', entry.reviewedOn, {
    notBefore: { date: context.implementedOn, label: '实施日期' },
    notAfter: todayBound(context.today),
  });
  const reviewedOn = entry.reviewedOn?.trim();
  problems.push(
    ...compact([
      reviewedProblem,
      choiceProblem('riskLevel', '当前风险等级', entry.riskLevel, RISK_LEVELS, RISK_LEVEL_LABELS),
      dateProblem('nextReReviewOn', '下次复评日期', entry.nextReReviewOn, {
        notBefore: reviewedOn && !reviewedProblem ? { date: reviewedOn, label: '复评日期' } : undefined,
      }),
    ]),
  );
  const next = entry.nextReReviewOn?.trim();
  if (next && reviewedOn && next === reviewedOn) {
    problems.push({ path: 'nextReReviewOn', message: '“下次复评日期”应晚于“复评日期”' });
  }
  return problems;
}
