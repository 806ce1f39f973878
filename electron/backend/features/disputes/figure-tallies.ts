import { addDays } from '../../../../shared/domain/ledger/calendar';
import { monthsOf, type FigurePeriod } from '../../../../shared/domain/ledger/figure-period';
import { DISPUTE_TALLY_COUNTERS } from '../../db/migrations/0028-dispute-tallies';

/**
 * The dispute figures' statements over migration 0028's tallies (the bench runs them raw as the
 * floor): none reads a dispute. Each row is one level × category × township × unit with the
 * figures' parts summed; parameters @scope (a township prefix or null) and, for a period, the
 * whole months it holds and the days at either end (`tallyParams`).
 */
export const TALLY_COUNTERS = Object.keys(DISPUTE_TALLY_COUNTERS) as ReadonlyArray<keyof typeof DISPUTE_TALLY_COUNTERS>;

const KEYS = 'level, category, township_code, unit_id';
const COUNTERS = TALLY_COUNTERS.join(', ');
const SUMS = TALLY_COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ');
const SCOPE = `(@scope IS NULL OR township_code LIKE @scope || '%')`;

/** The rows with their names; a row left at zero by a void or an edit is skipped. */
const named = (rows: string) => `SELECT t.level, t.category, c.label AS categoryLabel,
    t.township_code AS townshipCode, g.name AS townshipName, t.unit_id AS unitId, u.name AS unitName,
    ${TALLY_COUNTERS.map((c) => `t.${c}`).join(', ')}
  FROM (${rows}) t JOIN regions g ON g.code = t.township_code LEFT JOIN units u ON u.id = t.unit_id
  LEFT JOIN dict_entries c ON c.dict_code = 'dispute_category' AND c.code = t.category
  WHERE t.accepted > 0`;

const days = (from: string, to: string) =>
  `SELECT ${KEYS}, ${COUNTERS} FROM dispute_day_tallies WHERE received_on BETWEEN ${from} AND ${to} AND ${SCOPE}`;

export const DISPUTE_FIGURE_SQL = {
  /** Every dispute: the undated tally. */
  all: named(`SELECT ${KEYS}, ${COUNTERS} FROM dispute_figure_tallies WHERE ${SCOPE}`),
  /** The disputes received in a period: its whole months, then its days before and after them. */
  period: named(`SELECT ${KEYS}, ${SUMS} FROM (
      SELECT ${KEYS}, ${COUNTERS} FROM dispute_month_tallies
        WHERE received_month BETWEEN @fromMonth AND @toMonth AND ${SCOPE}
      UNION ALL ${days('@from', '@headTo')}
      UNION ALL ${days('@tailFrom', '@to')}
    ) GROUP BY 1, 2, 3, 4`),
};

const isWhole = (m: FigurePeriod) => m.from.endsWith('-01') && addDays(m.to, 1).endsWith('-01');

/**
 * A period's parameters: the first and last whole month (none: an empty range), the days before
 * the first (@from … @headTo) and after the last (@tailFrom … @to).
 */
export function tallyParams(scope: string | null, period: FigurePeriod) {
  const whole = monthsOf(period).filter(isWhole);
  const first = whole[0];
  const last = whole[whole.length - 1];
  if (!first || !last) {
    return { scope, ...period, fromMonth: '9999-12', toMonth: '0000-01', headTo: period.to, tailFrom: '9999-12-31' };
  }
  return {
    scope,
    ...period,
    fromMonth: first.month,
    toMonth: last.month,
    headTo: addDays(first.from, -1),
    tailFrom: addDays(last.to, 1),
  };
}
