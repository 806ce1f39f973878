/** What the load driver counts per call name: each answer's time, and how it ended. */

export interface CallStats {
  name: string;
  /** Milliseconds of every answer, refusals and failures included. */
  samples: number[];
  conflicts: number;
  errors: number;
}

export interface Recorder {
  ok(name: string, ms: number): void;
  /** The kernel's CONFLICT: two workstations raced for one record, an expected outcome. */
  conflict(name: string, ms: number): void;
  error(name: string, ms: number, message: string): void;
  stats(): CallStats[];
  /** Each distinct error message with how often it came, for the report. */
  errorMessages(): Map<string, number>;
}

/** A recorder listing `names` first, in that order, even those no call reached. */
export function createRecorder(names: readonly string[]): Recorder {
  const byName = new Map<string, CallStats>();
  const messages = new Map<string, number>();
  const statsOf = (name: string) => {
    let stats = byName.get(name);
    if (!stats) byName.set(name, (stats = { name, samples: [], conflicts: 0, errors: 0 }));
    return stats;
  };
  names.forEach(statsOf);
  return {
    ok: (name, ms) => void statsOf(name).samples.push(ms),
    conflict(name, ms) {
      const stats = statsOf(name);
      stats.samples.push(ms);
      stats.conflicts += 1;
    },
    error(name, ms, message) {
      const stats = statsOf(name);
      stats.samples.push(ms);
      stats.errors += 1;
      const key = `${name}：${message}`;
      messages.set(key, (messages.get(key) ?? 0) + 1);
    },
    stats: () => [...byName.values()],
    errorMessages: () => messages,
  };
}
