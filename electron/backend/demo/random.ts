/**
 * A seeded pseudo-random source (mulberry32): the same seed always gives the same sequence,
 * so the demo county is reproducible. Not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A uniform number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('不能从空列表中抽取');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

/**
 * An independent stream per part of the county (names, people, boundary...), so changing how one
 * part is generated leaves the others as they were. FNV-1a over the label, mixed with the seed.
 */
export function streamOf(seed: number, label: string): Random {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return new Random(hash >>> 0);
}

/** Values with their weights: a value is picked with probability weight / sum of weights. */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** Picks by weight from a precomputed cumulative table. */
export function weightedPicker<T>(entries: Weighted<T>): (random: Random) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let running = 0;
  const cumulative = entries.map(([value, w]) => [value, (running += w) / total] as const);
  return (random) => {
    const x = random.next();
    for (const [value, limit] of cumulative) if (x < limit) return value;
    return cumulative[cumulative.length - 1]![0];
  };
}
