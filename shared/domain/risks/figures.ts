/**
 * The risk ledger's figures, defined here and nowhere else (as petitions/metrics.ts is for the
 * backlog): each names its numerator and denominator in Chinese, has predicates naming the records
 * behind both parts (what a click opens), and a pure `compute` the backend's SQL is tested against.
 * Breakdowns (by colour, by township, by level, by decision) give one row per key, each with the
 * same denominator, so the shares of a breakdown add up to the whole.
 */
import { compareDates } from '../ledger/calendar';
import { resultOf, type MetricContext, type MetricResult } from '../ledger/figures';
import {
  ASSESSMENT_DECISION_LABELS,
  ASSESSMENT_DECISIONS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  type AssessmentConclusion,
  type AssessmentDecision,
  type RiskLevel,
} from './assessment-levels';
import type { AssessmentStatus } from './assessment-statuses';
import { HAZARD_LEVEL_LABELS, HAZARD_LEVELS, type HazardLevel } from './hazard-levels';
import { isHazardOpen, type HazardStatus } from './hazard-statuses';
import { isTaskOpen, type TaskKind, type TaskStatus } from './tasks';

export interface HazardFigureRecord {
  id: string;
  status: HazardStatus;
  level: HazardLevel;
  townshipCode: string;
}

export interface AssessmentFigureRecord {
  id: string;
  status: AssessmentStatus;
  /** The residual level (after mitigation) submitted for decision; null before. */
  riskLevelAfter: RiskLevel | null;
  recommendedConclusion: AssessmentConclusion | null;
  decision: AssessmentDecision | null;
}

export interface TaskFigureRecord {
  id: string;
  kind: TaskKind;
  status: TaskStatus;
  dueDate: string | null;
  completedOn: string | null;
}

export interface RiskFigureContext extends MetricContext {
  /** The county's townships in display order: the township breakdown lists each, even at 0. */
  townshipCodes?: readonly string[];
}

type Predicate<R> = (record: R, context: RiskFigureContext) => boolean;

export interface RiskFigure<R, C extends string = string> {
  code: C;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
  inNumerator: Predicate<R>;
  inDenominator: Predicate<R>;
  compute(records: readonly R[], context: RiskFigureContext): MetricResult;
}

export interface BreakdownRow<K extends string = string> extends MetricResult {
  key: K;
  /** Chinese label of the key; for a township, its code (the caller names it). */
  label: string;
}

export interface RiskBreakdown<R, C extends string = string, K extends string = string> {
  code: C;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
  /** The key a record counts under, or null when it has none. */
  keyOf(record: R): K | null;
  inDenominator: Predicate<R>;
  /** The records behind one row's numerator. */
  inNumerator(record: R, key: K, context: RiskFigureContext): boolean;
  compute(records: readonly R[], context: RiskFigureContext): BreakdownRow<K>[];
}

function countingFigure<R, C extends string>(def: Omit<RiskFigure<R, C>, 'compute'>): RiskFigure<R, C> {
  return {
    ...def,
    compute(records, context) {
      const denominator = records.filter((r) => def.inDenominator(r, context));
      return resultOf(denominator.filter((r) => def.inNumerator(r, context)).length, denominator.length);
    },
  };
}

function breakdown<R, C extends string, K extends string>(
  def: Omit<RiskBreakdown<R, C, K>, 'compute' | 'inNumerator'> & {
    keys(records: readonly R[], context: RiskFigureContext): readonly K[];
    label(key: K): string;
  },
): RiskBreakdown<R, C, K> {
  const { keys, label, ...rest } = def;
  const inNumerator = (record: R, key: K, context: RiskFigureContext) =>
    def.inDenominator(record, context) && def.keyOf(record) === key;
  return {
    ...rest,
    inNumerator,
    compute(records, context) {
      const denominator = records.filter((r) => def.inDenominator(r, context));
      return keys(records, context).map((key) => ({
        key,
        label: label(key),
        ...resultOf(denominator.filter((r) => def.keyOf(r) === key).length, denominator.length),
      }));
    },
  };
}

// --- hazards -----------------------------------------------------------------------------------

const openHazard: Predicate<HazardFigureRecord> = (r) => isHazardOpen(r.status);

export const HAZARD_FIGURE_CODES = ['open_hazards', 'hazard_resolution_rate'] as const;
export type HazardFigureCode = (typeof HAZARD_FIGURE_CODES)[number];

export const HAZARD_FIGURES: readonly RiskFigure<HazardFigureRecord, HazardFigureCode>[] = [
  countingFigure({
    code: 'open_hazards',
    name: '在办风险隐患',
    numeratorLabel: '在办隐患数（状态为“发现”或“化解中”）',
    denominatorLabel: '隐患总数（所选台账内全部隐患，含已化解、已销号）',
    inNumerator: openHazard,
    inDenominator: () => true,
  }),
  countingFigure({
    code: 'hazard_resolution_rate',
    name: '隐患化解率',
    numeratorLabel: '已化解隐患数（状态为“已化解”或“已销号”）',
    denominatorLabel: '隐患总数（所选台账内全部隐患，不剔除任何状态）',
    inNumerator: (r) => !isHazardOpen(r.status),
    inDenominator: () => true,
  }),
];

