import type { HazardFigures } from '../../../../shared/contract/hazards';
import { resultOf } from '../../../../shared/domain/ledger/figures';
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
export function hazardFigures(ctx: HandlerContext): HazardFigures {
  const scope = principalOf(ctx).regionCode;
  let groupsQuery = qb
    .selectFrom('hazards')
    .select(['status', 'level', 'township_code as townshipCode', (eb) => eb.fn.countAll<number>().as('count')])
    .where('voided_at', 'is', null)
    .groupBy(['status', 'level', 'township_code']);
  let townshipsQuery = qb.selectFrom('regions').select(['code', 'name']).where('level', '=', 'township');
  if (scope) {
    groupsQuery = groupsQuery.where('township_code', 'like', `${townshipPrefix(scope)}%`);
    townshipsQuery = townshipsQuery.where('code', 'like', `${townshipPrefix(scope)}%`);
  }
  const groups: Group[] = ctx.sql.all(groupsQuery);
  const townships = ctx.sql.all(townshipsQuery.orderBy('sort').orderBy('code'));
  const today = todayOf(ctx);
  return { ...hazardFiguresOf(groups, townships, today), overdueMeasures: overdueMeasures(ctx, scope, today) };
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
function overdueMeasures(ctx: HandlerContext, scope: string | null, today: string): HazardFigures['overdueMeasures'] {
  let query = qb
    .selectFrom('risk_tasks as t')
    .innerJoin('hazards as h', 'h.id', 't.owner_id')
    .select(['t.id', 't.owner_id as ownerId', 't.status', 't.due_date as dueDate'])
    .where('t.owner_kind', '=', 'hazard')
    .where('h.voided_at', 'is', null)
    .where('t.kind', '=', 'measure')
    .where('t.status', 'in', OPEN_TASK_STATUSES);
  if (scope) query = query.where('h.township_code', 'like', `${townshipPrefix(scope)}%`);
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
): Omit<HazardFigures, 'overdueMeasures'> {
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
