import { formatRate, type MetricResult } from '@shared/domain/ledger/figures';
import type { ChartOption } from './echarts';

/**
 * The statistics pages' charts as ECharts options: a title naming what is counted, months or
 * names along the bottom. Rates are drawn as percentages with the printed rate (and its parts) in
 * the tooltip, so a chart never shows a rate other than `formatRate`'s.
 */
const TITLE = { left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold' as const } };
const GRID = { left: 48, right: 16, top: 64, bottom: 32, containLabel: true };

export interface CountSeries {
  name: string;
  values: readonly number[];
}

/** Counts per month, one line each (收到 / 办结 …). */
export const countTrend = (title: string, months: readonly string[], series: readonly CountSeries[]): ChartOption => ({
  title: { text: title, ...TITLE },
  tooltip: { trigger: 'axis' },
  legend: { top: 26, left: 0 },
  grid: GRID,
  xAxis: { type: 'category', data: [...months] },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], smooth: false, symbolSize: 6 })),
});

export interface RateSeries {
  name: string;
  results: readonly MetricResult[];
}

const percent = (r: MetricResult) => (r.rate === null ? null : Math.round(r.rate * 10_000) / 100);

/** Rates per month, one line each; a month with nothing to divide is a gap. */
export const rateTrend = (title: string, months: readonly string[], series: readonly RateSeries[]): ChartOption => ({
  title: { text: title, ...TITLE },
  tooltip: {
    trigger: 'axis',
    formatter: (params: unknown) =>
      (params as Array<{ seriesIndex: number; dataIndex: number; axisValue: string; marker: string }>)
        .map((p, i) => {
          const r = series[p.seriesIndex]!.results[p.dataIndex]!;
          const line = `${p.marker}${series[p.seriesIndex]!.name} ${formatRate(r)}（${r.numerator}/${r.denominator}）`;
          return i === 0 ? `${p.axisValue}<br/>${line}` : line;
        })
        .join('<br/>'),
  },
  legend: { top: 26, left: 0 },
  grid: GRID,
  xAxis: { type: 'category', data: [...months] },
  yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
  series: series.map((s) => ({ type: 'line', name: s.name, data: s.results.map(percent), connectNulls: false })),
});

const clip = (name: string) => (name.length > 6 ? `${name.slice(0, 6)}…` : name);

/** One bar per name (a township, a unit, a category); a click on a bar names it. */
export const countBars = (
  title: string,
  names: readonly string[],
  values: readonly number[],
  unit: string,
): ChartOption => ({
  title: { text: title, ...TITLE },
  tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} ${unit}` },
  grid: { ...GRID, bottom: 8 },
  xAxis: {
    type: 'category',
    data: [...names],
    // Long unit names are cut to 6 characters under the bar; the tooltip names them whole.
    axisLabel: { interval: 0, rotate: names.length > 6 ? 40 : 0, formatter: (name: string) => clip(name) },
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: [...values], barMaxWidth: 36, cursor: 'pointer' }],
});

/** A small line of one rate over months, without axes: a card's trend (工作台's key rates). */
export const rateSparkline = (
  name: string,
  months: readonly string[],
  results: readonly MetricResult[],
): ChartOption => ({
  tooltip: {
    trigger: 'axis',
    formatter: (params: unknown) => {
      const { dataIndex, axisValue } = (params as Array<{ dataIndex: number; axisValue: string }>)[0]!;
      const r = results[dataIndex]!;
      return `${axisValue} 受理积案的${name} ${formatRate(r)}（${r.numerator}/${r.denominator}）`;
    },
  },
  grid: { left: 4, right: 4, top: 6, bottom: 18 },
  xAxis: { type: 'category', data: [...months], axisLabel: { fontSize: 10 }, axisTick: { show: false } },
  yAxis: { type: 'value', min: 0, max: 100, show: false },
  series: [{ type: 'line', data: results.map(percent), symbolSize: 4, areaStyle: { opacity: 0.15 } }],
});
