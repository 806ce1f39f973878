import { describe, expect, it } from 'vitest';
import {
  computeAllMetrics,
  meetsTarget,
  PETITION_METRIC_CODES,
  PETITION_METRICS,
  petitionMetric,
  type PetitionMetricRecord,
} from '../../shared/domain/petitions/metrics';
import { formatRate, resultOf } from '../../shared/domain/ledger/figures';
import type { PetitionStatus } from '../../shared/domain/petitions/statuses';

const today = '2026-06-15';
const context = { today };

const rec = (
  id: string,
  status: PetitionStatus,
  dueDate: string | null,
  concludedOn: string | null,
  petitionCount: number,
  responsibleLeaderId: string | null,
  statutoryDueDate: string | null = null,
): PetitionMetricRecord => ({ id, status, dueDate, statutoryDueDate, concludedOn, petitionCount, responsibleLeaderId });

// A hand-built ledger; the comment on each line says what it contributes.
const ledger: PetitionMetricRecord[] = [
  rec('r1', 'closed', '2026-05-31', '2026-05-20', 3, 'L1'), // concluded early; repeat; leader resolved
  rec('r2', 'resolved', '2026-05-31', '2026-06-05', 1, 'L1'), // concluded late; leader resolved
  rec('r3', 'resolved', '2026-06-30', '2026-06-10', 2, null), // concluded on time; repeat
  rec('r4', 'closed', '2026-04-30', '2026-04-29', 1, 'L2'), // concluded on time; leader resolved
  rec('r5', 'resolving', '2026-06-14', null, 4, 'L2'), // overdue by a day; repeat; leader open
  rec('r6', 'resolving', '2026-06-15', null, 1, 'L3'), // due today: not overdue; leader open
  rec('r7', 'assigned', '2026-06-01', null, 2, null), // overdue; repeat
  rec('r8', 'classified', null, null, 1, ''), // no due date; an empty leader is no leader
  rec('r9', 'found', null, null, 6, null), // just found: still counts in the backlog; repeat
  rec('r10', 'assigned', '2026-07-31', null, 1, 'L1'), // open in time; leader open
  rec('r11', 'resolved', null, '2026-06-01', 1, null), // concluded without a due date: not on time
  rec('r12', 'closed', '2026-05-31', '2026-05-31', 2, 'L3'), // concluded on the due day: on time; repeat; leader resolved
  rec('r13', 'resolving', '2026-06-16', null, 1, 'L2'), // open in time; leader open
];

const ids = (code: (typeof PETITION_METRIC_CODES)[number], part: 'inNumerator' | 'inDenominator') =>
  ledger.filter((r) => petitionMetric(code)[part](r, context)).map((r) => r.id);

describe('办结 and 化解 apart', () => {
  it('counts a replied case as concluded (办结) but not resolved (化解), and judges 按期 by the statutory date', () => {
    const cases = [
      rec('a', 'replied', '2026-06-01', '2026-06-10', 1, 'L1', '2026-06-20'), // on time by Art. 34, late by 办理时限
      rec('b', 'final', '2026-06-30', '2026-06-25', 1, null, '2026-06-20'), // late by Art. 34 though within 办理时限
      rec('c', 'resolved', '2026-06-30', '2026-06-05', 1, 'L1'), // no statutory date: the 办理时限
      rec('d', 'not_accepted', null, null, 1, null), // refused: neither open nor concluded
      rec('e', 'accepted', null, null, 1, null), // open, no 办理时限 yet
    ];
    const results = computeAllMetrics(cases, context);
    expect(results.resolution_rate).toEqual(resultOf(1, 5));
    expect(results.on_time_rate).toEqual(resultOf(2, 3));
    expect(results.leader_resolution_rate).toEqual(resultOf(1, 2));
    expect(results.overdue).toEqual(resultOf(0, 0));
  });
});

