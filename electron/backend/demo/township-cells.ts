import { centreOf, hexDistance, keyOf, NEIGHBOUR_STEPS, type Cell } from './hex';
import type { Random } from './random';
import type { TownshipType } from './regions';

/** Hex size in km: about 310 cells for the county, 12-20 for a township. */
export const HEX_SIZE_KM = 1.2;
export const X_STEP_KM = (HEX_SIZE_KM * Math.sqrt(3)) / 2;
export const Y_STEP_KM = HEX_SIZE_KM / 2;

/** The county's outline is an ellipse (semi-axes in km) made irregular by a few harmonics. */
const SEMI_AXIS_X_KM = 22;
const SEMI_AXIS_Y_KM = 17;
const HARMONIC_AMPLITUDES = [0.06, 0.04, 0.025, 0.015];
const LATTICE_RANGE = { q: 20, r: 15 };

/** Relative size a township grows to: the subdistricts share the small county seat. */
function sizeWeight(random: Random, type: TownshipType): number {
  if (type === 'subdistrict') return 0.3;
  return type === 'town' ? random.between(0.9, 1.4) : random.between(0.8, 1.3);
}

/** The cells of the county: those whose centre lies in the irregular ellipse, in one piece. */
export function countyCells(random: Random): Cell[] {
  const harmonics = HARMONIC_AMPLITUDES.map((amplitude, i) => ({
    order: i + 2,
    amplitude: amplitude * random.between(0.5, 1),
    phase: random.between(0, 2 * Math.PI),
  }));
  const inside = (cell: Cell): boolean => {
    const [x, y] = centreOf(cell);
    const u = (x * X_STEP_KM) / SEMI_AXIS_X_KM;
    const v = (y * Y_STEP_KM) / SEMI_AXIS_Y_KM;
    const angle = Math.atan2(v, u);
    const reach = harmonics.reduce((sum, h) => sum + h.amplitude * Math.sin(h.order * angle + h.phase), 1);
    return Math.hypot(u, v) <= reach;
  };
  const candidates = new Set<string>();
  for (let q = -LATTICE_RANGE.q; q <= LATTICE_RANGE.q; q++) {
    for (let r = -LATTICE_RANGE.r; r <= LATTICE_RANGE.r; r++) if (inside([q, r])) candidates.add(keyOf(q, r));
  }
  // Keep the piece around the centre: a stray cell at the rim would make a second polygon.
  const cells: Cell[] = [[0, 0]];
  const seen = new Set([keyOf(0, 0)]);
  for (let i = 0; i < cells.length; i++) {
    const [q, r] = cells[i]!;
    for (const [dq, dr] of NEIGHBOUR_STEPS) {
      const key = keyOf(q + dq, r + dr);
      if (candidates.has(key) && !seen.has(key)) {
        seen.add(key);
        cells.push([q + dq, r + dr]);
      }
    }
  }
  return cells;
}

/** Where each township starts: subdistricts around the centre (the county seat), the rest spread out. */
function seedCells(random: Random, cells: readonly Cell[], types: readonly TownshipType[]): Cell[] {
  const seeds: Cell[] = [];
  const spread = (cell: Cell) => Math.min(...seeds.map((seed) => hexDistance(cell, seed)));
  for (const type of types) {
    if (type === 'subdistrict' && seeds.length === 0) {
      seeds.push([0, 0]);
    } else if (type === 'subdistrict') {
      const near = cells.filter((cell) => hexDistance(cell, [0, 0]) <= 3 && spread(cell) >= 2);
      seeds.push(random.pick(near));
    } else {
      // Farthest-point sampling, with some noise so the layout differs by seed.
      let best: Cell = cells[0]!;
      let bestScore = -Infinity;
      for (const cell of cells) {
        if (spread(cell) === 0) continue;
        const score = spread(cell) + random.next() * 1.5;
        if (score > bestScore) [best, bestScore] = [cell, score];
      }
      seeds.push(best);
    }
  }
  return seeds;
}

/**
 * Splits the county's cells among the townships by growing every township from its seed, always
 * the one furthest below its share next, taking the neighbouring cell that keeps it compact.
 * Returns each township's cells (every township is one connected piece).
 */
export function partitionCells(random: Random, cells: readonly Cell[], types: readonly TownshipType[]): Cell[][] {
  const owner = new Map<string, number>();
  const seeds = seedCells(random, cells, types);
  const parts: Cell[][] = seeds.map((seed, i) => {
    owner.set(keyOf(...seed), i);
    return [seed];
  });
  const weights = types.map((type) => sizeWeight(random, type));
  const inCounty = new Set(cells.map((cell) => keyOf(...cell)));
  const free = (q: number, r: number) => inCounty.has(keyOf(q, r)) && !owner.has(keyOf(q, r));
  const frontierOf = (part: Cell[]): Cell[] => {
    const found = new Map<string, Cell>();
    for (const [q, r] of part) {
      for (const [dq, dr] of NEIGHBOUR_STEPS)
        if (free(q + dq, r + dr)) found.set(keyOf(q + dq, r + dr), [q + dq, r + dr]);
    }
    return [...found.values()];
  };
  const order = parts.map((_, i) => i);
  while (owner.size < cells.length) {
    order.sort((a, b) => parts[a]!.length / weights[a]! - parts[b]!.length / weights[b]! || a - b);
    for (const i of order) {
      const frontier = frontierOf(parts[i]!);
      if (frontier.length === 0) continue;
      const score = (cell: Cell) => {
        const own = NEIGHBOUR_STEPS.filter(([dq, dr]) => owner.get(keyOf(cell[0] + dq, cell[1] + dr)) === i).length;
        return own - 0.3 * hexDistance(cell, seeds[i]!) + random.next() * 1.5;
      };
      const scored = frontier.map((cell) => ({ cell, score: score(cell) }));
      const { cell } = scored.reduce((best, next) => (next.score > best.score ? next : best));
      owner.set(keyOf(...cell), i);
      parts[i]!.push(cell);
      break;
    }
  }
  return parts;
}
