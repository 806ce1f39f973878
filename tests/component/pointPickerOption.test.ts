import { describe, expect, it } from 'vitest';
import type { TownshipBoundary } from '@shared/contract/board';
import { pointPickerOption } from '@/features/hazards/pointPickerOption';

/** One square township: whatever the picker's box, it must stay a square. */
const SQUARE: TownshipBoundary = {
  source: { sourceUnit: '测试', approvalNo: '无', crs: 'WGS84', dataDate: '2026-01-01' },
  geojson: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: '999901001000', name: '镇一' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113, 34],
              [113.1, 34],
              [113.1, 34.1],
              [113, 34.1],
              [113, 34],
            ],
          ],
        },
      },
    ],
  },
};

describe('the hazard point picker’s map', () => {
  it('keeps the township’s shape inside its box, marks the chosen township and the point', () => {
    const option = pointPickerOption(SQUARE, '999901001000', [113.05, 34.05]) as {
      geo: { preserveAspect: string; regions: Array<{ name: string }> };
      series: Array<{ data: number[][] }>;
    };
    expect(option.geo.preserveAspect).toBe('contain');
    expect(option.geo.regions.map((region) => region.name)).toEqual(['999901001000']);
    expect(option.series[0]!.data).toEqual([[113.05, 34.05]]);
  });
});
