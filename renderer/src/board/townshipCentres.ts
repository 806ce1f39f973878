import type { TownshipBoundary } from '@shared/contract/board';

type Ring = ReadonlyArray<readonly [number, number]>;

/**
 * A ring's area (shoelace) and centroid, in degrees treated as a plane (a county is small), taken
 * from its first vertex so that the products stay small and exact enough.
 */
function ringCentroid(ring: Ring): { area: number; centre: [number, number] } {
  const [x0, y0] = ring[0] ?? [0, 0];
  let twiceArea = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x1, y1] = [ring[j]![0] - x0, ring[j]![1] - y0];
    const [x2, y2] = [ring[i]![0] - x0, ring[i]![1] - y0];
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    x += (x1 + x2) * cross;
    y += (y1 + y2) * cross;
  }
  if (twiceArea === 0) return { area: 0, centre: [x0, y0] };
  return { area: Math.abs(twiceArea / 2), centre: [x0 + x / (3 * twiceArea), y0 + y / (3 * twiceArea)] };
}

/**
 * Where a township's marks go on the map: the centroid of the outline of its largest polygon (a
 * MultiPolygon's islands aside), by township code.
 */
export function townshipCentres(boundary: TownshipBoundary): Map<string, [number, number]> {
  const centres = new Map<string, [number, number]>();
  for (const feature of boundary.geojson.features) {
    const { type, coordinates } = feature.geometry;
    const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as Ring[][];
    let largest: { area: number; centre: [number, number] } | null = null;
    for (const [outline] of polygons) {
      if (!outline?.length) continue;
      const candidate = ringCentroid(outline);
      if (!largest || candidate.area > largest.area) largest = candidate;
    }
    if (largest) centres.set(feature.properties.code, largest.centre);
  }
  return centres;
}
