import type { DisputeFigures } from '../../../../shared/contract/disputes';
import { DISPUTE_BREAKDOWN_LABELS, DISPUTE_BREAKDOWNS } from '../../../../shared/domain/disputes/figures';
import type { FigurePeriod } from '../../../../shared/domain/ledger/figure-period';
import type { FigureSheet } from '../../export/figures-sheet';

/** 纠纷统计 as a sheet: every figure overall, then each figure per level, category, township and unit. */
export function disputeFigureSheet(figures: DisputeFigures, period: FigurePeriod | null): FigureSheet {
  return {
    title: '纠纷统计',
    period,
    today: figures.today,
    tables: [
      {
        title: '总体',
        rows: figures.definitions.map((d) => ({ name: '全部', figure: d.name, ...figures.figures[d.code] })),
      },
      ...DISPUTE_BREAKDOWNS.map((by) => ({
        title: DISPUTE_BREAKDOWN_LABELS[by],
        rows: figures.breakdowns[by].flatMap((row) =>
          figures.definitions.map((d) => ({ name: row.label, figure: d.name, ...row.figures[d.code] })),
        ),
      })),
    ],
  };
}
