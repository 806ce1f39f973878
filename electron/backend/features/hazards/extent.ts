import type { CountyExtent } from '../../../../shared/domain/risks/hazard-location';
import { activeBoundary } from '../../db/county';
import type { Sql } from '../../db/sql';

/** Every [lng, lat] pair of a GeoJSON geometry's nested coordinate arrays. */
function* positions(value: unknown): Generator<[number, number]> {
  if (!Array.isArray(value)) return;
  if (typeof value[0] === 'number' && typeof value[1] === 'number') {
    yield [value[0], value[1]];
    return;
  }
  for (const item of value) yield* positions(item);
}

/**
 * The county's extent: the bounding box of the active township boundary file the centre imported,
 * or null before one is imported.
 */
export function countyExtent(sql: Sql): CountyExtent | null {
  const boundary = activeBoundary(sql);
  if (!boundary) return null;
  const extent = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const feature of boundary.geojson.features) {
    for (const [lng, lat] of positions(feature.geometry.coordinates)) {
      extent.minLng = Math.min(extent.minLng, lng);
      extent.maxLng = Math.max(extent.maxLng, lng);
      extent.minLat = Math.min(extent.minLat, lat);
      extent.maxLat = Math.max(extent.maxLat, lat);
    }
  }
  return Number.isFinite(extent.minLng) ? extent : null;
}
