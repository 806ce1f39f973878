import { BOARD_DISPUTE_CATEGORY_LIMIT, type BoardDisputes } from '../../../../shared/contract/board';
import { computeDisputeFigures, type DisputeFigureGroup } from '../../../../shared/domain/disputes/figures';
import type { DisputeLevel } from '../../../../shared/domain/disputes/levels';
import type { DisputeResult, Satisfaction } from '../../../../shared/domain/disputes/statuses';
import type { Sql } from '../../db/sql';
import { topCategories } from './categories';
import { snapshotRows } from './snapshot-queries';

type WindowRow = {
  township: string;
  category: string;
  today: number;
  result: DisputeResult | null;
  escalated: number;
  satisfaction: Satisfaction | null;
  preventedCriminal: number;
  people: number;
  preventedCollective: number;
  level: DisputeLevel;
  n: number;
};

/** A group of alike disputes, as the domain's figures take it. */
const figureGroup = (g: WindowRow): DisputeFigureGroup => ({
  result: g.result,
  escalated: g.escalated === 1,
  satisfaction: g.satisfaction,
  preventedCriminal: g.preventedCriminal === 1,
  preventedCriminalPeople: g.people,
  preventedCollective: g.preventedCollective === 1,
  level: g.level,
  count: g.n,
});

const sum = (rows: readonly WindowRow[]) => rows.reduce((total, row) => total + row.n, 0);
const resolutionOf = (rows: readonly WindowRow[]) => computeDisputeFigures(rows.map(figureGroup)).resolution_rate;

/**
 * The board's disputes: taken in today, and over the trend's window (`from` to today) their number,
 * 化解率 (the domain's own definition, over groups of alike disputes) and categories, overall and per
 * township with the open ones. Counts only.
 */
export function boardDisputes(
  sql: Sql,
  window: { from: string; today: string },
  townships: ReadonlyArray<{ code: string }>,
  labels: Map<string, string>,
): BoardDisputes {
  const rows = snapshotRows<WindowRow>(sql, 'disputeWindow', window);
  const byTownship = new Map<string, WindowRow[]>();
  const byCategory = new Map<string, number>();
  for (const row of rows) {
    const own = byTownship.get(row.township);
    if (own) own.push(row);
    else byTownship.set(row.township, [row]);
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.n);
  }
  const open = new Map(
    snapshotRows<{ township: string; n: number }>(sql, 'openDisputes').map((row) => [row.township, row.n]),
  );
  return {
    from: window.from,
    today: sum(rows.filter((row) => row.today === 1)),
    received: sum(rows),
    resolution: resolutionOf(rows),
    open: [...open.values()].reduce((total, n) => total + n, 0),
    categories: topCategories(
      [...byCategory].map(([code, count]) => ({ code, count })),
      labels,
      BOARD_DISPUTE_CATEGORY_LIMIT,
    ),
    townships: townships.map(({ code }) => {
      const own = byTownship.get(code) ?? [];
      return {
        code,
        today: sum(own.filter((row) => row.today === 1)),
        received: sum(own),
        resolution: resolutionOf(own),
        open: open.get(code) ?? 0,
      };
    }),
  };
}
