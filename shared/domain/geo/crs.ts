/**
 * The coordinate systems a hazard's point may be given in, and the one a boundary file declares.
 * WGS84 and CGCS2000 (the national geodetic system, which official boundaries use) differ by
 * centimetres and count as one; GCJ-02 is the offset system of Chinese web maps.
 */
import type { LngLat } from '../risks/hazard-location';
import { gcj02FromWgs84, wgs84FromGcj02 } from './gcj02';

export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

export const COORDINATE_SYSTEM_LABELS: Record<CoordinateSystem, string> = {
  wgs84: 'WGS84 / CGCS2000（GPS、天地图）',
  gcj02: 'GCJ-02（高德、腾讯地图）',
};

/**
 * The system of a boundary's declared CRS (free text at import): GCJ-02 when it names it (GCJ,
 * 火星, 国测局), otherwise the geodetic system official boundaries come in.
 */
export function systemOfCrs(crs: string): CoordinateSystem {
  return /gcj|火星|国测局/i.test(crs) ? 'gcj02' : 'wgs84';
}

/** A point given in `from`, expressed in `to`. */
export function convertPoint(point: LngLat, from: CoordinateSystem, to: CoordinateSystem): LngLat {
  if (from === to) return { ...point };
  return from === 'gcj02' ? wgs84FromGcj02(point) : gcj02FromWgs84(point);
}
