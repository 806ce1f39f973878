import { convertPoint, systemOfCrs, type CoordinateSystem } from '../../../../shared/domain/geo/crs';
import { geometryContains } from '../../../../shared/domain/geo/polygon';
import type { FieldProblem } from '../../../../shared/domain/ledger/state-machine';
import type { LngLat } from '../../../../shared/domain/risks/hazard-location';
import type { TownshipBoundary } from '../../../../shared/contract/board';

/** Six decimals of a degree: about 0.1 m, finer than any point a grid worker takes. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

interface PointInput {
  lng: number | null;
  lat: number | null;
  /** The system the point was given in; absent, the boundary's. */
  pointCrs?: CoordinateSystem;
}

/**
 * The input with its point in the boundary file's coordinate system, as stored and drawn: a point
 * given in the other system is converted (GCJ-02 ↔ WGS84/CGCS2000). Before a boundary is imported
 * the point is left as given (and refused by the coordinate check).
 */
export function inBoundarySystem<T extends PointInput>(
  boundary: TownshipBoundary | null,
  input: T,
): Omit<T, 'pointCrs'> {
  const { pointCrs, ...rest } = input;
  if (!pointCrs || rest.lng === null || rest.lat === null || !boundary) return rest;
  const target = systemOfCrs(boundary.source.crs);
  if (pointCrs === target) return rest;
  const point = convertPoint({ lng: rest.lng, lat: rest.lat }, pointCrs, target);
  return { ...rest, lng: round6(point.lng), lat: round6(point.lat) };
}

/**
 * Whether a point lies in its township's polygons of the boundary file (holes and several parts
 * respected). A township the file has no feature for is not checked; a point elsewhere is told
 * which township it lies in.
 */
export function townshipPlaceProblems(boundary: TownshipBoundary, townshipCode: string, point: LngLat): FieldProblem[] {
  const features = boundary.geojson.features;
  const own = features.filter((feature) => feature.properties.code === townshipCode);
  if (!own.length || own.some((feature) => geometryContains(feature.geometry, point))) return [];
  const chosen = own[0]!.properties.name;
  const actual = features.find((feature) => geometryContains(feature.geometry, point))?.properties.name;
  const message = actual
    ? `坐标（${point.lng}, ${point.lat}）位于${actual}，不在所选的${chosen}内：请核对“乡镇/街道”或“经度”“纬度”`
    : `坐标（${point.lng}, ${point.lat}）不在${chosen}的边界内，也不在本县其他乡镇/街道的边界内：请核对“经度”“纬度”及坐标系`;
  return [{ path: 'lng', message }];
}
