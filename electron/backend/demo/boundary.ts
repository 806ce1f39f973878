import { cellsAtCorner, keyOf, traceOutline, type Cell, type Corner } from './hex';
import { streamOf } from './random';
import type { DemoTownship } from './regions';
import { countyCells, HEX_SIZE_KM, partitionCells, X_STEP_KM, Y_STEP_KM } from './township-cells';

/** [longitude, latitude] in degrees, WGS84 (RFC 7946). */
export type Position = [lon: number, lat: number];

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export interface DemoBoundary {
  collection: BoundaryCollection;
  /** The county's outline: the townships tile exactly this ring. */
  outline: Position[];
}

/** A plausible spot for a county that does not exist; every display says the map is made up. */
const CENTRE_LON = 113.3;
const CENTRE_LAT = 34.6;
const KM_PER_DEGREE_LAT = 110.95;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((CENTRE_LAT * Math.PI) / 180);
/** How far a corner may move, as a share of the hex size; small enough that no edge can cross another. */
const CORNER_JITTER = 0.2;
/** How far an edge's two bend points leave the straight line, as a share of the edge's length. */
const EDGE_BEND = 0.12;
const MAX_ATTEMPTS = 50;

const round6 = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

const membership = (cells: readonly Cell[]) => {
  const keys = new Set(cells.map((cell) => keyOf(...cell)));
  return (q: number, r: number) => keys.has(keyOf(q, r));
};

/** The labels of a corner's cells when two cells share one label and the third has another. */
type CornerSides = { major: number; minor: number } | null;

/**
 * Straightens the hexagons' zigzag: along a border between two labels (a township's index, -1
 * outside) corners alternate between the two sides, and dropping every other one leaves straight
 * runs. Whether a corner goes depends only on the labels around it and its neighbours, so both
 * townships that share the border drop the same corners.
 */
function straighten(corners: readonly Corner[], labelOf: (cell: Cell) => number): Corner[] {
  const sides = (corner: Corner): CornerSides => {
    const [a, b, c] = cellsAtCorner(corner).map(labelOf) as [number, number, number];
    if (a === b && b === c) return null;
    if (a !== b && b !== c && a !== c) return null;
    const major = a === b || a === c ? a : b;
    return { major, minor: a === major ? (b === major ? c : b) : a };
  };
  const n = corners.length;
  const droppable = (i: number): boolean => {
    const here = sides(corners[i]!);
    if (!here || here.major > here.minor) return false;
    return [corners[(i + n - 1) % n]!, corners[(i + 1) % n]!].every((next) => {
      const there = sides(next);
      return there !== null && there.major === here.minor && there.minor === here.major;
    });
  };
  return corners.filter((_, i) => !droppable(i));
}

/**
 * Turns lattice outlines into rings of positions. Every corner and every edge's bend points come
 * from the seed and the corner's (edge's) own lattice key, never from the order of drawing, so two
 * neighbouring townships draw their shared border through exactly the same points.
 */
function ringMaker(seed: number): (corners: readonly Corner[]) => Position[] {
  const cornerKm = (corner: Corner): [number, number] => {
    const random = streamOf(seed, `corner ${keyOf(...corner)}`);
    const angle = random.between(0, 2 * Math.PI);
    const distance = Math.sqrt(random.next()) * CORNER_JITTER * HEX_SIZE_KM;
    return [corner[0] * X_STEP_KM + Math.cos(angle) * distance, corner[1] * Y_STEP_KM + Math.sin(angle) * distance];
  };
  const toPosition = ([x, y]: [number, number]): Position => [
    round6(CENTRE_LON + x / KM_PER_DEGREE_LON),
    round6(CENTRE_LAT + y / KM_PER_DEGREE_LAT),
  ];
  const bendPoints = (from: Corner, to: Corner): Position[] => {
    const forward = keyOf(...from) < keyOf(...to);
    const [a, b] = forward ? [from, to] : [to, from];
    const random = streamOf(seed, `edge ${keyOf(...a)} ${keyOf(...b)}`);
    const [ax, ay] = cornerKm(a);
    const [bx, by] = cornerKm(b);
    const [dx, dy] = [bx - ax, by - ay];
    const points = [random.between(0.28, 0.38), random.between(0.62, 0.72)].map((along) => {
      const aside = random.between(-EDGE_BEND, EDGE_BEND);
      return toPosition([ax + dx * along - dy * aside, ay + dy * along + dx * aside]);
    });
    return forward ? points : points.reverse();
  };
  return (corners) => {
    const ring = corners.flatMap((corner, i) => [
      toPosition(cornerKm(corner)),
      ...bendPoints(corner, corners[(i + 1) % corners.length]!),
    ]);
    return [...ring, ring[0]!];
  };
}

/**
 * A made-up township map for the demo county: polygons that tile an irregular county outline with
 * no gap or overlap, one per township, counter-clockwise (RFC 7946). The same seed and townships
 * always give the same map.
 */
export function generateBoundary(seed: number, townships: readonly DemoTownship[]): DemoBoundary {
  const random = streamOf(seed, 'boundary');
  const drawRing = ringMaker(seed);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const cells = countyCells(random);
    const outline = traceOutline(cells, membership(cells));
    if (!outline) continue;
    const parts = partitionCells(
      random,
      cells,
      townships.map((township) => township.type),
    );
    const outlines = parts.map((part) => traceOutline(part, membership(part)));
    // A township wholly inside another would need a polygon with a hole: draw again instead.
    if (outlines.some((corners) => !corners)) continue;
    const owner = new Map(parts.flatMap((part, i) => part.map((cell) => [keyOf(...cell), i] as const)));
    const labelOf = (cell: Cell) => owner.get(keyOf(...cell)) ?? -1;
    const ringOf = (corners: readonly Corner[]) => drawRing(straighten(corners, labelOf));
    const features = townships.map((township, i): BoundaryFeature => ({
      type: 'Feature',
      properties: { code: township.code, name: township.name },
      geometry: { type: 'Polygon', coordinates: [ringOf(outlines[i]!)] },
    }));
    return { collection: { type: 'FeatureCollection', features }, outline: ringOf(outline) };
  }
  throw new Error('演示数据：未能生成乡镇边界，请换一个种子');
}

/** The committed file's text: one feature per line, so a change shows township by township. */
export const boundaryFileText = (collection: BoundaryCollection): string =>
  `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
