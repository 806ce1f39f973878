import type { FigureGroup, PetitionFigures } from '../../../../shared/contract/petitions';
import type { PetitionMetricCode } from '../../../../shared/domain/petitions/metrics';
import type { FigureSheet, FigureSheetTable } from '../../export/figures-sheet';

/** The figures 统计 shows in its tables, in its order. */
const SHOWN: readonly PetitionMetricCode[] = [
  'conclusion_rate',
  'resolution_rate',
  'on_time_rate',
  'overdue',
  'repeat_cases',
];

/** 信访积案统计 as a sheet: overall, by township, unit and category, and by month of 受理. */
export function petitionFigureSheet(figures: PetitionFigures): FigureSheet {
  const names = new Map(figures.metrics.map((m) => [m.code, m.name]));
  const table = (title: string, groups: ReadonlyArray<Pick<FigureGroup, 'name' | 'results'>>): FigureSheetTable => ({
    title,
    rows: groups.flatMap((g) =>
      SHOWN.map((code) => ({ name: g.name, figure: names.get(code) ?? code, ...g.results[code] })),
    ),
  });
  return {
    title: '信访积案统计',
    period: figures.period,
    today: figures.today,
    tables: [
      table('总体', [{ name: '全部', results: figures.overall }]),
      table('按乡镇/街道', figures.byTownship),
      table('按承办单位', figures.byUnit),
      table('按问题分类', figures.byCategory),
      table(
        '按受理月份',
        figures.monthly.map((m) => ({ name: m.month, results: m.results })),
      ),
    ],
  };
}
