import { describe, expect, it } from 'vitest';
import { convertPoint, systemOfCrs } from '../../shared/domain/geo/crs';
import { gcj02FromWgs84, wgs84FromGcj02 } from '../../shared/domain/geo/gcj02';
import { geometryContains, type PolygonGeometry } from '../../shared/domain/geo/polygon';

// The published reference pairs of the GCJ-02 algorithm (eviltransform's test vectors): WGS84 → GCJ-02.
const REFERENCE = [
  { name: '上海', wgs: { lng: 121.5272106, lat: 31.1774276 }, gcj: { lng: 121.531541859215, lat: 31.17530398364597 } },
  { name: '深圳', wgs: { lng: 113.912316, lat: 22.543847 }, gcj: { lng: 113.9171764808363, lat: 22.540796131694766 } },
  { name: '北京', wgs: { lng: 116.377817, lat: 39.911954 }, gcj: { lng: 116.38404722455657, lat: 39.91334545536069 } },
];

describe('GCJ-02 and WGS84', () => {
  it.each(REFERENCE)('moves $name to its published GCJ-02 point and back', ({ wgs, gcj }) => {
    const forward = gcj02FromWgs84(wgs);
    expect(forward.lng).toBeCloseTo(gcj.lng, 9);
    expect(forward.lat).toBeCloseTo(gcj.lat, 9);
    const back = wgs84FromGcj02(gcj);
    // Within 1e-8° (about a millimetre) of the original.
    expect(back.lng).toBeCloseTo(wgs.lng, 8);
    expect(back.lat).toBeCloseTo(wgs.lat, 8);
  });

  it('leaves points outside China as they are, and converts only between different systems', () => {
    const denver = { lng: -104.9903, lat: 39.7392 };
    expect(gcj02FromWgs84(denver)).toEqual(denver);
    expect(wgs84FromGcj02(denver)).toEqual(denver);
    const shanghai = REFERENCE[0]!;
    expect(convertPoint(shanghai.wgs, 'wgs84', 'wgs84')).toEqual(shanghai.wgs);
    expect(convertPoint(shanghai.gcj, 'gcj02', 'wgs84').lng).toBeCloseTo(shanghai.wgs.lng, 8);
  });

  it('reads a boundary’s declared CRS: GCJ-02 when named, else WGS84/CGCS2000', () => {
    expect(systemOfCrs('CGCS2000')).toBe('wgs84');
    expect(systemOfCrs('WGS84 (EPSG:4326)')).toBe('wgs84');
    expect(systemOfCrs('GCJ-02')).toBe('gcj02');
    expect(systemOfCrs('火星坐标')).toBe('gcj02');
  });
});

describe('a point in a polygon', () => {
  // A 4×4 square with a 1×1 hole, and a MultiPolygon of that and a separate square.
  const square = (x: number, y: number, size: number) => [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  const holed: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 1)] };
  const multi: PolygonGeometry = { type: 'MultiPolygon', coordinates: [holed.coordinates, [square(10, 10, 1)]] };

  it('finds points inside, outside and in a hole', () => {
    expect(geometryContains(holed, { lng: 3, lat: 3 })).toBe(true);
    expect(geometryContains(holed, { lng: 1.5, lat: 1.5 })).toBe(false);
    expect(geometryContains(holed, { lng: 5, lat: 1 })).toBe(false);
    expect(geometryContains(holed, { lng: -0.1, lat: 2 })).toBe(false);
  });

  it('counts the edges, a hole’s edge included, as inside', () => {
    expect(geometryContains(holed, { lng: 0, lat: 2 })).toBe(true);
    expect(geometryContains(holed, { lng: 4, lat: 4 })).toBe(true);
    expect(geometryContains(holed, { lng: 1, lat: 1.5 })).toBe(true);
  });

  it('looks in every part of a MultiPolygon', () => {
    expect(geometryContains(multi, { lng: 10.5, lat: 10.5 })).toBe(true);
    expect(geometryContains(multi, { lng: 3, lat: 3 })).toBe(true);
    expect(geometryContains(multi, { lng: 1.5, lat: 1.5 })).toBe(false);
    expect(geometryContains(multi, { lng: 7, lat: 7 })).toBe(false);
  });
});
