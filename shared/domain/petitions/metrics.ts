/**
 * The figures the county is judged by, defined here and nowhere else. No national formula exists,
 * so each names its numerator and denominator in Chinese (shown next to the figure), and each has
 * predicates naming the cases behind it (what a click on the figure opens). The backend's SQL is
 * tested against `compute` on the same records.
 *
 * The records are the ledger the caller selected (a period, a township, a unit): nothing is
 * dropped here by status, so a case cannot leave a figure by staying unclassified.
 */
import { compareDates } from '../ledger/calendar';
import { resultOf, type MetricContext, type MetricResult } from '../ledger/figures';
import {
  isConcluded,
  isOpen,
  isResolved,
  PETITION_STATUS_LABELS,
  RESOLVED_STATUSES,
  type PetitionStatus,
} from './statuses';

export interface PetitionMetricRecord {
  id: string;
  status: PetitionStatus;
  /** The current deadline (after any transfer or extension); null before assignment. */
  dueDate: string | null;
  /** Art. 34's conclusion date (extension included) where the item has one: 按期 is judged by it. */
  statutoryDueDate: string | null;
  /** The day the written reply was issued (办结日, Art. 32). */
  concludedOn: string | null;
  /** Times petitioned, at least 1. */
  petitionCount: number;
  responsibleLeaderId: string | null;
}

export const PETITION_METRIC_CODES = [
  'conclusion_rate',
  'resolution_rate',
  'on_time_rate',
  'overdue',
  'repeat_cases',
  'repeat_visits',
  'leader_resolution_rate',
] as const;
export type PetitionMetricCode = (typeof PETITION_METRIC_CODES)[number];

export interface PetitionMetric {
  code: PetitionMetricCode;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
  /** The rate the county aims at, or null when none is set. */
  target: number | null;
  /** The cases behind the numerator and the denominator. */
  inNumerator(record: PetitionMetricRecord, context: MetricContext): boolean;
  inDenominator(record: PetitionMetricRecord, context: MetricContext): boolean;
  compute(records: readonly PetitionMetricRecord[], context: MetricContext): MetricResult;
}

type Predicate = (record: PetitionMetricRecord, context: MetricContext) => boolean;

/** A metric that counts cases: numerator and denominator are numbers of records. */
function countingMetric(
  def: Omit<PetitionMetric, 'compute' | 'inNumerator' | 'inDenominator' | 'target'> & {
    target?: number;
    inNumerator: Predicate;
    inDenominator: Predicate;
  },
): PetitionMetric {
  return {
    ...def,
    target: def.target ?? null,
    compute(records, context) {
      const denominator = records.filter((r) => def.inDenominator(r, context));
      return resultOf(denominator.filter((r) => def.inNumerator(r, context)).length, denominator.length);
    },
  };
}

const statusNames = (statuses: readonly PetitionStatus[]) =>
  statuses.map((s) => `“${PETITION_STATUS_LABELS[s]}”`).join('或');

const all: Predicate = () => true;
const concluded: Predicate = (r) => isConcluded(r.status);
const resolved: Predicate = (r) => isResolved(r.status);
/** 按期办结: the reply on or before the statutory date where there is one, else the 办理时限. */
const onTime: Predicate = (r) => {
  const due = r.statutoryDueDate ?? r.dueDate;
  return isConcluded(r.status) && due !== null && r.concludedOn !== null && compareDates(r.concludedOn, due) <= 0;
};
const openWithDeadline: Predicate = (r) => isOpen(r.status) && r.dueDate !== null;
const overdue: Predicate = (r, { today }) =>
  openWithDeadline(r, { today }) && compareDates(r.dueDate ?? today, today) < 0;
/** Due for 办结: concluded already, or open with its 办理时限 passed (the overdue ones). */
const due: Predicate = (r, context) => concluded(r, context) || overdue(r, context);
const repeat: Predicate = (r) => r.petitionCount > 1;
const packaged: Predicate = (r) => r.responsibleLeaderId !== null && r.responsibleLeaderId !== '';
const packagedAndResolved: Predicate = (r, context) => packaged(r, context) && resolved(r, context);

/** 包案化解率 target commonly set by counties. */
export const LEADER_RESOLUTION_TARGET = 0.85;

