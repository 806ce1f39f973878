import {
  BOARD_CATEGORY_LIMIT,
  BOARD_POINT_LIMIT,
  BOARD_TICKER_LIMIT,
  BOARD_TREND_DAYS,
  type BoardAlert,
  type BoardAlertKind,
  type BoardDutyEntry,
  type BoardHazardPoint,
  type BoardSnapshot,
  type BoardTownship,
  type BoardTrendDay,
  type BoundarySource,
  type HazardLevelCounts,
} from '../../../../shared/contract/board';
import { riskIndex } from '../../../../shared/domain/board/risk-index';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { competitionRanks } from '../../../../shared/domain/ledger/ranking';
import { conclusionRateOf, resolutionRateOf } from '../../../../shared/domain/petitions/metrics';
import { HAZARD_LEVEL_LABELS, HAZARD_LEVELS, type HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { countyMidnight } from '../../../../shared/domain/time';
import type { HandlerContext } from '../../api/types';
import { centreOfCounty } from '../../db/county';
import { todayOf } from '../../ledger/clock';
import { topCategories, UNCLASSIFIED } from './categories';
import { boardDisputes } from './disputes';
import { snapshotRows } from './snapshot-queries';

/** A township's cases from petition_tallies (migration 0017): 办结 = the reply, 化解 apart. */
type CaseTally = { township: string; cases: number; open: number; concluded: number; resolved: number };

const noHazards = (): HazardLevelCounts => ({ red: 0, orange: 0, yellow: 0, blue: 0 });

/** `11-22 09:30` in the county's time (UTC+8). */
const countyClock = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

/**
 * When an alert happened as the ticker says it: an event at its time; a case became overdue on a
 * day (at the county's midnight), so its date alone, never a made-up 00:00.
 */
const whenOf = (row: { at: string; kind: BoardAlertKind }) =>
  row.kind === 'case_overdue' ? `${countyClock(row.at).slice(0, 5)}起` : countyClock(row.at);

const ALERT_WORDING: Record<BoardAlertKind, (level: HazardLevel | null) => string> = {
  hazard_found: (level) => `新发现${level ? HAZARD_LEVEL_LABELS[level] : ''}风险隐患`,
  hazard_raised: (level) => `风险隐患升为${level ? HAZARD_LEVEL_LABELS[level] : ''}`,
  collective_petition: () => '新登记集体访',
  case_overdue: () => '信访积案超期',
};

/** A count per key from `{ key, n }` rows. */
const countsBy = (rows: Array<{ n: number } & Record<string, unknown>>, key: string) =>
  new Map(rows.map((r) => [String(r[key]), r.n]));

/** Open hazards with coordinates, red first, up to the cap; how many the cap left out. */
function hazardPoints(ctx: HandlerContext): BoardSnapshot['hazardPoints'] {
  const total = snapshotRows<{ n: number }>(ctx.sql, 'pointsTotal')[0]?.n ?? 0;
  const points: BoardHazardPoint[] = [];
  for (const level of HAZARD_LEVELS) {
    const limit = BOARD_POINT_LIMIT - points.length;
    if (limit === 0) break;
    for (const p of snapshotRows<{ lng: number; lat: number }>(ctx.sql, 'points', { level, limit }))
      points.push([p.lng, p.lat, level]);
  }
  return { points, omitted: total - points.length };
}

/** Open hazards by township and colour, by category, and in all, from the trigger-kept tallies. */
function openHazardTallies(ctx: HandlerContext) {
  const byTownship = new Map<string, HazardLevelCounts>();
  const byCategory = new Map<string, number>();
  const total = noHazards();
  type Tally = { township: string; level: HazardLevel; category: string; open: number };
  for (const t of snapshotRows<Tally>(ctx.sql, 'hazardTallies')) {
    const counts = byTownship.get(t.township) ?? noHazards();
    counts[t.level] += t.open;
    byTownship.set(t.township, counts);
    total[t.level] += t.open;
    byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + t.open);
  }
  return { byTownship, byCategory, total };
}

/** Each day from `from` to today (every day present, 0 when nothing happened), and today's new items. */
function trendDays(ctx: HandlerContext, from: string, today: string) {
  const perDay = (name: 'newCases' | 'newHazards' | 'resolvedCases') =>
    countsBy(snapshotRows(ctx.sql, name, { from, today }), 'date');
  const newCases = perDay('newCases');
  const newHazards = perDay('newHazards');
  const resolvedCases = perDay('resolvedCases');
  const trends: BoardTrendDay[] = Array.from({ length: BOARD_TREND_DAYS }, (_, i) => {
    const date = addDays(from, i);
    return {
      date,
      newCases: newCases.get(date) ?? 0,
      newHazards: newHazards.get(date) ?? 0,
      resolvedCases: resolvedCases.get(date) ?? 0,
    };
  });
  return { trends, todayCounts: { cases: newCases.get(today) ?? 0, hazards: newHazards.get(today) ?? 0 } };
}

/**
 * Everything the situation board shows, as aggregates: summary tables kept by triggers and index
 * ranges (see snapshot-queries.ts), assembled here. County-wide for every reader: the board is
 * the county's wall, and it holds no personal data.
 */
