import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, TownshipBoundary } from '@shared/contract/board';
import { buildMapOption, MAP_BOX } from '@/board/mapOption';
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
  } as unknown as BoardSnapshot) as Record<string, unknown>;

  it('keeps both legends in a band above the map’s box, so no township lies under them', () => {
    const visualMap = option.visualMap as Box & { orient: string };
    const legend = option.legend as Box & { orient: string };
    const geo = option.geo as { top: number; bottom: number };
    expect(geo).toMatchObject({ top: MAP_BOX.top, bottom: MAP_BOX.bottom });
    for (const box of [visualMap, legend]) {
      expect(box.orient).toBe('horizontal');
      expect(bottomOf(box)).toBeLessThanOrEqual(MAP_BOX.top);
    }
  });

  it('outlines every hazard point and marks the township under the pointer without a band’s colour', () => {
    const series = option.series as Array<{ type: string; itemStyle?: { borderWidth?: number; borderColor?: string } }>;
    const points = series.filter((s) => s.type === 'scatter');
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
