import type { PetitionMetricCode } from '../../../../shared/domain/petitions/metrics';
import { PETITION_TALLIES } from '../../db/migrations/0019-open-tally';
import type { FigureCases } from '../../ledger/list';

const overdue = (p: string) => `${PETITION_TALLIES.open_due(p)} AND ${p}.due_date < @today`;

/**
 * The cases behind each metric's denominator and, among them, its numerator, as conditions on a
 * case row `p`: what a click on a figure lists (ledger/list.ts). Overdue is a matter of the date
 * (`@today`), and so are the cases due for 办结; repeat visits are sums, so they list the cases with repeats.
 */
export const METRIC_CASES: Record<PetitionMetricCode, FigureCases> = {
  conclusion_rate: {
    denominator: `(${PETITION_TALLIES.concluded('p')} OR (${overdue('p')}))`,
    numerator: PETITION_TALLIES.concluded('p'),
  },
  resolution_rate: { denominator: '1', numerator: PETITION_TALLIES.resolved('p') },
  on_time_rate: { denominator: PETITION_TALLIES.concluded('p'), numerator: PETITION_TALLIES.on_time('p') },
  overdue: { denominator: PETITION_TALLIES.open_due('p'), numerator: overdue('p') },
  repeat_cases: { denominator: '1', numerator: PETITION_TALLIES.repeat_cases('p') },
  repeat_visits: { denominator: '1', numerator: PETITION_TALLIES.repeat_cases('p') },
  leader_resolution_rate: {
    denominator: PETITION_TALLIES.packaged('p'),
    numerator: PETITION_TALLIES.packaged_resolved('p'),
  },
};