export function boardSnapshot(ctx: HandlerContext): BoardSnapshot {
  const { sql } = ctx;
  const today = todayOf(ctx);
  const from = addDays(today, -(BOARD_TREND_DAYS - 1));
  const weights = ctx.settings.board.weights;

  const labelsOf = new Map<string, Map<string, string>>();
  for (const e of snapshotRows<{ dict: string; code: string; label: string }>(sql, 'categoryLabels'))
    labelsOf.set(e.dict, (labelsOf.get(e.dict) ?? new Map<string, string>()).set(e.code, e.label));
  const hazardLabels = labelsOf.get('hazard_category') ?? new Map<string, string>();
  const caseLabels = labelsOf.get('petition_category') ?? new Map<string, string>();

  const townshipRows = snapshotRows<{ code: string; name: string }>(sql, 'townships');
  const townshipNames = new Map(townshipRows.map((t) => [t.code, t.name]));

  const hazards = openHazardTallies(ctx);

  const cases = new Map(snapshotRows<CaseTally>(sql, 'caseTallies').map((c) => [c.township, c]));
  const overdueCases = countsBy(snapshotRows(sql, 'overdueCases', { today }), 'township');
  const overdueTasks = countsBy(snapshotRows(sql, 'overdueTasks', { today }), 'township');

  const townships: BoardTownship[] = townshipRows.map(({ code, name }) => {
    const openHazards = hazards.byTownship.get(code) ?? noHazards();
    const tally = cases.get(code) ?? { township: code, cases: 0, open: 0, concluded: 0, resolved: 0 };
    const inputs = {
      openHazards,
      openCases: tally.open,
      overdueCases: overdueCases.get(code) ?? 0,
      overdueTasks: overdueTasks.get(code) ?? 0,
    };
    const { index, band } = riskIndex(inputs, weights);
    return { code, name, riskIndex: index, band, ...inputs, resolution: resolutionRateOf(tally) };
  });

  const { trends, todayCounts } = trendDays(ctx, from, today);

  const caseSums = [...cases.values()].reduce(
    (sum, c) => ({
      cases: sum.cases + c.cases,
      open: sum.open + c.open,
      concluded: sum.concluded + c.concluded,
      resolved: sum.resolved + c.resolved,
    }),
    { cases: 0, open: 0, concluded: 0, resolved: 0 },
  );
  const sourceRow = snapshotRows<BoundarySource>(sql, 'boundarySource')[0];
  const overdueTotal = [...overdueCases.values()].reduce((n, c) => n + c, 0);

  return {
    generatedAt: ctx.now().toISOString(),
    today,
    countyName: snapshotRows<{ name: string }>(sql, 'county')[0]?.name ?? null,
    centreName: centreOfCounty(sql, ctx.settings.work),
    boundarySource: sourceRow ?? null,
    townships,
    totals: {
      openHazards: hazards.total,
      openCases: caseSums.open,
      resolution: resolutionRateOf(caseSums),
      conclusion: conclusionRateOf({ concluded: caseSums.concluded, overdue: overdueTotal }),
      overdue: {
        cases: overdueTotal,
        tasks: snapshotRows<{ n: number }>(sql, 'overdueTasksTotal', { today })[0]?.n ?? 0,
      },
      today: todayCounts,
    },
    trends,
    categories: {
      hazards: topCategories(
        [...hazards.byCategory].filter(([, count]) => count > 0).map(([code, count]) => ({ code, count })),
        hazardLabels,
        BOARD_CATEGORY_LIMIT,
      ),
      petitions: topCategories(snapshotRows(sql, 'caseCategories'), caseLabels, BOARD_CATEGORY_LIMIT),
    },
    ranking: competitionRanks(
      townships,
      (a, b) => b.riskIndex - a.riskIndex,
      (a, b) => (a.code < b.code ? -1 : 1),
    ).map(({ rank, item: { code, name, riskIndex: index, band } }) => ({ rank, code, name, riskIndex: index, band })),
    hazardPoints: hazardPoints(ctx),
    ticker: ticker(ctx, today, townshipNames, hazardLabels, caseLabels),
    disputes: boardDisputes(sql, { from, today }, townshipRows, labelsOf.get('dispute_category') ?? new Map()),
    duty: snapshotRows<BoardDutyEntry>(sql, 'duty', { today }),
    refreshSeconds: ctx.settings.board.refreshSeconds,
  };
}

/**
 * Cases that became overdue, at most, among the ticker's lines: a large backlog has some every day,
 * and they would push the hazards and collective petitions off the ticker.
 */
const OVERDUE_TICKER_LIMIT = 5;

/** The latest alerts: events kept by triggers, and the cases that became overdue, newest first. */
function ticker(
  ctx: HandlerContext,
  today: string,
  townshipNames: Map<string, string>,
  hazardLabels: Map<string, string>,
  caseLabels: Map<string, string>,
): BoardAlert[] {
  type Row = { at: string; kind: BoardAlertKind; township: string; category: string; level: HazardLevel | null };
  const events = snapshotRows<Row>(ctx.sql, 'alerts', { limit: BOARD_TICKER_LIMIT });
  const overdue = snapshotRows<{ dueDate: string; township: string; category: string }>(ctx.sql, 'overdueAlerts', {
    today,
    limit: OVERDUE_TICKER_LIMIT,
  }).map((c): Row => ({
    at: countyMidnight(addDays(c.dueDate, 1)),
    kind: 'case_overdue',
    township: c.township,
    category: c.category,
    level: null,
  }));
  return [...events, ...overdue]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, BOARD_TICKER_LIMIT)
    .map((row) => {
      const townshipName = townshipNames.get(row.township) ?? '';
      const labels = row.kind.startsWith('hazard') ? hazardLabels : caseLabels;
      const categoryLabel = row.category ? (labels.get(row.category) ?? row.category) : UNCLASSIFIED;
      return {
        at: row.at,
        kind: row.kind,
        level: row.level,
        townshipName,
        categoryLabel,
        text: `${whenOf(row)} ${townshipName} ${categoryLabel} ${ALERT_WORDING[row.kind](row.level)}`,
      };
    });
}
