import type { z } from 'zod';
import type { DisputeBreakdownRow, DisputeFigures, disputesFiguresInput } from '../../../../shared/contract/disputes';
import type { DisputeFigureReader, FigurePeriod } from '../../ledger/registry';
import {
  DISPUTE_BREAKDOWNS,
  DISPUTE_FIGURE_CODES,
  DISPUTE_FIGURES,
  type DisputeBreakdown,
  type DisputeFigureCode,
} from '../../../../shared/domain/disputes/figures';
import { DISPUTE_LEVEL_LABELS, DISPUTE_LEVELS, type DisputeLevel } from '../../../../shared/domain/disputes/levels';
import { resultOf, type MetricResult } from '../../../../shared/domain/ledger/figures';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Sql } from '../../db/sql';
import { todayOf } from '../../ledger/clock';
import { DISPUTE_FIGURE_SQL, TALLY_COUNTERS, tallyParams } from './figure-tallies';

type Input = z.output<typeof disputesFiguresInput>;

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

type Counts = Record<(typeof TALLY_COUNTERS)[number], number>;

/** One tally row: the disputes of a level × category × township × unit, their parts counted. */
interface Group extends Counts {
  level: DisputeLevel;
  category: string;
  categoryLabel: string | null;
  townshipCode: string;
  townshipName: string;
  unitId: string;
  unitName: string | null;
}

/**
 * Each figure of the domain's DISPUTE_FIGURES from the tallies' counters, which are its predicates
 * as SQL (migration 0028); a test holds both to the domain's `computeDisputeFigures`.
 */
const FIGURE_COUNTS: Record<DisputeFigureCode, (c: Counts) => MetricResult> = {
  resolution_rate: (c) => resultOf(c.settled, c.accepted),
  closure_rate: (c) => resultOf(c.concluded, c.accepted),
  satisfaction_rate: (c) => resultOf(c.satisfied, c.visited),
  escalation_rate: (c) => resultOf(c.escalated, c.accepted),
  prevented_criminal: (c) => resultOf(c.prevented_criminal, c.settled),
  prevented_collective: (c) => resultOf(c.prevented_collective, c.settled),
};

/**
 * The figures and their breakdowns, lent to the reports (`ctx.ledgers.disputeFigures`): read from
 * the tallies (a few thousand rows whatever the number of disputes), summed per breakdown key.
 */
export const disputeFigureTotals: DisputeFigureReader = (sql: Sql, scope: string | null, period?: FigurePeriod) => {
  const prefix = scope ? townshipPrefix(scope) : null;
  const groups = (
    period
      ? sql.prepare(DISPUTE_FIGURE_SQL.period).all(tallyParams(prefix, period))
      : sql.prepare(DISPUTE_FIGURE_SQL.all).all({ scope: prefix })
  ) as Group[];
  return {
    ...figureSet(groups),
    breakdowns: Object.fromEntries(DISPUTE_BREAKDOWNS.map((b) => [b, breakdown(groups, b)])) as Record<
      DisputeBreakdown,
      DisputeBreakdownRow[]
    >,
  };
};

function figureSet(groups: readonly Group[]) {
  const counts = Object.fromEntries(TALLY_COUNTERS.map((c) => [c, 0])) as Counts;
  for (const group of groups) for (const c of TALLY_COUNTERS) counts[c] += group[c];
  return {
    figures: Object.fromEntries(DISPUTE_FIGURE_CODES.map((code) => [code, FIGURE_COUNTS[code](counts)])) as Record<
      DisputeFigureCode,
      MetricResult
    >,
    preventedCriminalPeople: counts.prevented_criminal_people,
  };
}

/** A group's key and label under a breakdown; a dispute not yet routed has no unit (key ''). */
const KEYS: Record<DisputeBreakdown, (g: Group) => { key: string; label: string }> = {
  level: (g) => ({ key: g.level, label: DISPUTE_LEVEL_LABELS[g.level] }),
  category: (g) => ({ key: g.category, label: g.categoryLabel ?? g.category }),
  township: (g) => ({ key: g.townshipCode, label: g.townshipName }),
  unit: (g) => ({ key: g.unitId, label: g.unitName ?? '未分流' }),
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
