import { describe, expect, it } from 'vitest';
import { BOUNDARY_MAX_BYTES, checkBoundaryFile } from '../../shared/domain/board/boundary';

const TOWNSHIPS = [
  { code: '999901001000', name: '东镇' },
  { code: '999901002000', name: '西街道' },
];

const square = (x: number, y: number, d = 0.1) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const east = feature(
  { NAME: '东镇', XZQDM: '999901001000', other: 1 },
  { type: 'Polygon', coordinates: square(113, 34) },
);
const west = feature(
  { NAME: '西街道', XZQDM: '999901002' },
  { type: 'MultiPolygon', coordinates: [square(113.2, 34), square(113.4, 34)] },
);
const byName = { property: 'NAME', matchBy: 'name' } as const;

const problemsOf = (text: string, options: Parameters<typeof checkBoundaryFile>[1] = byName) => {
  const result = checkBoundaryFile(text, options, TOWNSHIPS);
  return result.ok ? [] : result.problems;
};

describe('checking a boundary file', () => {
  it('accepts a FeatureCollection of polygons and keeps only code and name on each matched feature', () => {
    const result = checkBoundaryFile(file(east, west), byName, TOWNSHIPS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toEqual({
      featureCount: 2,
      matched: [
        { code: '999901001000', name: '东镇', featureValue: '东镇' },
        { code: '999901002000', name: '西街道', featureValue: '西街道' },
      ],
      unmatchedFeatures: [],
      townshipsWithoutFeature: [],
    });
    expect(result.features.map((f) => f.properties)).toEqual(TOWNSHIPS);
    expect(result.features[1]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [square(113.2, 34), square(113.4, 34)],
    });
  });

  it('matches by code, the 9-digit township code too', () => {
    const result = checkBoundaryFile(file(east, west), { property: 'XZQDM', matchBy: 'code' }, TOWNSHIPS);
    expect(result.ok && result.report.matched.map((m) => m.code)).toEqual(['999901001000', '999901002000']);
  });

  it('reports features naming no township and townships without a feature', () => {
    const stray = feature({ NAME: '北乡' }, { type: 'Polygon', coordinates: square(113, 35) });
    const unnamed = feature({}, { type: 'Polygon', coordinates: square(113, 36) });
    const result = checkBoundaryFile(file(east, stray, unnamed), byName, TOWNSHIPS);
    expect(result.ok && result.report).toEqual({
      featureCount: 3,
      matched: [{ code: '999901001000', name: '东镇', featureValue: '东镇' }],
      unmatchedFeatures: [
        { position: 2, value: '北乡', suggestions: [] },
        { position: 3, value: '第 3 个要素', suggestions: [] },
      ],
      townshipsWithoutFeature: [{ code: '999901002000', name: '西街道' }],
    });
  });

  it('matches names without their suffix, and offers near names for the rest', () => {
    const bare = feature({ NAME: '东' }, { type: 'Polygon', coordinates: square(113, 34) });
    const office = feature({ NAME: '西街道办事处' }, { type: 'Polygon', coordinates: square(113.2, 34) });
    const typo = feature({ NAME: '西接' }, { type: 'Polygon', coordinates: square(113.4, 34) });
    const result = checkBoundaryFile(file(bare, office), byName, TOWNSHIPS);
    expect(result.ok && result.report.matched).toEqual([
      { code: '999901001000', name: '东镇', featureValue: '东' },
      { code: '999901002000', name: '西街道', featureValue: '西街道办事处' },
    ]);
    const near = checkBoundaryFile(file(east, typo), byName, [...TOWNSHIPS, { code: '999901003000', name: '西街乡' }]);
    expect(near.ok && near.report.unmatchedFeatures).toEqual([
      {
        position: 2,
        value: '西接',
        suggestions: [
          { code: '999901002000', name: '西街道' },
          { code: '999901003000', name: '西街乡' },
        ],
      },
    ]);
  });

  it('takes the administrator’s assignment of an unmatched feature, and refuses a bad one', () => {
    const stray = feature({ NAME: '老城区' }, { type: 'Polygon', coordinates: square(113, 35) });
    const result = checkBoundaryFile(file(east, stray), { ...byName, assignments: { 2: '999901002000' } }, TOWNSHIPS);
    expect(result.ok && result.report).toMatchObject({
      matched: [
        { code: '999901001000', featureValue: '东镇' },
        { code: '999901002000', name: '西街道', featureValue: '老城区' },
      ],
      unmatchedFeatures: [],
      townshipsWithoutFeature: [],
    });
    expect(result.ok && result.features.map((f) => f.properties.name)).toEqual(['东镇', '西街道']);
    expect(problemsOf(file(east, stray), { ...byName, assignments: { 2: '999901009000' } })).toEqual([
      '第 2 个要素指定的乡镇代码 999901009000 不是本县乡镇，请重新选择',
    ]);
    expect(problemsOf(file(east, stray), { ...byName, assignments: { 5: '999901002000' } })).toEqual([
      '文件中没有第 5 个要素，请重新检查文件',
    ]);
    expect(problemsOf(file(east, stray), { ...byName, assignments: { 2: '999901001000' } })[0]).toContain(
      '乡镇“东镇”对应了 2 个要素（第 1、2 个）',
    );
  });

  it('refuses another geometry type, naming the feature', () => {
    const line = feature(
      { NAME: '西街道' },
      {
        type: 'LineString',
        coordinates: [
          [113, 34],
          [113.1, 34.1],
        ],
      },
    );
    expect(problemsOf(file(east, line))).toEqual([
      '第 2 个要素（西街道）的几何类型为 LineString，只接受面（Polygon 或 MultiPolygon），请只导出乡镇面图层',
    ]);
  });

  it('refuses an unclosed ring and a ring of fewer than 4 points', () => {
    const open = feature({ NAME: '东镇' }, { type: 'Polygon', coordinates: [square(113, 34)[0]!.slice(0, 4)] });
    expect(problemsOf(file(open))).toEqual([
      '第 1 个要素（东镇）的边界环没有闭合（首尾坐标点不同），请在 GIS 软件中修复几何后再导出',
    ]);
    const short = feature(
      { NAME: '东镇' },
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 34],
            [113.1, 34],
            [113, 34],
          ],
        ],
      },
    );
    expect(problemsOf(file(short))[0]).toContain('第 1 个要素（东镇）的边界环少于 4 个坐标点');
  });

  it('refuses coordinates outside longitude/latitude, and says so plainly when they look projected', () => {
    const flipped = feature({ NAME: '东镇' }, { type: 'Polygon', coordinates: square(34, 113) });
    expect(problemsOf(file(flipped))[0]).toBe(
      '第 1 个要素（东镇）的坐标 [34, 113] 超出经纬度范围（经度 -180～180，纬度 -90～90），请确认经度在前、纬度在后',
    );
    const projected = feature({ NAME: '东镇' }, { type: 'Polygon', coordinates: square(38_500_000, 3_800_000, 500) });
    const problems = problemsOf(file(east, projected));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('像是投影坐标');
    expect(problems[0]).toContain('转换为经纬度坐标');
    const notNumber = feature(
      { NAME: '东镇' },
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 34],
            [113, 'x'],
            [113.1, 34.1],
            [113, 34],
          ],
        ],
      },
    );
    expect(problemsOf(file(notNumber))[0]).toContain('不是数字的坐标值');
  });

  it('refuses an oversized file before parsing it, text that is not JSON, and JSON that is not a FeatureCollection', () => {
    expect(problemsOf(' '.repeat(BOUNDARY_MAX_BYTES + 1))).toEqual([expect.stringContaining('超过 20 MB')]);
    // 7 million CJK characters: within the character limit, over 20 MB as UTF-8.
    expect(problemsOf('东'.repeat(7_000_000))).toEqual([expect.stringContaining('超过 20 MB')]);
    expect(problemsOf('{"type": "FeatureCollection", features: []')[0]).toContain('不是有效的 JSON');
    expect(problemsOf(JSON.stringify({ type: 'Feature', geometry: null }))[0]).toContain('不是 GeoJSON 要素集合');
    expect(problemsOf(file())[0]).toContain('没有任何要素');
  });

  it('names the properties the file has when the chosen one is on no feature', () => {
    expect(problemsOf(file(east, west), { property: 'MC', matchBy: 'name' })).toEqual([
      '文件的要素中没有属性“MC”（或其值都为空）。文件中的属性有：NAME、XZQDM、other，请选择存放乡镇名称的属性',
    ]);
  });

  it('refuses two features for one township', () => {
    const again = feature({ NAME: '东镇' }, { type: 'Polygon', coordinates: square(113.5, 34) });
    expect(problemsOf(file(east, west, again))).toEqual([
      '乡镇“东镇”对应了 2 个要素（第 1、3 个），同一乡镇只能有一个要素，请在 GIS 软件中将其合并为一个面（MultiPolygon）后再导入',
    ]);
  });
});
