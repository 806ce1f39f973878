import { sql as rawSql, type SqlBool } from 'kysely';
import type { FigureGroup, PetitionFigures, SupervisionQueueItem } from '../../../../shared/contract/petitions';
import {
  PETITION_METRICS,
  resultOf,
  type MetricResult,
  type PetitionMetricCode,
} from '../../../../shared/domain/petitions/metrics';
import { daysOverdue, needsSupervision, sortByUrgency } from '../../../../shared/domain/petitions/stages';
import { CONCLUDED_STATUSES } from '../../../../shared/domain/petitions/statuses';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { todayOf } from './common';
import { selectRows, stageSql } from './repo';

const CONCLUDED = `p.status IN (${CONCLUDED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const PACKAGED = `(p.leader_id IS NOT NULL AND p.leader_id != '')`;

/**
 * Each metric of the domain's PETITION_METRICS as SQL sums: [numerator, denominator]. The
 * definitions are the domain's (see metrics.ts); a test checks these sums against `compute`.
 */
const METRIC_SQL: Record<PetitionMetricCode, [string, string]> = {
  resolution_rate: [`sum(${CONCLUDED})`, 'count(*)'],
  on_time_rate: [
    `sum(${CONCLUDED} AND p.due_date IS NOT NULL AND p.resolved_date IS NOT NULL AND p.resolved_date <= p.due_date)`,
    `sum(${CONCLUDED})`,
  ],
  overdue: [
    `sum(NOT ${CONCLUDED} AND p.due_date IS NOT NULL AND p.due_date < @today)`,
    `sum(NOT ${CONCLUDED} AND p.due_date IS NOT NULL)`,
  ],
  repeat_cases: ['sum(p.petition_count > 1)', 'count(*)'],
  repeat_visits: ['sum(p.petition_count - 1)', 'sum(p.petition_count)'],
  leader_resolution_rate: [`sum(${PACKAGED} AND ${CONCLUDED})`, `sum(${PACKAGED})`],
};

const CODES = PETITION_METRICS.map((m) => m.code);
/** The SELECT list of every metric's numerator and denominator (the bench runs it raw as the floor). */
export const FIGURE_SUMS = CODES.map(
  (code) => `coalesce(${METRIC_SQL[code][0]}, 0) AS "${code}.n", coalesce(${METRIC_SQL[code][1]}, 0) AS "${code}.d"`,
).join(',\n');

type SumRow = Record<string, number | string | null>;

function resultsOf(row: SumRow | undefined): Record<PetitionMetricCode, MetricResult> {
  return Object.fromEntries(
    CODES.map((code) => [code, resultOf(Number(row?.[`${code}.n`] ?? 0), Number(row?.[`${code}.d`] ?? 0))]),
  ) as Record<PetitionMetricCode, MetricResult>;
}

function aggregate(ctx: HandlerContext, today: string, group?: { key: string; name: string; join: string }): SumRow[] {
  const scope = principalOf(ctx).regionCode;
  const text = `SELECT ${group ? `${group.key} AS key, ${group.name} AS name,` : ''} ${FIGURE_SUMS}
    FROM petitions p ${group?.join ?? ''}
    WHERE (@scope IS NULL OR p.township_code LIKE @scope || '%')
    ${group ? `GROUP BY ${group.key} ORDER BY ${group.key}` : ''}`;
  return ctx.sql.prepare(text).all({ today, scope: scope ? townshipPrefix(scope) : null }) as SumRow[];
}

/** 化解率, 按期办结率, overdue and repeat figures for the user's scope, overall and by township and unit. */
export function petitionFigures(ctx: HandlerContext): PetitionFigures {
  const today = todayOf(ctx);
  const groups = (rows: SumRow[]): FigureGroup[] =>
    rows.map((row) => ({ key: String(row.key ?? ''), name: String(row.name ?? '未交办'), results: resultsOf(row) }));
  return {
    today,
    metrics: PETITION_METRICS.map(({ code, name, numeratorLabel, denominatorLabel }) => ({
      code,
      name,
      numeratorLabel,
      denominatorLabel,
    })),
    overall: resultsOf(aggregate(ctx, today)[0]),
    byTownship: groups(
      aggregate(ctx, today, {
        key: 'p.township_code',
        name: 'g.name',
        join: 'JOIN regions g ON g.code = p.township_code',
      }),
    ),
    byUnit: groups(
      aggregate(ctx, today, {
        key: "coalesce(p.handling_unit_id, '')",
        name: 'u.name',
        join: 'LEFT JOIN units u ON u.id = p.handling_unit_id',
      }),
    ),
  };
}

/** Overdue, due-soon and escalated open cases, in the domain's order of urgency. */
export function supervisionQueue(ctx: HandlerContext): SupervisionQueueItem[] {
  const today = todayOf(ctx);
  const rows = selectRows(
    ctx.sql,
    (q) =>
      q.where(
        rawSql<SqlBool>`(${stageSql(today)} IN ('overdue', 'due_soon')
          OR (NOT ${rawSql.raw(CONCLUDED)} AND p.highest_level != 'county'))`,
      ),
    principalOf(ctx).regionCode,
    today,
  );
  const items = rows.filter((row) => needsSupervision(row));
  return sortByUrgency(items).map((row) => ({
    ...row,
    daysOverdue: row.dueDate ? daysOverdue(row.dueDate, today) : 0,
    reason: row.stage === 'overdue' ? 'overdue' : row.stage === 'due_soon' ? 'due_soon' : 'escalated',
  }));
}
