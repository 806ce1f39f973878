import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boundaryFileText, type Position } from '../../electron/backend/demo/boundary';
import { DEFAULT_DEMO_OPTIONS, generateDemoCounty } from '../../electron/backend/demo/generate';

const COMMITTED_FILE = fileURLToPath(new URL('../../resources/demo-county/townships.geojson', import.meta.url));

/** Shoelace area in square degrees: positive for a counter-clockwise ring. */
const signedArea = (ring: Position[]): number =>
  ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0] * y - x * ring[i]![1]), 0) / 2;

const orientation = (a: Position, b: Position, c: Position): number =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** Whether segments ab and cd cross or touch (collinear overlaps included). */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const [o1, o2, o3, o4] = [orientation(a, b, c), orientation(a, b, d), orientation(c, d, a), orientation(c, d, b)];
  if (o1 !== o2 && o3 !== o4) return true;
  const within = (p: Position, q: Position, r: Position) =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  return (
    (o1 === 0 && within(a, b, c)) ||
    (o2 === 0 && within(a, b, d)) ||
    (o3 === 0 && within(c, d, a)) ||
    (o4 === 0 && within(c, d, b))
  );
}

/** A closed ring is simple when no two non-adjacent edges meet and no vertex repeats. */
function isSimple(ring: Position[]): boolean {
  const n = ring.length - 1;
  if (new Set(ring.slice(0, n).map((p) => p.join())).size !== n) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return false;
    }
  }
  return true;
}

const segmentsOf = (ring: Position[]): string[] => ring.slice(1).map((p, i) => `${ring[i]!.join()}>${p.join()}`);
const reversed = (segment: string): string => segment.split('>').reverse().join('>');

describe.each([
  ['small', DEFAULT_DEMO_OPTIONS.seed],
  ['small', 5],
  ['large', DEFAULT_DEMO_OPTIONS.seed],
  ['large', 11],
] as const)('demo township boundary (%s, seed %i)', (scale, seed) => {
  const demo = generateDemoCounty({ scale, seed });
  const { collection, outline } = demo.boundary;
  const rings = collection.features.map((f) => f.geometry.coordinates[0]!);

  it('has exactly one polygon per township, with its code and name', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.properties)).toEqual(
      demo.townships.map((t) => ({ code: t.code, name: t.name })),
    );
    for (const feature of collection.features) {
      expect(feature.geometry.type).toBe('Polygon');
      expect(feature.geometry.coordinates).toHaveLength(1);
    }
  });

  it('draws closed, simple, counter-clockwise rings inside the made-up area, to 6 decimals', () => {
    for (const ring of [...rings, outline]) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      expect(signedArea(ring)).toBeGreaterThan(0);
      expect(isSimple(ring)).toBe(true);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThanOrEqual(113.0);
        expect(lon).toBeLessThanOrEqual(113.6);
        expect(lat).toBeGreaterThanOrEqual(34.4);
        expect(lat).toBeLessThanOrEqual(34.8);
        expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
        expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
      }
    }
  });

  it('tiles the county: the areas add up to the outline and every border is shared exactly', () => {
    const total = rings.reduce((sum, ring) => sum + signedArea(ring), 0);
    expect(Math.abs(total - signedArea(outline)) / signedArea(outline)).toBeLessThan(1e-9);

    // Each township edge is either drawn backwards by exactly one neighbour or lies on the outline.
    const uses = new Map<string, number>();
    for (const ring of rings) for (const s of segmentsOf(ring)) uses.set(s, (uses.get(s) ?? 0) + 1);
    const outlineSegments = new Set(segmentsOf(outline));
    for (const [segment, count] of uses) {
      expect(count, segment).toBe(1);
      const shared = uses.has(reversed(segment));
      expect(shared !== outlineSegments.has(segment), segment).toBe(true);
    }
    for (const segment of outlineSegments) expect(uses.has(segment), segment).toBe(true);
  });
});

describe('committed demo boundary file', () => {
  it('is exactly what the generator draws for the default seed at small scale', () => {
    const { boundary } = generateDemoCounty(DEFAULT_DEMO_OPTIONS);
    const committed = readFileSync(COMMITTED_FILE, 'utf8');
    expect(committed).toBe(boundaryFileText(boundary.collection));
    expect(JSON.parse(committed)).toEqual(boundary.collection);
  });
});
