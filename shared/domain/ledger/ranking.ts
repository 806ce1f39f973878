/**
 * Standard competition ranking (1, 2, 2, 4): items the order cannot tell apart share a rank, and
 * the next rank skips the places they fill. Used wherever townships are ranked, so a tie is never
 * settled by a township's code.
 */

export interface Ranked<T> {
  item: T;
  /** 1 for the first; tied items share the rank of the first of them. */
  rank: number;
  /** How many items share this rank (1 when not tied). */
  tiedWith: number;
}

/**
 * `items` sorted by `compare` (negative when the first comes before the second, 0 for a tie),
 * each with its rank. Within a tie the items keep the order `display` gives (e.g. by code).
 */
export function competitionRanks<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  display: (a: T, b: T) => number = () => 0,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => compare(a, b) || display(a, b));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compare(previous.item, item) === 0 ? previous.rank : index + 1;
    ranked.push({ item, rank, tiedWith: 1 });
  });
  const sizes = new Map<number, number>();
  for (const { rank } of ranked) sizes.set(rank, (sizes.get(rank) ?? 0) + 1);
  for (const entry of ranked) entry.tiedWith = sizes.get(entry.rank)!;
  return ranked;
}
