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
  // Each row's counters once as an array, so every sum below is a loop over numbers.
  const parts = groups.map((group) => TALLY_COUNTERS.map((c) => group[c]));
  return {
    ...figureSet(sumOf(parts)),
    breakdowns: Object.fromEntries(DISPUTE_BREAKDOWNS.map((b) => [b, breakdown(groups, parts, b)])) as Record<
      DisputeBreakdown,
      DisputeBreakdownRow[]
    >,
  };
};

/** The counters summed over every row, in TALLY_COUNTERS' order. */
function sumOf(parts: readonly number[][]): number[] {
  const sums = TALLY_COUNTERS.map(() => 0);
  for (const row of parts) for (let c = 0; c < sums.length; c += 1) sums[c]! += row[c]!;
  return sums;
}

function figureSet(sums: readonly number[]) {
  const counts = Object.fromEntries(TALLY_COUNTERS.map((c, i) => [c, sums[i]!])) as Counts;
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

function breakdown(groups: readonly Group[], parts: readonly number[][], by: DisputeBreakdown): DisputeBreakdownRow[] {
  const rows = new Map<string, { label: string; sums: number[] }>();
  groups.forEach((group, index) => {
    const { key, label } = KEYS[by](group);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { label, sums: TALLY_COUNTERS.map(() => 0) }));
    const part = parts[index]!;
    for (let c = 0; c < row.sums.length; c += 1) row.sums[c]! += part[c]!;
  });
  const keys = [...rows.keys()];
  if (by === 'level') keys.sort((a, b) => DISPUTE_LEVELS.indexOf(a as never) - DISPUTE_LEVELS.indexOf(b as never));
  else keys.sort((a, b) => byLabel.compare(rows.get(a)!.label, rows.get(b)!.label));
  return keys.map((key) => ({ key, label: rows.get(key)!.label, ...figureSet(rows.get(key)!.sums) }));
}
