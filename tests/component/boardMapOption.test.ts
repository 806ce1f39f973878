import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, TownshipBoundary } from '@shared/contract/board';
import { buildMapOption, DISPUTE_LAYER, DISPUTE_LAYER_TEXT, MAP_BOX } from '@/board/mapOption';
import { buildTrendOption } from '@/board/trendOption';

/** A long, thin county: with a legend in a corner of the map's box, its ends would lie under it. */
const WIDE: TownshipBoundary = {
  source: { sourceUnit: '测试', approvalNo: '无', crs: 'WGS84', dataDate: '2026-01-01' },
  geojson: {
    type: 'FeatureCollection',
    features: [0, 1, 2].map((i) => ({
      type: 'Feature' as const,
      properties: { code: `99990100${i + 1}000`, name: `镇${i + 1}` },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [113 + i, 34],
            [114 + i, 34],
            [114 + i, 34.3],
            [113 + i, 34.3],
            [113 + i, 34],
          ],
        ],
      },
    })),
  },
};

type Box = { top?: number; padding?: number | number[]; itemHeight?: number; textStyle?: { fontSize?: number } };

/** The bottom edge of a one-row legend placed at `top`: its padding, and the taller of its swatch and its text. */
const bottomOf = (legend: Box) => {
  const [vertical] = Array.isArray(legend.padding) ? legend.padding : [legend.padding ?? 5];
  const line = Math.max(legend.itemHeight ?? 14, Math.ceil((legend.textStyle?.fontSize ?? 12) * 1.2));
  return (legend.top ?? 0) + 2 * vertical! + line;
};

describe('the board map’s option', () => {
  const option = buildMapOption(WIDE, {
    hazardPoints: { points: [[113.5, 34.1, 'yellow']], omitted: 0 },
    townships: [],
    disputes: {
      townships: [
        { code: '999901001000', received: 4, open: 1 },
        { code: '999901002000', received: 0, open: 2 },
        { code: '999901003000', received: 1, open: 0 },
      ],
    },
  } as unknown as BoardSnapshot) as Record<string, unknown>;
  type Scatter = {
    type: string;
    name: string;
    data: number[][];
    symbolSize: (value: number[]) => number;
    itemStyle?: { borderWidth?: number; borderColor?: string };
  };
  const series = option.series as Scatter[];

  it('keeps both legends in a band above the map’s box, so no township lies under them', () => {
    const visualMap = option.visualMap as Box & { orient: string };
    const [legend, disputes] = option.legend as Array<Box & { orient: string }>;
    const geo = option.geo as { top: number; bottom: number };
    // Inside its box, the map keeps the county's shape rather than stretching to the box's.
    expect(geo).toMatchObject({ top: MAP_BOX.top, bottom: MAP_BOX.bottom, preserveAspect: 'contain' });
    for (const box of [visualMap, legend!, disputes!]) {
      expect(box.orient).toBe('horizontal');
      expect(bottomOf(box)).toBeLessThanOrEqual(MAP_BOX.top);
    }
    // The disputes layer's row lies under the first.
    expect(disputes!.top).toBeGreaterThanOrEqual(Math.max(bottomOf(visualMap), bottomOf(legend!)));
  });

  it('draws the disputes layer as one circle per township with disputes, at its centre, larger for more', () => {
    const layer = series.find((s) => s.name === DISPUTE_LAYER)!;
    expect(layer.type).toBe('scatter');
    // The squares' centres: 镇1 113.5 (4 disputes), 镇3 115.5 (1); 镇2 has none taken in.
    expect(layer.data.map(([lng, lat, n]) => [Number(lng!.toFixed(9)), Number(lat!.toFixed(9)), n])).toEqual([
      [113.5, 34.15, 4],
      [115.5, 34.15, 1],
    ]);
    expect(layer.symbolSize(layer.data[0]!)).toBeGreaterThan(layer.symbolSize(layer.data[1]!));
    const legends = option.legend as Array<{ data: string[]; formatter: (name: string) => string }>;
    expect(legends[1]!.data).toEqual([DISPUTE_LAYER]);
    expect(legends[1]!.formatter(DISPUTE_LAYER)).toBe(DISPUTE_LAYER_TEXT);
  });

  it('outlines every hazard point and marks the township under the pointer without a band’s colour', () => {
    const points = series.filter((s) => s.type === 'scatter' && s.name.endsWith('隐患'));
    expect(points).toHaveLength(4);
    for (const s of points) expect(s.itemStyle).toMatchObject({ borderColor: '#041633', borderWidth: 1.5 });
    expect((option.geo as { emphasis: unknown }).emphasis).toMatchObject({ itemStyle: { areaColor: 'inherit' } });
  });

  it('draws the trend with straight segments', () => {
    const trend = buildTrendOption([{ date: '2026-12-01', newCases: 1, newHazards: 0, resolvedCases: 2 }]) as {
      series: Array<{ smooth: boolean }>;
    };
    expect(trend.series.map((s) => s.smooth)).toEqual([false, false, false]);
  });
});
