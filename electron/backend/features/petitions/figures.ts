import type { FigureGroup, PetitionFigures } from '../../../../shared/contract/petitions';
import {
  conclusionRateOf,
  PETITION_METRICS,
  resolutionRateOf,
  type PetitionMetricCode,
} from '../../../../shared/domain/petitions/metrics';
import { resultOf, type MetricResult } from '../../../../shared/domain/ledger/figures';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { NOT_YET_DUE_SQL } from '../../db/figure-tallies';
import { todayOf } from '../../ledger/clock';

/**
 * The counts of one township × unit cell: petition_tallies (migration 0017: 办结 = the reply, 化解,
 * 按期, open with a 办理时限 …) and, of the open ones, those overdue today (their count less the ones
 * not yet due, from the due tallies of migration 0018).
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

export type TallyCell = Counts & { township: string; townshipName: string; unit: string; unitName: string | null };

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

type NotYetDue = { township: string; unit: string; n: number };

/** The figures' statements (the bench runs them raw as the floor): none reads a case row. */
export const FIGURE_SQL = {
  tallies: `SELECT t.township_code AS township, g.name AS townshipName, t.unit_id AS unit, u.name AS unitName,
      t.cases, t.concluded, t.resolved, t.on_time, t.repeat_cases, t.visits, t.packaged, t.packaged_resolved,
      t.open_due
    FROM petition_tallies t JOIN regions g ON g.code = t.township_code LEFT JOIN units u ON u.id = t.unit_id
    WHERE t.cases > 0 AND (@scope IS NULL OR t.township_code LIKE @scope || '%')`,
  notYetDue: NOT_YET_DUE_SQL,
};

const zero = (): Counts => Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts;

function add(into: Counts, cell: TallyCell): void {
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

/** Overall, by township and by unit, from the township × unit cells. */
export function rollUp(cells: TallyCell[], today: string): PetitionFigures {
  const overall = zero();
  for (const cell of cells) add(overall, cell);
  return {
    today,
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
  };
}

/** Joins the tallies with the open cases not yet due of the same cells: the rest are overdue. */
export function cellsOf(tallies: Array<Omit<TallyCell, 'overdue'>>, notYetDue: NotYetDue[]): TallyCell[] {
  const ahead = new Map(notYetDue.map((r) => [`${r.township}|${r.unit}`, r.n]));
  return tallies.map((t) => ({ ...t, overdue: t.open_due - (ahead.get(`${t.township}|${t.unit}`) ?? 0) }));
}

/** 办结率, 化解率, 按期办结率, overdue and repeat figures for the user's scope, overall and by township and unit. */
export function petitionFigures(ctx: HandlerContext): PetitionFigures {
  const today = todayOf(ctx);
  const scope = principalOf(ctx).regionCode;
  const params = { today, scope: scope ? townshipPrefix(scope) : null };
  const rows = <T>(text: string) => ctx.sql.prepare(text).all(params) as T[];
  return rollUp(cellsOf(rows(FIGURE_SQL.tallies), rows<NotYetDue>(FIGURE_SQL.notYetDue)), today);
}
