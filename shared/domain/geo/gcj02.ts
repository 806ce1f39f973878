/**
 * GCJ-02 (the offset system of 高德, 腾讯 and other Chinese web maps) and WGS84, after the published
 * algorithm (Krasovsky 1940 ellipsoid, the polynomial-and-sine offset). CGCS2000 and WGS84 agree to
 * centimetres and are treated as one here; GCJ-02 is shifted from them by hundreds of metres.
 * Outside the rectangle around China the offset is not applied, as in every published version.
 */
import type { LngLat } from '../risks/hazard-location';

const A = 6378245.0;
// Krasovsky 1940: e² = 0.00669342162296594323, as the nearest double.
const EE = 0.006693421622965943;
const { PI, sin, cos, sqrt, abs } = Math;

const outOfChina = ({ lng, lat }: LngLat): boolean => lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

function offsetLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** The GCJ-02 point of a WGS84 point. */
export function gcj02FromWgs84(point: LngLat): LngLat {
  if (outOfChina(point)) return { ...point };
  const radLat = (point.lat / 180) * PI;
  const magic = 1 - EE * sin(radLat) ** 2;
  const sqrtMagic = sqrt(magic);
  const dLat = (offsetLat(point.lng - 105, point.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  const dLng = (offsetLng(point.lng - 105, point.lat - 35) * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  return { lng: point.lng + dLng, lat: point.lat + dLat };
}

/**
 * The WGS84 point of a GCJ-02 point: the forward offset has no closed inverse, so the point is
 * refined until its forward image is within 1e-9° (about 0.1 mm) of the given one.
 */
export function wgs84FromGcj02(point: LngLat): LngLat {
  let guess = { ...point };
  for (let step = 0; step < 30; step += 1) {
    const image = gcj02FromWgs84(guess);
    const dLng = point.lng - image.lng;
    const dLat = point.lat - image.lat;
    guess = { lng: guess.lng + dLng, lat: guess.lat + dLat };
    if (abs(dLng) < 1e-9 && abs(dLat) < 1e-9) break;
  }
  return guess;
}
