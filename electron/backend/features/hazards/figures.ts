import type { HazardFigures } from '../../../../shared/contract/hazards';
import { resultOf } from '../../../../shared/domain/petitions/metrics';
import {
  HAZARD_BREAKDOWNS,
  HAZARD_FIGURES,
  type HazardFigureRecord,
  type RiskFigureContext,
} from '../../../../shared/domain/risks/figures';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { todayOf } from '../petitions/common';

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
    .groupBy(['status', 'level', 'township_code']);
  let townshipsQuery = qb.selectFrom('regions').select(['code', 'name']).where('level', '=', 'township');
  if (scope) {
    groupsQuery = groupsQuery.where('township_code', 'like', `${townshipPrefix(scope)}%`);
    townshipsQuery = townshipsQuery.where('code', 'like', `${townshipPrefix(scope)}%`);
  }
  const groups: Group[] = ctx.sql.all(groupsQuery);
  const townships = ctx.sql.all(townshipsQuery.orderBy('sort').orderBy('code'));
  return hazardFiguresOf(groups, townships, todayOf(ctx));
}

/**
 * The figures from the groups and the townships in scope (in their order): the part after the SQL,
 * also run by the bench's hand-written floor.
 */
export function hazardFiguresOf(
  groups: readonly Group[],
  townships: ReadonlyArray<{ code: string; name: string }>,
  today: string,
): HazardFigures {
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
    definitions: [...HAZARD_FIGURES, ...HAZARD_BREAKDOWNS].map(({ code, name, numeratorLabel, denominatorLabel }) => ({
      code,
      name,
      numeratorLabel,
      denominatorLabel,
    })),
    figures,
    breakdowns,
  };
}
