import type { HandlerContext } from '../api/types';
import type { Principal } from '../auth/sessions';
import type { SettingValues } from '../db/settings';

/** Who asked for a job and with what settings: what a handler's context carries into a worker. */
export interface CallerScope {
  principal: Principal;
  settings: SettingValues;
  /** The caller's clock when it posted the job (tests inject one). */
  at: string;
  /** The client the audit rows name. */
  client: string;
}

/** The caller's time for everything the job writes or reads as "now": one job, one moment (as one call). */
export const clockAt =
  (at: string): (() => Date) =>
  () =>
    new Date(at);

/**
 * A handler's context inside a worker: the worker's own connection, the caller's principal,
 * settings and clock, and whatever else the job hands over. Reaching for anything else (the
 * sessions, the registry, the bus, which live in the caller's thread) throws at once instead of
 * reading undefined.
 */
export function contextInWorker(parts: Partial<HandlerContext>): HandlerContext {
  return new Proxy(parts, {
    get(target, name) {
      if (typeof name === 'symbol' || name in target) return Reflect.get(target, name);
      throw new Error(`ctx.${name} is not available in a worker`);
    },
  }) as HandlerContext;
}
