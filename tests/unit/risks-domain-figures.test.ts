import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_BREAKDOWNS,
  ASSESSMENT_FIGURES,
  computeRiskFigures,
  HAZARD_BREAKDOWNS,
  HAZARD_FIGURES,
  RISK_FIGURE_DEFINITIONS,
  TASK_FIGURES,
  type AssessmentFigureRecord,
  type HazardFigureRecord,
  type RiskLedger,
  type TaskFigureRecord,
} from '../../shared/domain/risks';

const today = '2026-06-15';
const T1 = '410102001000';
const T2 = '410102002000';
const T3 = '410102003000';
const T4 = '410102004000'; // not in the configured list
const context = { today, townshipCodes: [T1, T2, T3] };

const h = (
  id: string,
  status: HazardFigureRecord['status'],
  level: HazardFigureRecord['level'],
  townshipCode: string,
) => ({
  id,
  status,
  level,
  townshipCode,
});
// A hand-built ledger; the comments say what each record contributes.
const hazards: HazardFigureRecord[] = [
  h('h1', 'found', 'red', T1), // open
  h('h2', 'resolving', 'red', T2), // open
  h('h3', 'resolving', 'orange', T1), // open
  h('h4', 'resolved', 'orange', T1), // resolved: not open
  h('h5', 'closed', 'yellow', T2), // closed out
  h('h6', 'found', 'yellow', T1), // open
  h('h7', 'resolving', 'blue', T4), // open, in a township missing from the list
  h('h8', 'closed', 'blue', T3), // closed out: T3 has no open hazard
  h('h9', 'found', 'yellow', T2), // open
];

const a = (
  id: string,
  status: AssessmentFigureRecord['status'],
  riskLevelAfter: AssessmentFigureRecord['riskLevelAfter'],
  recommendedConclusion: AssessmentFigureRecord['recommendedConclusion'],
  decision: AssessmentFigureRecord['decision'],
): AssessmentFigureRecord => ({ id, status, riskLevelAfter, recommendedConclusion, decision });
const assessments: AssessmentFigureRecord[] = [
  a('a1', 'registered', null, null, null), // nowhere
  a('a2', 'assessing', 'low', null, null), // a draft level: not submitted
  a('a3', 'pending_decision', 'medium', 'postpone', null), // submitted, not decided
  a('a4', 'decided', 'low', 'implement', 'implement'), // follows the recommendation
  a('a5', 'tracking', 'medium', 'postpone', 'implement'), // departs from it
  a('a6', 'archived', 'high', 'reject', 'reject'), // follows
  a('a7', 'archived', 'medium', 'postpone', 'postpone'), // follows
  a('a8', 'decided', 'high', 'reject', 'postpone'), // departs
];

const t = (
  id: string,
  kind: TaskFigureRecord['kind'],
  status: TaskFigureRecord['status'],
  dueDate: string | null,
  completedOn: string | null = null,
): TaskFigureRecord => ({ id, kind, status, dueDate, completedOn });
const tasks: TaskFigureRecord[] = [
  t('t1', 'measure', 'pending', '2026-06-14'), // overdue by a day
  t('t2', 'measure', 'in_progress', '2026-06-15'), // due today: in time
  t('t3', 'measure', 'in_progress', '2026-05-31'), // overdue
  t('t4', 'measure', 'done', '2026-06-01', '2026-05-30'), // completed on time
  t('t5', 'measure', 'done', '2026-06-01', '2026-06-02'), // completed late
  t('t6', 'measure', 'cancelled', '2026-05-01'), // cancelled: counts nowhere
  t('t7', 'measure', 'pending', null), // no deadline: outside the overdue figure
  t('t8', 'assignment', 'pending', '2026-06-10'), // overdue assignment
  t('t9', 'assignment', 'done', '2026-06-10', '2026-06-10'), // completed: not a measure
  t('t10', 'assignment', 'in_progress', '2026-07-01'), // open in time
  t('t11', 'measure', 'done', '2026-06-20', '2026-06-20'), // completed on the due day: on time
];

const ledger: RiskLedger = { hazards, assessments, tasks };

const figure = <R extends { id: string }>(
  defs: readonly {
    code: string;
    inNumerator(r: R, c: typeof context): boolean;
    inDenominator(r: R, c: typeof context): boolean;
  }[],
  code: string,
) => defs.find((d) => d.code === code)!;