describe('metric definitions', () => {
  it('defines each figure once, with a Chinese name and both parts described', () => {
    expect(PETITION_METRICS.map((m) => m.code)).toEqual([...PETITION_METRIC_CODES]);
    expect(PETITION_METRICS.map((m) => m.name)).toEqual([
      '办结率',
      '化解率',
      '按期办结率',
      '超期积案',
      '重复信访积案',
      '重复信访次数',
      '包案化解率',
    ]);
    for (const metric of PETITION_METRICS) {
      expect(metric.numeratorLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(metric.denominatorLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(metric.numeratorLabel).not.toBe(metric.denominatorLabel);
    }
  });

  it('sets the 85% target on the leader resolution rate only', () => {
    expect(PETITION_METRICS.filter((m) => m.target !== null).map((m) => [m.code, m.target])).toEqual([
      ['leader_resolution_rate', 0.85],
    ]);
  });
});

describe('metrics over a hand-built ledger of 13 cases on 2026-06-15', () => {
  it('conclusion rate (办结率): 6 concluded ÷ 8 due (the 6 and the 2 overdue); due today is not due yet', () => {
    expect(ids('conclusion_rate', 'inNumerator')).toEqual(['r1', 'r2', 'r3', 'r4', 'r11', 'r12']);
    expect(ids('conclusion_rate', 'inDenominator')).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r11', 'r12']);
    expect(petitionMetric('conclusion_rate').compute(ledger, context)).toEqual(resultOf(6, 8));
    expect(petitionMetric('conclusion_rate').denominatorLabel).toContain('办理时限已过');
    // Its own metric, never 化解率 under another name: the denominators differ.
    expect(petitionMetric('resolution_rate').compute(ledger, context)).toEqual(resultOf(6, 13));
  });

  it('resolution rate: 6 resolved or closed ÷ all 13 cases, found and classified included', () => {
    expect(petitionMetric('resolution_rate').compute(ledger, context)).toEqual({
      numerator: 6,
      denominator: 13,
      rate: 6 / 13,
    });
    expect(ids('resolution_rate', 'inNumerator')).toEqual(['r1', 'r2', 'r3', 'r4', 'r11', 'r12']);
    expect(ids('resolution_rate', 'inDenominator')).toHaveLength(13);
  });

  it('on-time rate: 4 concluded on or before the due date ÷ 6 concluded', () => {
    expect(petitionMetric('on_time_rate').compute(ledger, context)).toEqual({
      numerator: 4,
      denominator: 6,
      rate: 4 / 6,
    });
    expect(ids('on_time_rate', 'inNumerator')).toEqual(['r1', 'r3', 'r4', 'r12']);
  });

  it('overdue: 2 open cases past their due date ÷ 5 open cases with a due date; the due day is not overdue', () => {
    expect(petitionMetric('overdue').compute(ledger, context)).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    expect(ids('overdue', 'inNumerator')).toEqual(['r5', 'r7']);
    expect(ids('overdue', 'inDenominator')).toEqual(['r5', 'r6', 'r7', 'r10', 'r13']);
    expect(petitionMetric('overdue').compute(ledger, { today: '2026-06-16' }).numerator).toBe(3);
  });

  it('repeat cases: 6 petitioned more than once ÷ 13', () => {
    expect(petitionMetric('repeat_cases').compute(ledger, context)).toEqual({
      numerator: 6,
      denominator: 13,
      rate: 6 / 13,
    });
    expect(ids('repeat_cases', 'inNumerator')).toEqual(['r1', 'r3', 'r5', 'r7', 'r9', 'r12']);
  });

  it('repeat visits: 13 visits beyond each first ÷ 26 visits in all', () => {
    expect(petitionMetric('repeat_visits').compute(ledger, context)).toEqual({
      numerator: 13,
      denominator: 26,
      rate: 0.5,
    });
  });

  it('leader resolution rate: 4 resolved ÷ 8 cases with a responsible leader, below the 85% target', () => {
    const metric = petitionMetric('leader_resolution_rate');
    const result = metric.compute(ledger, context);
    expect(result).toEqual({ numerator: 4, denominator: 8, rate: 0.5 });
    expect(ids('leader_resolution_rate', 'inNumerator')).toEqual(['r1', 'r2', 'r4', 'r12']);
    expect(ids('leader_resolution_rate', 'inDenominator')).toEqual(['r1', 'r2', 'r4', 'r5', 'r6', 'r10', 'r12', 'r13']);
    expect(meetsTarget(metric, result)).toBe(false);
  });

  it('meets the 85% target at 7 of 8 and at exactly 85%', () => {
    const metric = petitionMetric('leader_resolution_rate');
    expect(meetsTarget(metric, resultOf(7, 8))).toBe(true);
    expect(meetsTarget(metric, resultOf(17, 20))).toBe(true);
    expect(meetsTarget(metric, resultOf(16, 20))).toBe(false);
    expect(meetsTarget(metric, resultOf(0, 0))).toBeNull();
    expect(meetsTarget(petitionMetric('resolution_rate'), resultOf(1, 2))).toBeNull();
  });

  it('computes all figures at once, the same as one by one', () => {
    const all = computeAllMetrics(ledger, context);
    for (const metric of PETITION_METRICS) expect(all[metric.code]).toEqual(metric.compute(ledger, context));
  });

  it('gives a null rate, not 0 or NaN, when there is nothing to divide', () => {
    const empty = computeAllMetrics([], context);
    for (const code of PETITION_METRIC_CODES) expect(empty[code]).toEqual({ numerator: 0, denominator: 0, rate: null });
    const nothingConcluded = petitionMetric('on_time_rate').compute([ledger[4], ledger[6]], context);
    expect(nothingConcluded).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it('drops a reopened case from the resolved count until it is resolved again', () => {
    const reopened = { ...ledger[0], status: 'resolving' as const, concludedOn: null };
    const result = petitionMetric('resolution_rate').compute([reopened, ...ledger.slice(1)], context);
    expect(result.numerator).toBe(5);
    expect(result.denominator).toBe(13);
  });
});

describe('formatting a rate', () => {
  it.each([
    [34509, 36045, '95.74%'],
    [85, 100, '85.00%'],
    [2, 3, '66.67%'],
    [1, 1, '100.00%'],
    [0, 7, '0.00%'],
    [0, 0, '—'],
    // Exact halves round up, though 0.07125 and 0.00125 are stored a hair below as binary fractions.
    [57, 800, '7.13%'],
    [1, 800, '0.13%'],
    [3, 400, '0.75%'],
    [3783, 4346, '87.05%'],
    [1, 3, '33.33%'],
    [199_999, 200_000, '100.00%'],
    [9_999_999, 10_000_000, '100.00%'],
  ])('%s ÷ %s prints as %s', (numerator, denominator, text) => {
    expect(formatRate({ numerator, denominator })).toBe(text);
  });
});
