import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, TownshipBoundary } from '@shared/contract/board';
import { prefetched, type BoardSource } from '@/board/boardSource';

/** A source that counts its reads and answers each with its number. */
function countingSource() {
  const reads = { snapshot: 0, boundary: 0 };
  const source: BoardSource = {
    snapshot: () => Promise.resolve({ refreshSeconds: ++reads.snapshot } as unknown as BoardSnapshot),
    boundary: () => Promise.resolve({ geojson: ++reads.boundary } as unknown as TownshipBoundary),
    follow: () => undefined,
  };
  return { reads, source };
}

describe('the wall’s prefetched source', () => {
  it('asks for the snapshot and the boundary at once, hands each first answer out once, then reads anew', async () => {
    const { reads, source } = countingSource();
    const wall = prefetched(source);
    // Both are under way before the board asks for anything.
    expect(reads).toEqual({ snapshot: 1, boundary: 1 });
    expect((await wall.snapshot()).refreshSeconds).toBe(1);
    expect((await wall.boundary())?.geojson).toBe(1);
    expect(reads).toEqual({ snapshot: 1, boundary: 1 });
    expect((await wall.snapshot()).refreshSeconds).toBe(2);
    expect((await wall.boundary())?.geojson).toBe(2);
  });

  it('leaves a failed first read for the board to show when it asks', async () => {
    const failing: BoardSource = {
      snapshot: () => Promise.reject(new Error('断开')),
      boundary: () => Promise.resolve(null),
      follow: () => undefined,
    };
    const wall = prefetched(failing);
    await expect(wall.snapshot()).rejects.toThrow('断开');
  });
});