describe('risk figure definitions', () => {
  it('defines each figure once, with a Chinese name and both parts described', () => {
    expect(RISK_FIGURE_DEFINITIONS.map((d) => d.code)).toEqual([
      'open_hazards',
      'hazard_resolution_rate',
      'decision_follows_recommendation',
      'overdue_measures',
      'measure_on_time_rate',
      'overdue_assignments',
      'open_hazards_by_level',
      'open_hazards_by_township',
      'assessments_by_level',
      'assessments_by_decision',
    ]);
    for (const def of RISK_FIGURE_DEFINITIONS) {
      expect(def.name).toMatch(/[\u4e00-\u9fff]/);
      expect(def.numeratorLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(def.denominatorLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(def.numeratorLabel).not.toBe(def.denominatorLabel);
    }
  });
});

describe('figures over a hand-built ledger on 2026-06-15', () => {
  const result = computeRiskFigures(ledger, context);

  it('open hazards: 6 open of 9; resolution rate 3 of 9', () => {
    expect(result.figures.open_hazards).toEqual({ numerator: 6, denominator: 9, rate: 6 / 9 });
    expect(result.figures.hazard_resolution_rate).toEqual({ numerator: 3, denominator: 9, rate: 3 / 9 });
    const open = figure(HAZARD_FIGURES, 'open_hazards');
    expect(hazards.filter((r) => open.inNumerator(r, context)).map((r) => r.id)).toEqual([
      'h1',
      'h2',
      'h3',
      'h6',
      'h7',
      'h9',
    ]);
  });

  it('open hazards by colour: 红 2, 橙 1, 黄 2, 蓝 1 of 6', () => {
    expect(result.breakdowns.open_hazards_by_level).toEqual([
      { key: 'red', label: '红色', numerator: 2, denominator: 6, rate: 2 / 6 },
      { key: 'orange', label: '橙色', numerator: 1, denominator: 6, rate: 1 / 6 },
      { key: 'yellow', label: '黄色', numerator: 2, denominator: 6, rate: 2 / 6 },
      { key: 'blue', label: '蓝色', numerator: 1, denominator: 6, rate: 1 / 6 },
    ]);
    const byLevel = HAZARD_BREAKDOWNS[0];
    expect(hazards.filter((r) => byLevel.inNumerator(r, 'yellow', context)).map((r) => r.id)).toEqual(['h6', 'h9']);
  });

  it('open hazards by township: the listed townships in order (T3 at 0), then one missing from the list', () => {
    expect(result.breakdowns.open_hazards_by_township.map((r) => [r.key, r.numerator, r.denominator])).toEqual([
      [T1, 3, 6],
      [T2, 2, 6],
      [T3, 0, 6],
      [T4, 1, 6],
    ]);
    const sum = result.breakdowns.open_hazards_by_township.reduce((s, r) => s + r.numerator, 0);
    expect(sum).toBe(6);
    // Without a list, only the townships with open hazards, by code.
    expect(HAZARD_BREAKDOWNS[1].compute(hazards, { today }).map((r) => r.key)).toEqual([T1, T2, T4]);
  });

  it('assessments by residual level: 高 2, 中 3, 低 1 of the 6 submitted', () => {
    expect(result.breakdowns.assessments_by_level).toEqual([
      { key: 'high', label: '高', numerator: 2, denominator: 6, rate: 2 / 6 },
      { key: 'medium', label: '中', numerator: 3, denominator: 6, rate: 3 / 6 },
      { key: 'low', label: '低', numerator: 1, denominator: 6, rate: 1 / 6 },
    ]);
    const byLevel = ASSESSMENT_BREAKDOWNS[0];
    expect(assessments.filter((r) => byLevel.inNumerator(r, 'low', context)).map((r) => r.id)).toEqual(['a4']);
  });

  it('assessments by decision: 实施 2, 暂缓实施 2, 不实施 1 of the 5 decided', () => {
    expect(result.breakdowns.assessments_by_decision).toEqual([
      { key: 'implement', label: '实施', numerator: 2, denominator: 5, rate: 2 / 5 },
      { key: 'postpone', label: '暂缓实施', numerator: 2, denominator: 5, rate: 2 / 5 },
      { key: 'reject', label: '不实施', numerator: 1, denominator: 5, rate: 1 / 5 },
    ]);
  });

  it('recommendations followed: 3 of 5 decisions', () => {
    expect(result.figures.decision_follows_recommendation).toEqual({ numerator: 3, denominator: 5, rate: 3 / 5 });
    const def = figure(ASSESSMENT_FIGURES, 'decision_follows_recommendation');
    expect(assessments.filter((r) => def.inNumerator(r, context)).map((r) => r.id)).toEqual(['a4', 'a6', 'a7']);
  });

  it('overdue measures: 2 of the 3 open measures with a deadline; cancelled and undated ones out', () => {
    expect(result.figures.overdue_measures).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    const def = figure(TASK_FIGURES, 'overdue_measures');
    expect(tasks.filter((r) => def.inNumerator(r, context)).map((r) => r.id)).toEqual(['t1', 't3']);
    expect(tasks.filter((r) => def.inDenominator(r, context)).map((r) => r.id)).toEqual(['t1', 't2', 't3']);
  });

  it('measures completed on time: 2 of 3; overdue assignments: 1 of 2', () => {
    expect(result.figures.measure_on_time_rate).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(result.figures.overdue_assignments).toEqual({ numerator: 1, denominator: 2, rate: 1 / 2 });
  });

  it('gives no rate over an empty ledger', () => {
    const empty = computeRiskFigures({ hazards: [], assessments: [], tasks: [] }, { today });
    expect(empty.figures.open_hazards).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(empty.breakdowns.open_hazards_by_level.map((r) => r.rate)).toEqual([null, null, null, null]);
    expect(empty.breakdowns.open_hazards_by_township).toEqual([]);
  });
});
