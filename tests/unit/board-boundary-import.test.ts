import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedBoundary } from '../helpers/hazards';
import { must, petitionBackend } from '../helpers/petitions';

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.2, y],
    [x + 0.2, y + 0.2],
    [x, y + 0.2],
    [x, y],
  ],
];
const feature = (NAME: string, x: number, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { NAME, 负责人: '某某', ...extra },
  geometry: { type: 'Polygon', coordinates: square(x, 34.3) },
});
const geojson = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const GOOD = geojson(feature('东镇', 113), feature('北乡', 113.4));
const SOURCE = {
  sourceUnit: '测试县自然资源局',
  approvalNo: '豫S（2026）001号',
  crs: 'CGCS2000',
  dataDate: '2026-06-30',
};

/** Everything the import could change: the boundaries and the audit rows of imports. */
function stored(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return {
      boundaries: db.prepare('SELECT id, source_unit, active, geojson FROM boundaries ORDER BY imported_at, id').all(),
      audits: db.prepare("SELECT count(*) FROM audit_log WHERE action = 'board.importBoundary'").pluck().get(),
    };
  } finally {
    db.close();
  }
}

describe('importing the township boundaries', { timeout: 20_000 }, () => {
  it('previews the match without storing anything', async () => {
    const { backend, admin } = await petitionBackend();
    seedBoundary(backend);
    const before = stored(backend.dbFile);
    expect(
      await must(
        backend.call('board.importBoundaryPreview', { geojson: GOOD, property: 'NAME', matchBy: 'name' }, admin),
      ),
    ).toEqual({
      featureCount: 2,
      matched: [{ code: '999901001000', name: '东镇', featureValue: '东镇' }],
      unmatchedFeatures: [{ position: expect.any(Number), value: '北乡', suggestions: [] }],
      townshipsWithoutFeature: [{ code: '999901002000', name: '西街道' }],
    });
    expect(stored(backend.dbFile)).toEqual(before);
  });

  it('stores only the matched features with code and name, makes them active and audits the import', async () => {
    const { backend, admin, officer } = await petitionBackend();
    seedBoundary(backend);
    const report = await must(
      backend.call('board.importBoundary', { geojson: GOOD, property: 'NAME', matchBy: 'name', ...SOURCE }, admin),
    );
    expect(report.matched.map((m) => m.code)).toEqual(['999901001000']);
    const boundary = await must(backend.call('board.boundary', {}, officer));
    expect(boundary).toEqual({
      source: SOURCE,
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '999901001000', name: '东镇' },
            geometry: { type: 'Polygon', coordinates: square(113, 34.3) },
          },
        ],
      },
    });
    expect((await must(backend.call('board.snapshot', {}, officer))).boundarySource).toEqual(SOURCE);
    const after = stored(backend.dbFile);
    expect(after.boundaries.map((b) => (b as { active: number }).active)).toEqual([0, 1]);
    expect(after.audits).toBe(1);
  });

  it('changes nothing on bad input, with a Chinese message naming the problem', async () => {
    const { backend, admin } = await petitionBackend();
    seedBoundary(backend);
    const before = stored(backend.dbFile);
    const attempt = (over: Record<string, unknown>) =>
      backend.call(
        'board.importBoundary',
        { geojson: GOOD, property: 'NAME', matchBy: 'name', ...SOURCE, ...over } as never,
        admin,
      );
    const line = {
      type: 'Feature',
      properties: { NAME: '东镇' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [113, 34],
          [113.1, 34.1],
        ],
      },
    };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ geojson: 'not json' }, 'geojson', /不是有效的 JSON/],
      [{ geojson: geojson(line) }, 'geojson', /第 1 个要素（东镇）的几何类型为 LineString/],
      [{ geojson: geojson(feature('东镇', 500000)) }, 'geojson', /投影坐标/],
      [{ geojson: geojson(feature('北乡', 113)) }, 'property', /没有要素能对应本县乡镇/],
      [{ geojson: ' '.repeat(20 * 1024 * 1024 + 1) }, 'geojson', /超过 20 MB/],
      [{ approvalNo: '' }, 'approvalNo', /审图号/],
      [{ dataDate: '2026-02-30' }, 'dataDate', /数据日期/],
    ];
    for (const [over, path, message] of cases) {
      const result = await attempt(over);
      expect(result, path).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) {
        expect(result.error.details?.[0]?.path).toBe(path);
        expect(`${result.error.message}${result.error.details?.[0]?.message}`).toMatch(message);
      }
    }
    expect(stored(backend.dbFile)).toEqual(before);
  });

  it('is for administrators only', async () => {
    const { backend, officer, leader } = await petitionBackend();
    for (const client of [officer, leader])
      expect(
        await backend.call('board.importBoundaryPreview', { geojson: GOOD, property: 'NAME', matchBy: 'name' }, client),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
