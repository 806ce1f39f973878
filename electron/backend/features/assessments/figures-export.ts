import type { AssessmentFigures } from '../../../../shared/contract/assessments';
import type { FigureSheet } from '../../export/figures-sheet';

/** 稳评统计 as a sheet: the figures, each breakdown and the figures by month registered. */
export function assessmentFigureSheet(figures: AssessmentFigures): FigureSheet {
  return {
    title: '稳评统计',
    period: figures.period,
    today: figures.today,
    tables: [
      { title: '总体', rows: figures.figures.map((f) => ({ name: '全部', figure: f.name, ...f.result })) },
      ...figures.breakdowns.map((b) => ({
        title: b.name,
        rows: b.rows.map((r) => ({ name: r.label, figure: b.name, ...r })),
      })),
      {
        title: '按立项月份',
        rows: figures.monthly.flatMap((m) =>
          figures.figures.map((f) => ({ name: m.month, figure: f.name, ...m.results[f.code] })),
        ),
      },
    ],
  };
}
