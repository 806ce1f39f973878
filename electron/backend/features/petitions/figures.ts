import type { FigureGroup, PetitionFigures, PetitionMonth } from '../../../../shared/contract/petitions';
import { monthsOf, recentMonths, type FigurePeriod } from '../../../../shared/domain/ledger/figure-period';
import {
  conclusionRateOf,
  PETITION_METRICS,
  resolutionRateOf,
  type PetitionMetricCode,
} from '../../../../shared/domain/petitions/metrics';
import { resultOf, type MetricResult } from '../../../../shared/domain/ledger/figures';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { todayOf } from '../../ledger/clock';

/**
 * The counts of one township × unit × category cell: petition_tallies' counters (migration 0017:
 * 办结 = the reply, 化解, 按期, open with a 办理时限 …), kept per cell by the tallies of migration
 * 0024 (per 受理 day for a period), and, of the open ones, those overdue today (their count less
 * the ones not yet due).
 */
const COUNT_KEYS = [
  'cases',
  'concluded',
  'resolved',
  'on_time',
  'repeat_cases',
  'visits',
  'packaged',
  'packaged_resolved',
  'open_due',
  'overdue',
] as const;

type Counts = Record<(typeof COUNT_KEYS)[number], number>;

export type TallyCell = Counts & {
  township: string;
  townshipName: string;
  unit: string;
  unitName: string | null;
  category: string;
  categoryName: string | null;
};

/**
 * Each metric of the domain's PETITION_METRICS as its result from the tallies. The definitions are
 * the domain's (metrics.ts); a test checks these against the domain's `compute`.
 */
const METRIC_COUNTS: Record<PetitionMetricCode, (c: Counts) => MetricResult> = {
  conclusion_rate: (c) => conclusionRateOf(c),
  resolution_rate: (c) => resolutionRateOf(c),
  on_time_rate: (c) => resultOf(c.on_time, c.concluded),
  overdue: (c) => resultOf(c.overdue, c.open_due),
  repeat_cases: (c) => resultOf(c.repeat_cases, c.cases),
  repeat_visits: (c) => resultOf(c.visits - c.cases, c.visits),
  leader_resolution_rate: (c) => resultOf(c.packaged_resolved, c.packaged),
};

type NotYetDue = { key: string; n: number };
type MonthFlow = { month: string; received: number; concluded: number };

const SUMS = COUNT_KEYS.filter((k) => k !== 'overdue')
  .map((k) => `sum(${k}) AS ${k}`)
  .join(', ');
const SCOPE = `(@scope IS NULL OR township_code LIKE @scope || '%')`;
const PERIOD = `received_date BETWEEN @from AND @to`;

/** The cells with their names, from a grouped tally (`t`). */
const named = (grouped: string) => `SELECT t.*, g.name AS townshipName, u.name AS unitName,
    coalesce(d.label, nullif(t.category, '')) AS categoryName
  FROM (${grouped}) t JOIN regions g ON g.code = t.township LEFT JOIN units u ON u.id = t.unit
  LEFT JOIN dict_entries d ON d.dict_code = 'petition_category' AND d.code = t.category
  WHERE t.cases > 0`;

/**
 * The figures' statements (the bench runs them raw as the floor): none reads a case row. Every
 * statement takes @today, @scope (a township prefix or null), @from and @to (the period; the whole
 * calendar without one).
 */
export const FIGURE_SQL = {
  /** Every case per cell. */
  tallies: named(`SELECT township_code AS township, unit_id AS unit, category, ${SUMS}
    FROM petition_category_tallies WHERE ${SCOPE} GROUP BY 1, 2, 3`),
  /** The cases received in the period per cell: its days only. */
  periodTallies: named(`SELECT township_code AS township, unit_id AS unit, category, ${SUMS}
    FROM petition_period_tallies WHERE ${PERIOD} AND ${SCOPE} GROUP BY 1, 2, 3`),
  /** The open cases received in the period, not yet due today, per cell. */
  notYetDue: `SELECT township_code || '|' || unit_id || '|' || category AS key, sum(open) AS n
    FROM petition_period_due_tallies WHERE due_date >= @today AND ${PERIOD} AND ${SCOPE} GROUP BY 1`,
  /** The cases received in each month of the period, counted as a cell each. */
  monthly: `SELECT substr(received_date, 1, 7) AS month, ${SUMS}
    FROM petition_period_tallies WHERE ${PERIOD} AND ${SCOPE} GROUP BY 1`,
  monthlyNotYetDue: `SELECT substr(received_date, 1, 7) AS key, sum(open) AS n
    FROM petition_period_due_tallies WHERE due_date >= @today AND ${PERIOD} AND ${SCOPE} GROUP BY 1`,
  /** Cases received and concluded (replied) in each month of the period (migration 0018's day tallies). */
  monthlyFlow: `SELECT substr(day, 1, 7) AS month, sum(received) AS received, sum(concluded) AS concluded
    FROM petition_day_tallies WHERE day BETWEEN @from AND @to AND ${SCOPE} GROUP BY 1`,
};

