import type { CountyExtent } from '../../../../shared/domain/risks/hazard-location';
import type { TownshipBoundary } from '../../../../shared/contract/board';

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
 * The county's extent: the bounding box of the active township boundary file the centre imported
 * (null when it holds no point).
 */
export function countyExtent(boundary: TownshipBoundary): CountyExtent | null {
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
