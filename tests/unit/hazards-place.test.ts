import { describe, expect, it } from 'vitest';
import { gcj02FromWgs84 } from '../../shared/domain/geo/gcj02';
import { seed } from '../helpers/backend';
import { hazardDraft } from '../helpers/hazards';
import { EAST, must, petitionBackend, WEST } from '../helpers/petitions';

const ring = (minLng: number, minLat: number, maxLng: number, maxLat: number) => [
  [minLng, minLat],
  [maxLng, minLat],
  [maxLng, maxLat],
  [minLng, maxLat],
  [minLng, minLat],
];
// 东镇: a block 113.0–113.4 with a hole (西街道's enclave) and a second part in the south-east;
// 西街道: the north-east block and the enclave. 113.5, 34.45 lies in neither.
const HOLE = ring(113.1, 34.5, 113.2, 34.6);
const FEATURES = [
  {
    type: 'Feature',
    properties: { code: EAST, name: '东镇' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [[ring(113.0, 34.3, 113.4, 34.9), HOLE], [ring(113.5, 34.3, 113.6, 34.4)]],
    },
  },
  {
    type: 'Feature',
    properties: { code: WEST, name: '西街道' },
    geometry: { type: 'MultiPolygon', coordinates: [[ring(113.4, 34.5, 113.6, 34.9)], [HOLE]] },
  },
];

async function county(crs = 'CGCS2000') {
  const setup = await petitionBackend();
  const geojson = JSON.stringify({ type: 'FeatureCollection', features: FEATURES });
  seed(
    setup.backend,
    `INSERT INTO boundaries (id, source_unit, approval_no, crs, data_date, geojson, imported_at, active)
     VALUES ('b1', '测试县自然资源局', '测试审图号', '${crs}', '2026-01-01', '${geojson}', '2026-01-01T00:00:00.000Z', 1)`,
  );
  return setup;
}

const messageOf = (result: { ok: boolean; error?: { message: string } }) => (result.ok ? '' : result.error!.message);

describe('a hazard’s place against its township’s polygons', () => {
  it('takes a point in either part of the township, refuses one in another township and names it', async () => {
    const { backend, officer } = await county();
    const create = (lng: number, lat: number, townshipCode = EAST) =>
      backend.call('hazards.create', hazardDraft({ lng, lat, townshipCode }), officer);
    expect(await create(113.3, 34.7)).toMatchObject({ ok: true });
    expect(await create(113.55, 34.35)).toMatchObject({ ok: true });
    // The hole of 东镇 is 西街道's enclave.
    const inHole = await create(113.15, 34.55);
    expect(inHole).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'lng' }] } });
    expect(messageOf(inHole)).toBe(
      '坐标（113.15, 34.55）位于西街道，不在所选的东镇内：请核对“乡镇/街道”或“经度”“纬度”',
    );
    expect(await create(113.15, 34.55, WEST)).toMatchObject({ ok: true });
    expect(messageOf(await create(113.5, 34.45))).toBe(
      '坐标（113.5, 34.45）不在东镇的边界内，也不在本县其他乡镇/街道的边界内：请核对“经度”“纬度”及坐标系',
    );
  });

  it('converts a point read off a GCJ-02 map to the boundary’s CGCS2000, and would misplace it unconverted', async () => {
    const { backend, officer } = await county();
    // Just inside 东镇's eastern edge (113.4); read off 高德 it shows some 600 m further east, in 西街道.
    const onMap = gcj02FromWgs84({ lng: 113.397, lat: 34.7 });
    const taken = await must(backend.call('hazards.create', hazardDraft({ ...onMap, pointCrs: 'gcj02' }), officer));
    expect(taken).toMatchObject({ lng: 113.397, lat: 34.7 });
    const asIfGps = await backend.call('hazards.create', hazardDraft({ ...onMap, pointCrs: 'wgs84' }), officer);
    expect(messageOf(asIfGps)).toContain('位于西街道，不在所选的东镇内');
    // A correction converts the same way.
    const {
      level: _level,
      people: _people,
      ...fields
    } = hazardDraft({
      ...gcj02FromWgs84({ lng: 113.398, lat: 34.71 }),
      pointCrs: 'gcj02',
    });
    const corrected = await must(
      backend.call('hazards.update', { ...fields, id: taken.id, version: taken.version }, officer),
    );
    expect(corrected).toMatchObject({ lng: 113.398, lat: 34.71 });
  });

  it('takes GCJ-02 points as they are when the boundary itself is in GCJ-02', async () => {
    const { backend, officer } = await county('GCJ-02');
    const taken = await must(
      backend.call('hazards.create', hazardDraft({ lng: 113.3, lat: 34.7, pointCrs: 'gcj02' }), officer),
    );
    expect(taken).toMatchObject({ lng: 113.3, lat: 34.7 });
    const fromGps = await must(
      backend.call('hazards.create', hazardDraft({ lng: 113.3, lat: 34.7, pointCrs: 'wgs84' }), officer),
    );
    const expected = gcj02FromWgs84({ lng: 113.3, lat: 34.7 });
    expect(fromGps.lng).toBeCloseTo(expected.lng, 6);
    expect(fromGps.lat).toBeCloseTo(expected.lat, 6);
  });
});
