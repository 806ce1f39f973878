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

type Box = {
  left?: number;
  top?: number;
  padding?: number | number[];
  itemWidth?: number;
  itemHeight?: number;
  itemGap?: number;
  textStyle?: { fontSize?: number };
};

const paddingOf = (box: Box) => (Array.isArray(box.padding) ? box.padding : [box.padding ?? 5, box.padding ?? 5]);
/** A line's width at a font size: a CJK character a full em, anything else about 0.6 em (generous). */
const textWidth = (text: string, size: number) =>
  [...text].reduce((w, ch) => w + (ch > '\u2e7f' ? size : 0.6 * size), 0);

/** The right edge of a vertical legend with these labels: padding, swatch, its gap and the longest line. */
const rightOf = (box: Box, labels: string[]) => {
  const size = box.textStyle?.fontSize ?? 12;
  const widest = Math.max(...labels.flatMap((label) => label.split('\n')).map((line) => textWidth(line, size)));
  return (box.left ?? 0) + 2 * paddingOf(box)[1]! + (box.itemWidth ?? 25) + 5 + widest;
};

/** The bottom edge of a vertical legend of `rows` one-line items placed at `top`. */
const bottomOf = (box: Box, rows: number) => {
  const line = Math.max(box.itemHeight ?? 14, Math.ceil((box.textStyle?.fontSize ?? 12) * 1.2));
  return (box.top ?? 0) + 2 * paddingOf(box)[0]! + rows * line + (rows - 1) * (box.itemGap ?? 10);
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

  it('keeps the legends in a column left of the map’s box, so no township lies under them', () => {
    type Legend = Box & { orient: string; formatter: (name: string) => string; data: string[] };
    const visualMap = option.visualMap as Box & { orient: string; pieces: Array<{ label: string }> };
    const [hazards, disputes] = option.legend as Legend[];
    const geo = option.geo as { top: number; bottom: number; left: number };
    // Inside its box, the map keeps the county's shape rather than stretching to the box's.
    expect(geo).toMatchObject({ ...MAP_BOX, preserveAspect: 'contain' });
    for (const box of [visualMap, hazards!, disputes!]) expect(box.orient).toBe('vertical');
    const bands = visualMap.pieces.map((piece) => piece.label);
    expect(rightOf(visualMap, bands)).toBeLessThanOrEqual(hazards!.left!);
    expect(rightOf(hazards!, hazards!.data.map(hazards!.formatter))).toBeLessThanOrEqual(MAP_BOX.left);
    expect(rightOf(disputes!, [disputes!.formatter(DISPUTE_LAYER)])).toBeLessThanOrEqual(MAP_BOX.left);
    // The disputes layer's legend lies under the bands.
    expect(disputes!.top).toBeGreaterThanOrEqual(bottomOf(visualMap, bands.length));
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
