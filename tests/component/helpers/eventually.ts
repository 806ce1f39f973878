import { vi } from 'vitest';

/**
 * `vi.waitFor` with room for a busy 2-core machine: its default second is shorter than a lazy
 * route's first load there. Still fails, with the last assertion's message, when the condition
 * never comes.
 */
export const eventually = <T>(condition: () => T | Promise<T>, timeout = 10_000): Promise<T> =>
  vi.waitFor(condition, { timeout, interval: 50 });
