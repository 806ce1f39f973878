/**
 * Whether a point lies in a GeoJSON Polygon or MultiPolygon: the first ring of a polygon is its
 * outline, the others are holes. Coordinates are [lng, lat] in degrees, treated as a plane (a
 * county is small enough). A point on an edge counts as inside.
 */
import type { LngLat } from '../risks/hazard-location';

type Ring = ReadonlyArray<readonly [number, number]>;
const { abs } = Math;

export interface PolygonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

function onSegment({ lng, lat }: LngLat, [x1, y1]: readonly [number, number], [x2, y2]: readonly [number, number]) {
  const cross = (x2 - x1) * (lat - y1) - (y2 - y1) * (lng - x1);
  return (
    abs(cross) < 1e-12 &&
    lng >= Math.min(x1, x2) &&
    lng <= Math.max(x1, x2) &&
    lat >= Math.min(y1, y2) &&
    lat <= Math.max(y1, y2)
  );
}

/** Even-odd ray casting: 'edge' when the point lies on the ring itself. */
function inRing(point: LngLat, ring: Ring): boolean | 'edge' {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (onSegment(point, a, b)) return 'edge';
    if (a[1] > point.lat !== b[1] > point.lat) {
      const crossingLng = a[0] + ((point.lat - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (point.lng < crossingLng) inside = !inside;
    }
  }
  return inside;
}

function inPolygon(point: LngLat, rings: readonly Ring[]): boolean {
  const [outline, ...holes] = rings;
  if (!outline || !inRing(point, outline)) return false;
  // Inside a hole is outside; on a hole's edge is on the polygon's edge, so inside.
  return holes.every((hole) => inRing(point, hole) !== true);
}

/** Whether `point` lies in the geometry (edges included). */
export function geometryContains(geometry: PolygonGeometry, point: LngLat): boolean {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  return polygons.some((rings) => inPolygon(point, rings));
}
