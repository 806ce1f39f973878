/**
 * A pointy-top hexagonal lattice, the canvas the made-up township map is drawn on. Hexagons
 * suit it because cells touching at a corner always share an edge too, so a connected set of
 * cells without holes always has one simple outline.
 *
 * Cells use axial coordinates (q, r). Corners use integer "doubled" coordinates (X, Y): one X step
 * is √3/2 of the hex size, one Y step half of it; a cell's centre is (2q + r, 3r).
 */
export type Cell = readonly [q: number, r: number];
export type Corner = readonly [x: number, y: number];

/** A map key for a cell or a corner. */
export const keyOf = (a: number, b: number): string => `${a},${b}`;

export const NEIGHBOUR_STEPS: readonly Cell[] = [
  [1, 0],
  [1, -1],
  [0, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
];

/** Corners counter-clockwise (Y pointing north) from 30°. */
const CORNER_STEPS: readonly Corner[] = [
  [1, 1],
  [0, 2],
  [-1, 1],
  [-1, -1],
  [0, -2],
  [1, -1],
];
/** The neighbour across the edge from corner i to corner i + 1. */
const EDGE_NEIGHBOUR_STEPS: readonly Cell[] = [
  [0, 1],
  [-1, 1],
  [-1, 0],
  [0, -1],
  [1, -1],
  [1, 0],
];

export const centreOf = ([q, r]: Cell): Corner => [2 * q + r, 3 * r];

const modulo = (n: number, m: number): number => ((n % m) + m) % m;

/** The three cells that meet at a corner. */
export function cellsAtCorner([x, y]: Corner): Cell[] {
  const cells: Cell[] = [];
  for (const [dx, dy] of CORNER_STEPS) {
    const [cx, cy] = [x - dx, y - dy];
    if (modulo(cy, 3) !== 0) continue;
    const r = cy / 3;
    if (modulo(cx - r, 2) === 0) cells.push([(cx - r) / 2, r]);
  }
  return cells;
}

export const hexDistance = (a: Cell, b: Cell): number => {
  const dq = a[0] - b[0];
  const dr = a[1] - b[1];
  return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
};

/**
 * The outline of a set of cells as corners in counter-clockwise order (not repeated at the end),
 * or null when the set is not one piece without holes (its boundary is more than one loop).
 */
export function traceOutline(cells: readonly Cell[], contains: (q: number, r: number) => boolean): Corner[] | null {
  // Each corner is shared by three cells, so it starts at most one boundary edge of the set.
  const next = new Map<string, Corner>();
  let first: Corner | undefined;
  for (const cell of cells) {
    const [cx, cy] = centreOf(cell);
    const corners = CORNER_STEPS.map(([dx, dy]): Corner => [cx + dx, cy + dy]);
    EDGE_NEIGHBOUR_STEPS.forEach(([dq, dr], i) => {
      if (contains(cell[0] + dq, cell[1] + dr)) return;
      const from = corners[i]!;
      next.set(keyOf(...from), corners[(i + 1) % 6]!);
      first ??= from;
    });
  }
  if (!first) return null;
  const ring: Corner[] = [];
  let corner: Corner | undefined = first;
  do {
    ring.push(corner);
    corner = next.get(keyOf(...corner));
  } while (corner && keyOf(...corner) !== keyOf(...first) && ring.length <= next.size);
  return ring.length === next.size ? ring : null;
}