export const PETITION_METRICS: readonly PetitionMetric[] = [
  countingMetric({
    code: 'conclusion_rate',
    name: '办结率',
    numeratorLabel: '已办结积案数（已出具处理意见书）',
    denominatorLabel: '应办结积案数（已办结的积案，加上办理时限已过、今天仍未办结的积案）',
    inNumerator: concluded,
    inDenominator: due,
  }),
  countingMetric({
    code: 'resolution_rate',
    name: '化解率',
    numeratorLabel: `已化解积案数（状态为${statusNames(RESOLVED_STATUSES)}）`,
    denominatorLabel: '积案总数（所选台账内全部积案，含排查、梳理分类阶段，不剔除任何状态）',
    inNumerator: resolved,
    inDenominator: all,
  }),
  countingMetric({
    code: 'on_time_rate',
    name: '按期办结率',
    numeratorLabel: '按期办结数（答复日期不晚于法定办结期限的已办结积案；无法定期限的按办理时限）',
    denominatorLabel: '已办结积案数（已出具处理意见书）',
    inNumerator: onTime,
    inDenominator: concluded,
  }),
  countingMetric({
    code: 'overdue',
    name: '超期积案',
    numeratorLabel: '超期积案数（今天已过办理时限且尚未办结）',
    denominatorLabel: '有办理时限的在办积案数',
    inNumerator: overdue,
    inDenominator: openWithDeadline,
  }),
  countingMetric({
    code: 'repeat_cases',
    name: '重复信访积案',
    numeratorLabel: '重复信访积案数（信访次数多于 1 次）',
    denominatorLabel: '积案总数（所选台账内全部积案）',
    inNumerator: repeat,
    inDenominator: all,
  }),
  {
    code: 'repeat_visits',
    name: '重复信访次数',
    numeratorLabel: '重复信访次数（每案信访次数减 1 后相加）',
    denominatorLabel: '信访总次数（每案信访次数相加）',
    target: null,
    inNumerator: repeat,
    inDenominator: all,
    compute: (records) =>
      resultOf(
        records.reduce((sum, r) => sum + Math.max(0, r.petitionCount - 1), 0),
        records.reduce((sum, r) => sum + r.petitionCount, 0),
      ),
  },
  countingMetric({
    code: 'leader_resolution_rate',
    name: '包案化解率',
    numeratorLabel: `包案已化解数（有包案领导且状态为${statusNames(RESOLVED_STATUSES)}）`,
    denominatorLabel: '包案积案数（有包案领导的积案）',
    target: LEADER_RESOLUTION_TARGET,
    inNumerator: packagedAndResolved,
    inDenominator: packaged,
  }),
];

export function petitionMetric(code: PetitionMetricCode): PetitionMetric {
  const metric = PETITION_METRICS.find((m) => m.code === code);
  if (!metric) throw new Error(`未定义的指标：${code}`);
  return metric;
}

export const computeAllMetrics = (
  records: readonly PetitionMetricRecord[],
  context: MetricContext,
): Record<PetitionMetricCode, MetricResult> =>
  Object.fromEntries(PETITION_METRICS.map((m) => [m.code, m.compute(records, context)])) as Record<
    PetitionMetricCode,
    MetricResult
  >;

/** Whether a result reaches the metric's target; null when there is no target or no rate. */
export const meetsTarget = (metric: PetitionMetric, result: MetricResult): boolean | null =>
  metric.target === null || result.rate === null ? null : result.rate >= metric.target;

/**
 * 办结率 and 化解率 from counts, as the tallies and reports hold them: the definitions above, not
 * new ones. 办结率's denominator is the concluded cases plus the overdue ones (open, 办理时限 passed).
 */
export const conclusionRateOf = (counts: { concluded: number; overdue: number }): MetricResult =>
  resultOf(counts.concluded, counts.concluded + counts.overdue);
export const resolutionRateOf = (counts: { resolved: number; cases: number }): MetricResult =>
  resultOf(counts.resolved, counts.cases);

/**
 * 化解率 over a 周点评's or 月通报's period: `resolution_rate` on the cases the period worked (open
 * at its start or registered in it), those resolved within it counting as resolved.
 */
export const PERIOD_RESOLUTION = {
  name: '化解率',
  numeratorLabel: '期内化解的积案数',
  denominatorLabel: '期内在办积案数（期初在办 + 期内新登记）',
  of: (period: { openAtStart: number; new: number; resolved: number }): MetricResult =>
    resolutionRateOf({ resolved: period.resolved, cases: period.openAtStart + period.new }),
} as const;

/** 办结率 at the end of a period: the cases concluded by its last day ÷ those plus the ones overdue then. */
export const PERIOD_CONCLUSION = {
  name: '办结率',
  numeratorLabel: '截至期末已办结的积案数',
  denominatorLabel: '截至期末应办结的积案数（已办结，加上期末已过办理时限仍未办结的）',
} as const;
