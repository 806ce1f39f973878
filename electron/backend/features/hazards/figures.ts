import type { HazardFigures } from '../../../../shared/contract/hazards';
import { monthsOf, recentMonths, type FigurePeriod } from '../../../../shared/domain/ledger/figure-period';
import { resultOf, type MetricResult } from '../../../../shared/domain/ledger/figures';
import type { HazardStatus } from '../../../../shared/domain/risks/hazard-statuses';
import {
  HAZARD_BREAKDOWNS,
  HAZARD_FIGURES,
  TASK_FIGURES,
  type HazardFigureRecord,
  type RiskFigureContext,
  type TaskFigureRecord,
} from '../../../../shared/domain/risks/figures';
import { OPEN_TASK_STATUSES } from '../../../../shared/domain/risks/tasks';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { todayOf } from '../../ledger/clock';

/** One group of hazards alike in everything the figures look at, with how many there are. */
export type HazardGroup = Omit<HazardFigureRecord, 'id'> & { count: number };
type Group = HazardGroup;

/**
 * The hazard figures of shared/domain/risks/figures.ts over the user's scope. SQL counts the
 * hazards per (status, level, township); the domain's own predicates then sort each group into
 * numerators and denominators, so the definitions live in one place and 30,000 hazards are a few
 * dozen groups.
 */
export function hazardFigures(ctx: HandlerContext, period: FigurePeriod | null = null): HazardFigures {
  const scope = principalOf(ctx).regionCode;
  const today = todayOf(ctx);
  const params = { ...periodParams(period), scope: scope ? townshipPrefix(scope) : null };
  const rows = <T>(text: string, values = params) => ctx.sql.prepare(text).all(values) as T[];
  let townshipsQuery = qb.selectFrom('regions').select(['code', 'name']).where('level', '=', 'township');
  if (scope) townshipsQuery = townshipsQuery.where('code', 'like', `${townshipPrefix(scope)}%`);
  const townships = ctx.sql.all(townshipsQuery.orderBy('sort').orderBy('code'));
  const months = period ?? recentMonths(today, 12);
  const monthParams = { ...params, ...periodParams(months) };
  return {
    ...hazardFiguresOf(rows<HazardGroup>(HAZARD_FIGURE_SQL.groups), townships, today),
    period,
    byCategory: byCategoryOf(rows(HAZARD_FIGURE_SQL.categories), today),
    monthly: monthlyOf(months, rows(HAZARD_FIGURE_SQL.monthly, monthParams), rows(HAZARD_FIGURE_SQL.flow, monthParams)),
    overdueMeasures: overdueMeasures(ctx, scope, today, period),
  };
}

const periodParams = (period: FigurePeriod | null) => ({
  from: period?.from ?? '0000-01-01',
  to: period?.to ?? '9999-12-31',
});

const TALLY = `FROM hazard_period_tallies WHERE found_on BETWEEN @from AND @to
  AND (@scope IS NULL OR township_code LIKE @scope || '%')`;

/** The hazard figures' statements over migration 0024's tally (found day × township × status × colour × category). */
export const HAZARD_FIGURE_SQL = {
  groups: `SELECT status, level, township_code AS townshipCode, sum(hazards) AS count ${TALLY} GROUP BY 1, 2, 3
    HAVING count > 0`,
  categories: `SELECT t.category AS key, coalesce(d.label, t.category) AS label, t.status, t.count
    FROM (SELECT category, status, sum(hazards) AS count ${TALLY} GROUP BY 1, 2 HAVING count > 0) t
    LEFT JOIN dict_entries d ON d.dict_code = 'hazard_category' AND d.code = t.category`,
  monthly: `SELECT substr(found_on, 1, 7) AS month, status, sum(hazards) AS count ${TALLY} GROUP BY 1, 2`,
  flow: `SELECT substr(day, 1, 7) AS month, sum(found) AS found, sum(resolved) AS resolved
    FROM hazard_day_tallies WHERE day BETWEEN @from AND @to AND (@scope IS NULL OR township_code LIKE @scope || '%')
    GROUP BY 1`,
};

const RESOLUTION = HAZARD_FIGURES.find((f) => f.code === 'hazard_resolution_rate')!;

/** 隐患化解率 over hazards counted by status, by the domain's own predicates. */
function resolutionOf(counts: ReadonlyArray<{ status: HazardStatus; count: number }>, today: string): MetricResult {
  const record = (status: HazardStatus): HazardFigureRecord => ({ id: '', status, level: 'blue', townshipCode: '' });
  const context = { today, townshipCodes: [] };
  const sum = (keep: (status: HazardStatus) => boolean) =>
    counts.filter((c) => keep(c.status)).reduce((n, c) => n + c.count, 0);
  const inDenominator = (status: HazardStatus) => RESOLUTION.inDenominator(record(status), context);
  return resultOf(
    sum((status) => inDenominator(status) && RESOLUTION.inNumerator(record(status), context)),
    sum(inDenominator),
  );
}

type StatusCount = { status: HazardStatus; count: number };

export function byCategoryOf(
  rows: Array<StatusCount & { key: string; label: string }>,
  today: string,
): HazardFigures['byCategory'] {
  const categories = new Map<string, { label: string; counts: StatusCount[] }>();
  for (const row of rows) {
    const category = categories.get(row.key) ?? { label: row.label, counts: [] };
    category.counts.push(row);
    categories.set(row.key, category);
  }
  return [...categories.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { label, counts }]) => ({ key, label, ...resolutionOf(counts, today) }));
}

