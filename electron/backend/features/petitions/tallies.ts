import type { PetitionMetricCode } from '../../../../shared/domain/petitions/metrics';
import { PETITION_TALLIES } from '../../db/migrations/0005-petition-speed';

/** The tallies the figures read, as the triggers of migrations 0005 and 0012 keep them. */
export type TallyName = keyof typeof PETITION_TALLIES;

/**
 * The cases behind each metric's numerator and denominator, as conditions on a case row `p`:
 * what a click on a figure lists. `pastDue`: the numerator also needs the due date before today
 * (bound by the caller). Repeat visits are sums, so they list the cases with repeats.
 */
export const METRIC_CASES: Record<PetitionMetricCode, { numerator: string; denominator: string; pastDue?: true }> = {
  resolution_rate: { numerator: PETITION_TALLIES.concluded('p'), denominator: '1' },
  on_time_rate: { numerator: PETITION_TALLIES.on_time('p'), denominator: PETITION_TALLIES.concluded('p') },
  overdue: { numerator: PETITION_TALLIES.open_due('p'), denominator: PETITION_TALLIES.open_due('p'), pastDue: true },
  repeat_cases: { numerator: PETITION_TALLIES.repeat_cases('p'), denominator: '1' },
  repeat_visits: { numerator: PETITION_TALLIES.repeat_cases('p'), denominator: '1' },
  leader_resolution_rate: {
    numerator: PETITION_TALLIES.packaged_concluded('p'),
    denominator: PETITION_TALLIES.packaged('p'),
  },
};
