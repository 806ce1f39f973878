import { DISPUTE_FIGURE_CODES, type DisputeFigureCode } from '../../../../shared/domain/disputes/figures';
import { SATISFIED } from '../../../../shared/domain/disputes/statuses';
import { inList } from '../../db/status-lists';
import type { FigureCases } from '../../ledger/list';

/**
 * The domain's dispute figures (shared/domain/disputes/figures.ts) as SQL over `disputes d`: the
 * disputes of each figure's denominator, and among them its numerator's. A test checks them against
 * the domain's `computeDisputeFigures`, as are the counters of the tallies 统计 reads (migration 0028).
 */
const ALL = '1 = 1';
const SETTLED = `d.result = 'settled'`;

export const FIGURE_CASES: Record<DisputeFigureCode, FigureCases> = {
  resolution_rate: { denominator: ALL, numerator: SETTLED },
  closure_rate: { denominator: ALL, numerator: 'd.result IS NOT NULL' },
  satisfaction_rate: {
    denominator: 'd.satisfaction IS NOT NULL',
    numerator: `d.satisfaction IN ${inList(SATISFIED)}`,
  },
  escalation_rate: { denominator: ALL, numerator: 'd.escalated = 1' },
  prevented_criminal: { denominator: SETTLED, numerator: 'd.prevented_criminal = 1' },
  prevented_collective: { denominator: SETTLED, numerator: 'd.prevented_collective = 1' },
};

/** Every figure's numerator and denominator as `sum(...)` columns of one aggregate statement. */
export const FIGURE_COLUMNS = DISPUTE_FIGURE_CODES.flatMap((code) => {
  const { denominator, numerator } = FIGURE_CASES[code];
  return [
    `sum(CASE WHEN (${denominator}) THEN 1 ELSE 0 END) AS ${code}_d`,
    `sum(CASE WHEN (${denominator}) AND (${numerator}) THEN 1 ELSE 0 END) AS ${code}_n`,
  ];
}).join(',\n  ');
