/**
 * Where a hazard is: township, optionally village and grid (each inside the one above), and
 * optional coordinates that must lie in the county's extent. The extent is a parameter: it comes
 * from the boundary file the centre imported (the product ships no real boundaries).
 */
import { levelOfCode } from '../regions';
import { isBlank, type FieldProblem } from '../ledger/state-machine';

/** A bounding box in degrees (WGS-84 or CGCS2000: the same to the precision that matters here). */
export interface CountyExtent {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface LngLat {
  lng: number;
  lat: number;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Chinese problems with an extent: numbers in range, min below max. */
export function extentProblems(extent: CountyExtent): string[] {
  const problems: string[] = [];
  const { minLng, minLat, maxLng, maxLat } = extent;
  if (![minLng, maxLng].every((v) => finite(v) && v >= -180 && v <= 180)) {
    problems.push('县域范围的经度应为 -180 至 180 之间的数');
  }
  if (![minLat, maxLat].every((v) => finite(v) && v >= -90 && v <= 90)) {
    problems.push('县域范围的纬度应为 -90 至 90 之间的数');
  }
  if (!problems.length && (minLng >= maxLng || minLat >= maxLat)) {
    problems.push('县域范围的最小经纬度应小于最大经纬度');
  }
  return problems;
}

/** Whether the point lies in the extent; the edges count as inside. */
export const isWithinExtent = (point: LngLat, extent: CountyExtent): boolean =>
  point.lng >= extent.minLng && point.lng <= extent.maxLng && point.lat >= extent.minLat && point.lat <= extent.maxLat;

/**
 * Problems with optional coordinates: both or neither, real numbers in range, inside the extent
 * (edges included). Paths `lng` and `lat`. Throws when the extent itself is invalid: that is the
 * administrator's data, not the user's input.
 */
export function coordinateProblems(
  point: { lng?: number | null; lat?: number | null },
  extent: CountyExtent,
): FieldProblem[] {
  const bad = extentProblems(extent);
  if (bad.length) throw new RangeError(bad.join('；'));
  const hasLng = point.lng !== undefined && point.lng !== null;
  const hasLat = point.lat !== undefined && point.lat !== null;
  if (!hasLng && !hasLat) return [];
  if (!hasLng) return [{ path: 'lng', message: '已填纬度，请同时填写“经度”' }];
  if (!hasLat) return [{ path: 'lat', message: '已填经度，请同时填写“纬度”' }];
  const problems: FieldProblem[] = [];
  if (!finite(point.lng) || point.lng < -180 || point.lng > 180) {
    problems.push({ path: 'lng', message: '“经度”应为 -180 至 180 之间的数' });
  }
  if (!finite(point.lat) || point.lat < -90 || point.lat > 90) {
    problems.push({ path: 'lat', message: '“纬度”应为 -90 至 90 之间的数' });
  }
  if (problems.length) return problems;
  const { lng, lat } = point as LngLat;
  const range = (min: number, max: number) => `${min} 至 ${max}`;
  if (lng < extent.minLng || lng > extent.maxLng) {
    problems.push({ path: 'lng', message: `“经度”${lng} 不在本县范围内（${range(extent.minLng, extent.maxLng)}）` });
  }
  if (lat < extent.minLat || lat > extent.maxLat) {
    problems.push({ path: 'lat', message: `“纬度”${lat} 不在本县范围内（${range(extent.minLat, extent.maxLat)}）` });
  }
  return problems;
}

export interface HazardLocation {
  townshipCode?: string | null;
  villageCode?: string | null;
  gridCode?: string | null;
}

/**
 * Problems with the region fields: a township is required, each code has its level's shape, and a
 * grid needs its village. Whether the codes exist and nest is the backend's check: a village moved
 * to another township keeps its code, so only the recorded parent tells where it lies.
 */
export function locationProblems(location: HazardLocation): FieldProblem[] {
  const township = location.townshipCode?.trim() ?? '';
  const village = location.villageCode?.trim() ?? '';
  const grid = location.gridCode?.trim() ?? '';
  const problems: FieldProblem[] = [];
  if (isBlank(township)) problems.push({ path: 'townshipCode', message: '请选择“乡镇/街道”' });
  else if (levelOfCode(township) !== 'township') {
    problems.push({ path: 'townshipCode', message: '“乡镇/街道”应为 12 位乡镇级区划代码' });
  }
  if (village) {
    if (levelOfCode(village) !== 'village') {
      problems.push({ path: 'villageCode', message: '“村/社区”应为 12 位村级区划代码' });
    }
  }
  if (grid) {
    if (levelOfCode(grid) !== 'grid') problems.push({ path: 'gridCode', message: '“网格”应为 15 位网格编码' });
    else if (!village) problems.push({ path: 'villageCode', message: '选择网格前请先选择“村/社区”' });
  }
  return problems;
}
