import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { BATCH_ROWS, inspectFolder, startWriter } from '../helpers/batch-writers';
import { tempDir } from '../helpers/temp-dir';

/** A small deterministic generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const KILLS = 25;

describe('a writer killed with SIGKILL at random moments', () => {
  it(`leaves a sound database every time (${KILLS} kills)`, { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    (await openBackend(dataDir)).close();
    const next = random(20261122);
    const committed = new Set<string>();
    let batchesSeen = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const writer = startWriter(dataDir, 'w');
      await writer.ready;
      await new Promise((resolve) => setTimeout(resolve, 5 + next() * 150));
      writer.child.kill('SIGKILL');
      await writer.exited;
      for (const batch of writer.committed) committed.add(`w:${batch}`);

      const state = await inspectFolder(dataDir);
      expect(state.integrity, `round ${round}`).toBe('ok');
      const partial = [...state.batches].filter(([, n]) => n !== BATCH_ROWS);
      expect(partial, `round ${round}: batches neither whole nor absent`).toEqual([]);
      const lost = [...committed].filter((key) => !state.batches.has(key));
      expect(lost, `round ${round}: reported committed, then lost`).toEqual([]);
      expect(state.chainOk, state.chainMessage).toBe(true);
      batchesSeen = state.batches.size;
    }
    // The kills landed mid-work: batches were written across the rounds.
    expect(batchesSeen).toBeGreaterThan(KILLS);
  });
});

describe('two writer processes on one data folder', () => {
  it('both finish, every row is there, and the audit chain holds', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    (await openBackend(dataDir)).close();
    const PER_WRITER = 150;
    const writers = [startWriter(dataDir, 'a', PER_WRITER), startWriter(dataDir, 'b', PER_WRITER)];
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);
    const state = await inspectFolder(dataDir);
    expect(state.integrity).toBe('ok');
    expect(state.batches.size).toBe(2 * PER_WRITER);
    expect([...state.batches.values()].every((n) => n === BATCH_ROWS)).toBe(true);
    expect(state.chainOk, state.chainMessage).toBe(true);
  });
});
