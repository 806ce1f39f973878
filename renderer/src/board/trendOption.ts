import type { BoardTrendDay } from '@shared/contract/board';
import type { ChartOption } from '@/components/echarts';

const SERIES = [
  { key: 'newCases', name: '新增积案', color: '#5fe6ff' },
  { key: 'newHazards', name: '新增隐患', color: '#fb8c00' },
  { key: 'resolvedCases', name: '化解积案', color: '#66bb6a' },
] as const;

const AXIS_TEXT = { color: '#9fc7ec', fontSize: 16 };

/** The 30-day trend: one line per count, a day per point; the shape stays put across refreshes. */
export function buildTrendOption(days: readonly BoardTrendDay[]): ChartOption {
  return {
    grid: { top: 44, right: 16, bottom: 28, left: 44 },
    legend: { top: 0, right: 0, itemGap: 16, textStyle: { color: '#cfe8ff', fontSize: 17 } },
    tooltip: {
      trigger: 'axis',
      backgroundColor: 'rgba(4, 24, 54, 0.94)',
      borderColor: '#3fd0ff',
      textStyle: { color: '#e8f6ff', fontSize: 16 },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: days.map((day) => day.date.slice(5)),
      axisLabel: { ...AXIS_TEXT, interval: 6 },
      axisLine: { lineStyle: { color: 'rgba(63, 208, 255, 0.4)' } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: AXIS_TEXT,
      splitLine: { lineStyle: { color: 'rgba(63, 208, 255, 0.12)' } },
    },
    series: SERIES.map((series) => ({
      type: 'line' as const,
      name: series.name,
      // Straight segments: a smoothed line invents values between the days and overshoots zero.
      smooth: false,
      showSymbol: false,
      lineStyle: { width: 3, color: series.color },
      itemStyle: { color: series.color },
      data: days.map((day) => day[series.key]),
    })),
  };
}
