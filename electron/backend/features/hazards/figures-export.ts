import type { HazardFigures } from '../../../../shared/contract/hazards';
import type { FigureSheet } from '../../export/figures-sheet';

/** 隐患统计 as a sheet: the figures, each breakdown, 隐患化解率 by category and by month found. */
export function hazardFigureSheet(figures: HazardFigures): FigureSheet {
  const name = (code: string) => figures.definitions.find((d) => d.code === code)?.name ?? code;
  const resolution = name('hazard_resolution_rate');
  return {
    title: '隐患统计',
    period: figures.period,
    today: figures.today,
    tables: [
      {
        title: '总体',
        rows: [
          ...Object.entries(figures.figures).map(([code, r]) => ({ name: '全部', figure: name(code), ...r })),
          { name: '全部', figure: name('overdue_measures'), ...figures.overdueMeasures.measures },
        ],
      },
      ...Object.entries(figures.breakdowns).map(([code, rows]) => ({
        title: name(code),
        rows: rows.map((r) => ({ name: r.label, figure: name(code), ...r })),
      })),
      { title: '按隐患类别', rows: figures.byCategory.map((r) => ({ name: r.label, figure: resolution, ...r })) },
      {
        title: '按发现月份',
        rows: figures.monthly.map((m) => ({ name: m.month, figure: resolution, ...m.resolution })),
      },
    ],
  };
}
