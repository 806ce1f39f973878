import { sql as rawSql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DisputeBreakdownRow, DisputeFigures, disputesFiguresInput } from '../../../../shared/contract/disputes';
import type { DisputeFigureReader, FigurePeriod } from '../../ledger/registry';
import {
  computeDisputeFigures,
  DISPUTE_BREAKDOWNS,
  DISPUTE_FIGURE_CODES,
  DISPUTE_FIGURES,
  preventedCriminalPeople,
  type DisputeBreakdown,
  type DisputeFigureRecord,
} from '../../../../shared/domain/disputes/figures';
import { DISPUTE_LEVEL_LABELS, DISPUTE_LEVELS } from '../../../../shared/domain/disputes/levels';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb, type Sql } from '../../db/sql';
import { todayOf } from '../../ledger/clock';

type Input = z.output<typeof disputesFiguresInput>;

/** Disputes alike in everything the figures read and in every key they are broken down by. */
interface Group extends DisputeFigureRecord {
  count: number;
  category: string;
  categoryLabel: string | null;
  townshipCode: string;
  townshipName: string;
  unitId: string | null;
  unitName: string | null;
}

/**
 * The dispute figures of shared/domain/disputes/figures.ts over the user's scope and the period of
 * intake, with their definitions, as 统计 shows them.
 */
export function disputeFigures(ctx: HandlerContext, input: Input): DisputeFigures {
  return {
    today: todayOf(ctx),
    definitions: DISPUTE_FIGURE_CODES.map((code) => {
      const { name, numeratorLabel, denominatorLabel } = DISPUTE_FIGURES[code];
      return { code, name, numeratorLabel, denominatorLabel };
    }),
    ...disputeFigureTotals(ctx.sql, principalOf(ctx).regionCode, input.period),
  };
}

/**
 * The figures and their breakdowns, lent to the reports (`ctx.ledgers.disputeFigures`). SQL counts
 * the disputes per group of alike ones (a few hundred for a year's thousands); the domain's
 * predicates sort each group into numerators and denominators, so the definitions live in one place.
 */
export const disputeFigureTotals: DisputeFigureReader = (sql: Sql, scope: string | null, period?: FigurePeriod) => {
  let query = qb
    .selectFrom('disputes as d')
    .innerJoin('regions as g', 'g.code', 'd.township_code')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('dict_entries as c', (join) =>
      join.onRef('c.code', '=', 'd.category').on(rawSql<SqlBool>`c.dict_code = 'dispute_category'`),
    )
    .select([
      'd.result',
      'd.escalated',
      'd.satisfaction',
      'd.prevented_criminal',
      'd.prevented_collective',
      'd.level',
      'd.category',
      'c.label as categoryLabel',
      'd.township_code as townshipCode',
      'g.name as townshipName',
      'd.unit_id as unitId',
      'u.name as unitName',
      rawSql<number>`count(*)`.as('count'),
      rawSql<number>`sum(d.prevented_criminal_people)`.as('people'),
    ])
    .where('d.voided_at', 'is', null)
    .groupBy([
      'd.result',
      'd.escalated',
      'd.satisfaction',
      'd.prevented_criminal',
      'd.prevented_collective',
      'd.level',
      'd.category',
      'd.township_code',
      'd.unit_id',
    ]);
  if (scope) query = query.where('d.township_code', 'like', `${townshipPrefix(scope)}%`);
  if (period) query = query.where('d.received_on', '>=', period.from).where('d.received_on', '<=', period.to);
  const groups: Group[] = sql.all(query).map((g) => ({
    result: g.result,
    escalated: g.escalated === 1,
    satisfaction: g.satisfaction,
    preventedCriminal: g.prevented_criminal === 1,
    preventedCriminalPeople: g.people,
    preventedCollective: g.prevented_collective === 1,
    level: g.level,
    category: g.category,
    categoryLabel: g.categoryLabel,
    townshipCode: g.townshipCode,
    townshipName: g.townshipName,
    unitId: g.unitId,
    unitName: g.unitName,
    count: g.count,
  }));
  return {
    ...figureSet(groups),
    breakdowns: Object.fromEntries(DISPUTE_BREAKDOWNS.map((b) => [b, breakdown(groups, b)])) as Record<
      DisputeBreakdown,
      DisputeBreakdownRow[]
    >,
  };
};

const figureSet = (groups: readonly Group[]) => ({
  figures: computeDisputeFigures(groups),
  preventedCriminalPeople: preventedCriminalPeople(groups),
});

/** A group's key and label under a breakdown; a dispute not yet routed has no unit (key ''). */
const KEYS: Record<DisputeBreakdown, (g: Group) => { key: string; label: string }> = {
  level: (g) => ({ key: g.level, label: DISPUTE_LEVEL_LABELS[g.level] }),
  category: (g) => ({ key: g.category, label: g.categoryLabel ?? g.category }),
  township: (g) => ({ key: g.townshipCode, label: g.townshipName }),
  unit: (g) => ({ key: g.unitId ?? '', label: g.unitName ?? '未分流' }),
};

/** Labels in Chinese order; one collator, as `localeCompare` with a locale builds one per comparison. */
const byLabel = new Intl.Collator('zh-CN');

function breakdown(groups: readonly Group[], by: DisputeBreakdown): DisputeBreakdownRow[] {
  const rows = new Map<string, { label: string; groups: Group[] }>();
  for (const group of groups) {
    const { key, label } = KEYS[by](group);
    const row = rows.get(key) ?? { label, groups: [] };
    row.groups.push(group);
    rows.set(key, row);
  }
  const keys = [...rows.keys()];
  if (by === 'level') keys.sort((a, b) => DISPUTE_LEVELS.indexOf(a as never) - DISPUTE_LEVELS.indexOf(b as never));
  else keys.sort((a, b) => byLabel.compare(rows.get(a)!.label, rows.get(b)!.label));
  return keys.map((key) => ({ key, label: rows.get(key)!.label, ...figureSet(rows.get(key)!.groups) }));
}
