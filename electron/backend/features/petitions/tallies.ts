import type { PetitionMetricCode } from '../../../../shared/domain/petitions/metrics';

const CONCLUDED = (row: string) => `${row}.status IN ('resolved', 'closed')`;

/**
 * The tallies behind the petition figures: per township and handling unit ('' before
 * assignment), each a count of cases meeting one condition on a case row. Triggers (migration
 * 0005) keep them in step in the same statement as the write, so the figures read a few hundred
 * rows instead of the ledger. The figures' definitions (shared/domain/petitions/metrics.ts) are
 * sums of these; overdue, which depends on today's date, is counted live.
 */
export const PETITION_TALLIES = {
  cases: () => '1',
  concluded: (row: string) => CONCLUDED(row),
  on_time: (row: string) =>
    `${CONCLUDED(row)} AND ${row}.due_date IS NOT NULL AND ${row}.resolved_date IS NOT NULL AND ${row}.resolved_date <= ${row}.due_date`,
  repeat_cases: (row: string) => `${row}.petition_count > 1`,
  visits: (row: string) => `${row}.petition_count`,
  packaged: (row: string) => `coalesce(${row}.leader_id, '') != ''`,
  packaged_concluded: (row: string) => `coalesce(${row}.leader_id, '') != '' AND ${CONCLUDED(row)}`,
  open_due: (row: string) => `NOT ${CONCLUDED(row)} AND ${row}.due_date IS NOT NULL`,
} as const;

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