/** The period's months: hazards found and resolved in each, and 隐患化解率 of those found in it. */
export function monthlyOf(
  period: FigurePeriod,
  cohorts: Array<StatusCount & { month: string }>,
  flow: Array<{ month: string; found: number; resolved: number }>,
): HazardFigures['monthly'] {
  const flows = new Map(flow.map((f) => [f.month, f]));
  return monthsOf(period).map((m) => ({
    ...m,
    found: flows.get(m.month)?.found ?? 0,
    resolved: flows.get(m.month)?.resolved ?? 0,
    resolution: resolutionOf(
      cohorts.filter((c) => c.month === m.month),
      m.to,
    ),
  }));
}

const OVERDUE_MEASURES = TASK_FIGURES.find((f) => f.code === 'overdue_measures')!;

/** One open measure of a hazard, as the overdue-measures figure reads it. */
export interface OpenMeasure {
  id: string;
  ownerId: string;
  status: TaskFigureRecord['status'];
  dueDate: string | null;
}

/** 超期化解措施 over the open measures of the hazards in scope (only open measures can be in it). */
function overdueMeasures(
  ctx: HandlerContext,
  scope: string | null,
  today: string,
  period: FigurePeriod | null,
): HazardFigures['overdueMeasures'] {
  let query = qb
    .selectFrom('risk_tasks as t')
    .innerJoin('hazards as h', 'h.id', 't.owner_id')
    .select(['t.id', 't.owner_id as ownerId', 't.status', 't.due_date as dueDate'])
    .where('t.owner_kind', '=', 'hazard')
    .where('h.voided_at', 'is', null)
    .where('t.kind', '=', 'measure')
    .where('t.status', 'in', OPEN_TASK_STATUSES);
  if (scope) query = query.where('h.township_code', 'like', `${townshipPrefix(scope)}%`);
  if (period) query = query.where('h.found_on', '>=', period.from).where('h.found_on', '<=', period.to);
  return overdueMeasuresOf(ctx.sql.all(query), today);
}

/**
 * The figure by the domain's own predicates, with the hazards owning the measures of either part:
 * the part after the SQL, also run by the bench's hand-written floor.
 */
export function overdueMeasuresOf(measures: readonly OpenMeasure[], today: string): HazardFigures['overdueMeasures'] {
  const records = measures.map((m) => {
    const record: TaskFigureRecord = {
      id: m.id,
      kind: 'measure',
      status: m.status,
      dueDate: m.dueDate,
      completedOn: null,
    };
    return { ownerId: m.ownerId, record };
  });
  const context = { today };
  const owners = (keep: (record: TaskFigureRecord) => boolean) =>
    new Set(records.filter((m) => keep(m.record)).map((m) => m.ownerId)).size;
  return {
    measures: OVERDUE_MEASURES.compute(
      records.map((m) => m.record),
      context,
    ),
    hazards: {
      numerator: owners((r) => OVERDUE_MEASURES.inNumerator(r, context)),
      denominator: owners((r) => OVERDUE_MEASURES.inDenominator(r, context)),
    },
  };
}

/**
 * The figures from the groups and the townships in scope (in their order): the part after the SQL,
 * also run by the bench's hand-written floor.
 */
export function hazardFiguresOf(
  groups: readonly Group[],
  townships: ReadonlyArray<{ code: string; name: string }>,
  today: string,
): Omit<HazardFigures, 'overdueMeasures' | 'period' | 'byCategory' | 'monthly'> {
  const names = new Map(townships.map((t) => [t.code, t.name]));
  const context: RiskFigureContext = { today, townshipCodes: townships.map((t) => t.code) };
  const record = (g: Group): HazardFigureRecord => ({ id: '', ...g });
  const sum = (keep: (g: Group) => boolean) => groups.filter(keep).reduce((n, g) => n + g.count, 0);

  const figures = Object.fromEntries(
    HAZARD_FIGURES.map((f) => [
      f.code,
      resultOf(
        sum((g) => f.inDenominator(record(g), context) && f.inNumerator(record(g), context)),
        sum((g) => f.inDenominator(record(g), context)),
      ),
    ]),
  ) as HazardFigures['figures'];

  const breakdowns = Object.fromEntries(
    HAZARD_BREAKDOWNS.map((b) => {
      const denominator = sum((g) => b.inDenominator(record(g), context));
      // The domain's rows give the keys and labels in order (every level; every township in scope).
      const rows = b.compute(groups.map(record), context);
      return [
        b.code,
        rows.map((r) => ({
          key: r.key,
          label: b.code === 'open_hazards_by_township' ? (names.get(r.key) ?? r.key) : r.label,
          ...resultOf(
            sum((g) => b.inNumerator(record(g), r.key as never, context)),
            denominator,
          ),
        })),
      ];
    }),
  ) as HazardFigures['breakdowns'];

  return {
    today: context.today,
    definitions: [...HAZARD_FIGURES, ...HAZARD_BREAKDOWNS, OVERDUE_MEASURES].map(
      ({ code, name, numeratorLabel, denominatorLabel }) => ({
        code,
        name,
        numeratorLabel,
        denominatorLabel,
      }),
    ),
    figures,
    breakdowns,
  };
}
