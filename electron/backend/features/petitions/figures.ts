import { notVoided } from '../../ledger/live';
import { OPEN_CASE_SQL } from '../../db/status-lists';
import type { FigureGroup, PetitionFigures } from '../../../../shared/contract/petitions';
import { PETITION_METRICS, type PetitionMetricCode } from '../../../../shared/domain/petitions/metrics';
import { resultOf, type MetricResult } from '../../../../shared/domain/ledger/figures';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import type { TallyName } from './tallies';
import { todayOf } from '../../ledger/clock';

/** One township × unit cell: the tallies kept by triggers, and the overdue count of today. */
export type TallyCell = Record<TallyName | 'overdue', number> & {
  township: string;
  townshipName: string;
  unit: string;
  unitName: string | null;
};

type Counts = Omit<TallyCell, 'township' | 'townshipName' | 'unit' | 'unitName'>;

/**
 * Each metric of the domain's PETITION_METRICS as [numerator, denominator] of the tallies. The
 * definitions are the domain's (metrics.ts); a test checks these against the domain's `compute`.
 */
const METRIC_COUNTS: Record<PetitionMetricCode, (c: Counts) => [number, number]> = {
  resolution_rate: (c) => [c.resolved, c.cases],
  on_time_rate: (c) => [c.on_time, c.concluded],
  overdue: (c) => [c.overdue, c.open_due],
  repeat_cases: (c) => [c.repeat_cases, c.cases],
  repeat_visits: (c) => [c.visits - c.cases, c.visits],
  leader_resolution_rate: (c) => [c.packaged_resolved, c.packaged],
};

/** The figures' two statements (the bench runs them raw as the floor). */
export const FIGURE_SQL = {
  tallies: `SELECT t.township_code AS township, g.name AS townshipName, t.unit_id AS unit, u.name AS unitName,
      t.cases, t.concluded, t.resolved, t.on_time, t.repeat_cases, t.visits, t.packaged, t.packaged_resolved,
      t.open_due
    FROM petition_tallies t JOIN regions g ON g.code = t.township_code LEFT JOIN units u ON u.id = t.unit_id
    WHERE t.cases > 0 AND (@scope IS NULL OR t.township_code LIKE @scope || '%')`,
  overdue: `SELECT township_code AS township, coalesce(handling_unit_id, '') AS unit, count(*) AS overdue
    FROM petitions INDEXED BY petitions_open_due
    WHERE status IN ${OPEN_CASE_SQL} AND due_date IS NOT NULL AND due_date < @today AND ${notVoided()}
      AND (@scope IS NULL OR township_code LIKE @scope || '%')
    GROUP BY 1, 2`,
};

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
] as const satisfies ReadonlyArray<keyof Counts>;

const zero = (): Counts => Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts;

function add(into: Counts, cell: TallyCell): void {
  for (const key of COUNT_KEYS) into[key] += cell[key];
}

function resultsOf(counts: Counts): Record<PetitionMetricCode, MetricResult> {
  return Object.fromEntries(
    PETITION_METRICS.map(({ code }) => [code, resultOf(...METRIC_COUNTS[code](counts))]),
  ) as Record<PetitionMetricCode, MetricResult>;
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

/** Joins the tallies with today's overdue counts. */
export function cellsOf(
  tallies: Omit<TallyCell, 'overdue'>[],
  overdue: Array<{ township: string; unit: string; overdue: number }>,
): TallyCell[] {
  const late = new Map(overdue.map((o) => [`${o.township}|${o.unit}`, o.overdue]));
  return tallies.map((t) => ({ ...t, overdue: late.get(`${t.township}|${t.unit}`) ?? 0 }));
}

/** 化解率, 按期办结率, overdue and repeat figures for the user's scope, overall and by township and unit. */
export function petitionFigures(ctx: HandlerContext): PetitionFigures {
  const today = todayOf(ctx);
  const scope = principalOf(ctx).regionCode;
  const params = { today, scope: scope ? townshipPrefix(scope) : null };
  const tallies = ctx.sql.prepare(FIGURE_SQL.tallies).all({ scope: params.scope }) as Omit<TallyCell, 'overdue'>[];
  const overdue = ctx.sql.prepare(FIGURE_SQL.overdue).all(params) as Array<{
    township: string;
    unit: string;
    overdue: number;
  }>;
  return rollUp(cellsOf(tallies, overdue), today);
}
