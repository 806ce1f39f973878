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

/**
 * The board's disputes: taken in today, and over the trend's window (`from` to today) their number,
 * 化解率 (the domain's own definition, over groups of alike disputes), categories and townships;
 * the open ones per township. Counts only.
 */
export function boardDisputes(
  sql: Sql,
  window: { from: string; today: string },
  townships: ReadonlyArray<{ code: string }>,
  labels: Map<string, string>,
): BoardDisputes {
  const counts = snapshotRows<WindowRow>(sql, 'disputeWindow', window);
  const byTownship = new Map<string, number>();
  const byCategory = new Map<string, number>();
  for (const { township, category, n } of counts) {
    byTownship.set(township, (byTownship.get(township) ?? 0) + n);
    byCategory.set(category, (byCategory.get(category) ?? 0) + n);
  }
  const open = new Map(
    snapshotRows<{ township: string; n: number }>(sql, 'openDisputes').map((row) => [row.township, row.n]),
  );
  return {
    from: window.from,
    today: snapshotRows<{ n: number }>(sql, 'disputesToday', window)[0]?.n ?? 0,
    received: counts.reduce((sum, row) => sum + row.n, 0),
    resolution: computeDisputeFigures(counts.map(figureGroup)).resolution_rate,
    open: [...open.values()].reduce((sum, n) => sum + n, 0),
    categories: topCategories(
      [...byCategory].map(([code, count]) => ({ code, count })),
      labels,
      BOARD_DISPUTE_CATEGORY_LIMIT,
    ),
    townships: townships.map(({ code }) => ({ code, received: byTownship.get(code) ?? 0, open: open.get(code) ?? 0 })),
  };
}