/**
 * 隐患化解率 over a 周点评's or 月通报's period: `hazard_resolution_rate` on the hazards the period
 * worked (open at its start or found in it), those resolved within it counting as resolved. Counted
 * in 处, never added to the cases' 件.
 */
export const PERIOD_HAZARD_RESOLUTION = {
  name: '隐患化解率',
  numeratorLabel: '期内化解的隐患数',
  denominatorLabel: '期内在办隐患数（期初在办 + 期内新发现）',
  of: (period: { openAtStart: number; new: number; resolved: number }): MetricResult =>
    resultOf(period.resolved, period.openAtStart + period.new),
} as const;

export const HAZARD_BREAKDOWN_CODES = ['open_hazards_by_level', 'open_hazards_by_township'] as const;
export type HazardBreakdownCode = (typeof HAZARD_BREAKDOWN_CODES)[number];

const townshipKeys = (records: readonly HazardFigureRecord[], context: RiskFigureContext): string[] => {
  const listed = context.townshipCodes ?? [];
  const extra = [...new Set(records.filter((r) => openHazard(r, context)).map((r) => r.townshipCode))]
    .filter((code) => !listed.includes(code))
    .sort();
  return [...listed, ...extra];
};

export const HAZARD_BREAKDOWNS = [
  breakdown<HazardFigureRecord, HazardBreakdownCode, HazardLevel>({
    code: 'open_hazards_by_level',
    name: '在办隐患（按风险等级）',
    numeratorLabel: '该颜色等级的在办隐患数',
    denominatorLabel: '在办隐患总数（状态为“发现”或“化解中”）',
    keyOf: (r) => r.level,
    inDenominator: openHazard,
    keys: () => HAZARD_LEVELS,
    label: (level) => HAZARD_LEVEL_LABELS[level],
  }),
  breakdown<HazardFigureRecord, HazardBreakdownCode, string>({
    code: 'open_hazards_by_township',
    name: '在办隐患（按乡镇/街道）',
    numeratorLabel: '该乡镇/街道的在办隐患数',
    denominatorLabel: '在办隐患总数（状态为“发现”或“化解中”）',
    keyOf: (r) => r.townshipCode,
    inDenominator: openHazard,
    keys: townshipKeys,
    label: (code) => code,
  }),
] as const;

// --- assessments -------------------------------------------------------------------------------

/** Submitted for decision or past it: the residual level and recommendation are final. */
const SUBMITTED: readonly AssessmentStatus[] = ['pending_decision', 'decided', 'tracking', 'archived'];
const DECIDED: readonly AssessmentStatus[] = ['decided', 'tracking', 'archived'];
const submitted: Predicate<AssessmentFigureRecord> = (r) => SUBMITTED.includes(r.status) && r.riskLevelAfter !== null;
const decided: Predicate<AssessmentFigureRecord> = (r) => DECIDED.includes(r.status) && r.decision !== null;

export const ASSESSMENT_FIGURE_CODES = ['decision_follows_recommendation'] as const;
export type AssessmentFigureCode = (typeof ASSESSMENT_FIGURE_CODES)[number];

export const ASSESSMENT_FIGURES: readonly RiskFigure<AssessmentFigureRecord, AssessmentFigureCode>[] = [
  countingFigure({
    code: 'decision_follows_recommendation',
    name: '评估建议采纳率',
    numeratorLabel: '决策与评估建议结论一致的稳评数',
    denominatorLabel: '已决策稳评数（已决策、跟踪中、已归档）',
    inNumerator: (r, c) => decided(r, c) && r.recommendedConclusion !== null && r.decision === r.recommendedConclusion,
    inDenominator: decided,
  }),
];

export const ASSESSMENT_BREAKDOWN_CODES = ['assessments_by_level', 'assessments_by_decision'] as const;
export type AssessmentBreakdownCode = (typeof ASSESSMENT_BREAKDOWN_CODES)[number];

export const ASSESSMENT_BREAKDOWNS = [
  breakdown<AssessmentFigureRecord, AssessmentBreakdownCode, RiskLevel>({
    code: 'assessments_by_level',
    name: '稳评（按剩余风险等级）',
    numeratorLabel: '剩余风险等级为该等级的稳评数',
    denominatorLabel: '已提请决策的稳评数（待决策、已决策、跟踪中、已归档）',
    keyOf: (r) => r.riskLevelAfter,
    inDenominator: submitted,
    keys: () => RISK_LEVELS,
    label: (level) => RISK_LEVEL_LABELS[level],
  }),
  breakdown<AssessmentFigureRecord, AssessmentBreakdownCode, AssessmentDecision>({
    code: 'assessments_by_decision',
    name: '稳评（按决策结果）',
    numeratorLabel: '决策结果为该项的稳评数',
    denominatorLabel: '已决策稳评数（已决策、跟踪中、已归档）',
    keyOf: (r) => r.decision,
    inDenominator: decided,
    keys: () => ASSESSMENT_DECISIONS,
    label: (decision) => ASSESSMENT_DECISION_LABELS[decision],
  }),
] as const;