/** The statements' parameters: every date without a period. */
export const figureParams = (today: string, scope: string | null, period: FigurePeriod | null) => ({
  today,
  scope,
  from: period?.from ?? '0000-01-01',
  to: period?.to ?? '9999-12-31',
});

const zero = (): Counts => Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts;

function add(into: Counts, cell: Counts): void {
  for (const key of COUNT_KEYS) into[key] += cell[key];
}

function resultsOf(counts: Counts): Record<PetitionMetricCode, MetricResult> {
  return Object.fromEntries(PETITION_METRICS.map(({ code }) => [code, METRIC_COUNTS[code](counts)])) as Record<
    PetitionMetricCode,
    MetricResult
  >;
}

function groupBy(cells: TallyCell[], key: (c: TallyCell) => string, name: (c: TallyCell) => string): FigureGroup[] {
  const groups = new Map<string, { name: string; counts: Counts }>();
  for (const cell of cells) {
    const group = groups.get(key(cell)) ?? { name: name(cell), counts: zero() };
    add(group.counts, cell);
    groups.set(key(cell), group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, g]) => ({ key: k, name: g.name, results: resultsOf(g.counts) }));
}

/** Overall, by township, by unit and by category, from the township × unit × category cells. */
export function rollUp(
  cells: TallyCell[],
  today: string,
  period: FigurePeriod | null = null,
  monthly: PetitionMonth[] = [],
): PetitionFigures {
  const overall = zero();
  for (const cell of cells) add(overall, cell);
  return {
    today,
    period,
    metrics: PETITION_METRICS.map(({ code, name, numeratorLabel, denominatorLabel }) => ({
      code,
      name,
      numeratorLabel,
      denominatorLabel,
    })),
    overall: resultsOf(overall),
    byTownship: groupBy(
      cells,
      (c) => c.township,
      (c) => c.townshipName,
    ),
    byUnit: groupBy(
      cells,
      (c) => c.unit,
      (c) => c.unitName ?? '未交办',
    ),
    byCategory: groupBy(
      cells,
      (c) => c.category,
      (c) => c.categoryName ?? '未分类',
    ),
    monthly,
  };
}

const aheadOf = (notYetDue: NotYetDue[]) => new Map(notYetDue.map((r) => [r.key, r.n]));

/** Joins the tallies with the open cases not yet due of the same cells: the rest are overdue. */
export function cellsOf(tallies: Array<Omit<TallyCell, 'overdue'>>, notYetDue: NotYetDue[]): TallyCell[] {
  const ahead = aheadOf(notYetDue);
  return tallies.map((t) => ({
    ...t,
    overdue: t.open_due - (ahead.get(`${t.township}|${t.unit}|${t.category}`) ?? 0),
  }));
}

/** The period's months, each with its flow and the figures of the cases received in it. */
export function monthsFrom(
  period: FigurePeriod,
  cohorts: Array<Omit<Counts, 'overdue'> & { month: string }>,
  notYetDue: NotYetDue[],
  flow: MonthFlow[],
): PetitionMonth[] {
  const ahead = aheadOf(notYetDue);
  const byMonth = new Map(cohorts.map((c) => [c.month, c]));
  const flows = new Map(flow.map((f) => [f.month, f]));
  return monthsOf(period).map((m) => {
    const cohort = byMonth.get(m.month);
    const counts = cohort ? { ...cohort, overdue: cohort.open_due - (ahead.get(m.month) ?? 0) } : zero();
    return {
      ...m,
      received: flows.get(m.month)?.received ?? 0,
      concluded: flows.get(m.month)?.concluded ?? 0,
      results: resultsOf(counts),
    };
  });
}

const scopeOf = (ctx: HandlerContext) => {
  const scope = principalOf(ctx).regionCode;
  return scope ? townshipPrefix(scope) : null;
};

/** The monthly series of a period in the user's scope (工作台's trend reads the last 6 months). */
export function petitionMonthly(ctx: HandlerContext, period: FigurePeriod): PetitionMonth[] {
  const params = figureParams(todayOf(ctx), scopeOf(ctx), period);
  const rows = <T>(text: string) => ctx.sql.prepare(text).all(params) as T[];
  return monthsFrom(period, rows(FIGURE_SQL.monthly), rows(FIGURE_SQL.monthlyNotYetDue), rows(FIGURE_SQL.monthlyFlow));
}

/**
 * 办结率, 化解率, 按期办结率, overdue and repeat figures for the user's scope, overall and by
 * township, unit and category, of the cases received in the period (every case without one), with
 * the period's months (the last 12 without one).
 */
export function petitionFigures(ctx: HandlerContext, period: FigurePeriod | null = null): PetitionFigures {
  const today = todayOf(ctx);
  const params = figureParams(today, scopeOf(ctx), period);
  const rows = <T>(text: string) => ctx.sql.prepare(text).all(params) as T[];
  const cells = cellsOf(rows(period ? FIGURE_SQL.periodTallies : FIGURE_SQL.tallies), rows(FIGURE_SQL.notYetDue));
  return rollUp(cells, today, period, petitionMonthly(ctx, period ?? recentMonths(today, 12)));
}
