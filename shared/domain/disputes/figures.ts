/**
 * The dispute figures, defined here and nowhere else: each names its numerator and denominator, a
 * predicate for each part (what a click opens) and `compute`, the reference the backend's SQL is
 * tested against. Rates print with `formatRate` (two decimals, exact half up: 34,509 ÷ 36,045 =
 * 95.74%). The breakdowns (by level, category, township, unit) give every figure per key.
 */
import { resultOf, type MetricResult } from '../ledger/figures';
import type { DisputeLevel } from './levels';
import { SATISFIED, type DisputeResult, type Satisfaction } from './statuses';

export interface DisputeFigureRecord {
  result: DisputeResult | null;
  /** Ever moved up a level (上交), whatever followed. */
  escalated: boolean;
  satisfaction: Satisfaction | null;
  preventedCriminal: boolean;
  preventedCriminalPeople: number;
  preventedCollective: boolean;
  level: DisputeLevel;
}

export const DISPUTE_FIGURE_CODES = [
  'resolution_rate',
  'closure_rate',
  'satisfaction_rate',
  'escalation_rate',
  'prevented_criminal',
  'prevented_collective',
] as const;
export type DisputeFigureCode = (typeof DISPUTE_FIGURE_CODES)[number];

type Predicate = (record: DisputeFigureRecord) => boolean;

export interface DisputeFigure {
  code: DisputeFigureCode;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
  inDenominator: Predicate;
  inNumerator: Predicate;
}

const all: Predicate = () => true;
const settled: Predicate = (r) => r.result === 'settled';

export const DISPUTE_FIGURES: Record<DisputeFigureCode, DisputeFigure> = {
  resolution_rate: {
    code: 'resolution_rate',
    name: '化解率',
    numeratorLabel: '化解数（调解成功）',
    denominatorLabel: '受理数',
    inDenominator: all,
    inNumerator: settled,
  },
  closure_rate: {
    code: 'closure_rate',
    name: '办结率',
    numeratorLabel: '办结数（已有处理结果）',
    denominatorLabel: '受理数',
    inDenominator: all,
    inNumerator: (r) => r.result !== null,
  },
  satisfaction_rate: {
    code: 'satisfaction_rate',
    name: '回访满意率',
    numeratorLabel: '满意和基本满意',
    denominatorLabel: '已回访',
    inDenominator: (r) => r.satisfaction !== null,
    inNumerator: (r) => r.satisfaction !== null && SATISFIED.includes(r.satisfaction),
  },
  escalation_rate: {
    code: 'escalation_rate',
    name: '上交率',
    numeratorLabel: '曾上交上级',
    denominatorLabel: '受理数',
    inDenominator: all,
    inNumerator: (r) => r.escalated,
  },
  prevented_criminal: {
    code: 'prevented_criminal',
    name: '防止民转刑',
    numeratorLabel: '防止民转刑（件）',
    denominatorLabel: '化解数',
    inDenominator: settled,
    inNumerator: (r) => settled(r) && r.preventedCriminal,
  },
  prevented_collective: {
    code: 'prevented_collective',
    name: '防止群体性上访',
    numeratorLabel: '防止群体性上访（件）',
    denominatorLabel: '化解数',
    inDenominator: settled,
    inNumerator: (r) => settled(r) && r.preventedCollective,
  },
};

export type DisputeFigureResults = Record<DisputeFigureCode, MetricResult>;

/** Records alike in everything the figures read, `count` of them (1 when absent). */
export type DisputeFigureGroup = DisputeFigureRecord & { count?: number };

const weightOf = (records: readonly DisputeFigureGroup[]): number => records.reduce((n, r) => n + (r.count ?? 1), 0);

/** Every figure over the records or groups of records (the reference for the SQL). */
export function computeDisputeFigures(records: readonly DisputeFigureGroup[]): DisputeFigureResults {
  const out = {} as DisputeFigureResults;
  for (const code of DISPUTE_FIGURE_CODES) {
    const figure = DISPUTE_FIGURES[code];
    const denominator = records.filter(figure.inDenominator);
    out[code] = resultOf(weightOf(denominator.filter(figure.inNumerator)), weightOf(denominator));
  }
  return out;
}

/** 防止民转刑 in persons: the people of the disputes counted in its numerator (a group's, summed). */
export const preventedCriminalPeople = (records: readonly DisputeFigureRecord[]): number =>
  records.filter(DISPUTE_FIGURES.prevented_criminal.inNumerator).reduce((n, r) => n + r.preventedCriminalPeople, 0);

export const DISPUTE_BREAKDOWNS = ['level', 'category', 'township', 'unit'] as const;
export type DisputeBreakdown = (typeof DISPUTE_BREAKDOWNS)[number];
export const DISPUTE_BREAKDOWN_LABELS: Record<DisputeBreakdown, string> = {
  level: '按层级',
  category: '按类别',
  township: '按乡镇',
  unit: '按归口单位',
};