// --- measures and assigned tasks ---------------------------------------------------------------

const openWithDeadline =
  (kind: TaskKind): Predicate<TaskFigureRecord> =>
  (r) =>
    r.kind === kind && isTaskOpen(r.status) && r.dueDate !== null;
const overdue =
  (kind: TaskKind): Predicate<TaskFigureRecord> =>
  (r, context) =>
    openWithDeadline(kind)(r, context) && compareDates(r.dueDate!, context.today) < 0;
const completed =
  (kind: TaskKind): Predicate<TaskFigureRecord> =>
  (r) =>
    r.kind === kind && r.status === 'done';

export const TASK_FIGURE_CODES = ['overdue_measures', 'measure_on_time_rate', 'overdue_assignments'] as const;
export type TaskFigureCode = (typeof TASK_FIGURE_CODES)[number];

export const TASK_FIGURES: readonly RiskFigure<TaskFigureRecord, TaskFigureCode>[] = [
  countingFigure({
    code: 'overdue_measures',
    name: '超期化解措施',
    numeratorLabel: '超期措施数（今天已过完成时限且未完成、未撤销）',
    denominatorLabel: '有完成时限的在办措施数（待落实、落实中）',
    inNumerator: overdue('measure'),
    inDenominator: openWithDeadline('measure'),
  }),
  countingFigure({
    code: 'measure_on_time_rate',
    name: '措施按期完成率',
    numeratorLabel: '按期完成措施数（完成日期不晚于完成时限）',
    denominatorLabel: '已完成措施数（不含已撤销）',
    inNumerator: (r, c) =>
      completed('measure')(r, c) &&
      r.dueDate !== null &&
      r.completedOn !== null &&
      compareDates(r.completedOn, r.dueDate) <= 0,
    inDenominator: completed('measure'),
  }),
  countingFigure({
    code: 'overdue_assignments',
    name: '超期交办事项',
    numeratorLabel: '超期交办事项数（今天已过完成时限且未完成、未撤销）',
    denominatorLabel: '有完成时限的在办交办事项数（待落实、落实中）',
    inNumerator: overdue('assignment'),
    inDenominator: openWithDeadline('assignment'),
  }),
];

/**
 * The hazards behind 超期化解措施 as the hazard ledger lists them (what a click opens): those owning
 * at least one measure of the part; one hazard may own several.
 */
export const HAZARDS_OF_OVERDUE_MEASURES = {
  numeratorLabel: '有超期措施的隐患数',
  denominatorLabel: '有在办措施（待落实、落实中且有完成时限）的隐患数',
} as const;

// --- all at once -------------------------------------------------------------------------------

export type RiskFigureCode = HazardFigureCode | AssessmentFigureCode | TaskFigureCode;
export type RiskBreakdownCode = HazardBreakdownCode | AssessmentBreakdownCode;

export interface RiskLedger {
  hazards: readonly HazardFigureRecord[];
  assessments: readonly AssessmentFigureRecord[];
  tasks: readonly TaskFigureRecord[];
}

export interface RiskFigures {
  figures: Record<RiskFigureCode, MetricResult>;
  breakdowns: Record<RiskBreakdownCode, BreakdownRow[]>;
}

export function computeRiskFigures(ledger: RiskLedger, context: RiskFigureContext): RiskFigures {
  const entries = <R>(
    defs: readonly { code: string; compute(records: readonly R[], c: RiskFigureContext): unknown }[],
    records: readonly R[],
  ) => defs.map((d) => [d.code, d.compute(records, context)] as const);
  return {
    figures: Object.fromEntries([
      ...entries(HAZARD_FIGURES, ledger.hazards),
      ...entries(ASSESSMENT_FIGURES, ledger.assessments),
      ...entries(TASK_FIGURES, ledger.tasks),
    ]) as Record<RiskFigureCode, MetricResult>,
    breakdowns: Object.fromEntries([
      ...entries<HazardFigureRecord>(HAZARD_BREAKDOWNS, ledger.hazards),
      ...entries<AssessmentFigureRecord>(ASSESSMENT_BREAKDOWNS, ledger.assessments),
    ]) as Record<RiskBreakdownCode, BreakdownRow[]>,
  };
}

/** Every figure and breakdown definition by code, for the drill-down and the "how is it counted" tip. */
export const RISK_FIGURE_DEFINITIONS = [
  ...HAZARD_FIGURES,
  ...ASSESSMENT_FIGURES,
  ...TASK_FIGURES,
  ...HAZARD_BREAKDOWNS,
  ...ASSESSMENT_BREAKDOWNS,
].map(({ code, name, numeratorLabel, denominatorLabel }) => ({ code, name, numeratorLabel, denominatorLabel }));
