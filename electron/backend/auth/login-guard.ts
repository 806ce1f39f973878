/**
 * What the login keeps in memory against guessing, beside each account's own failure count:
 * - attempts for one username run one after another, so a wave of simultaneous guesses is counted
 *   guess by guess (a right password arriving after the fifth wrong one finds the account locked);
 * - failures for usernames that do not exist are counted and "lock" like real ones, so the answer
 *   never tells which usernames exist;
 * - failures from one client address are counted across usernames, so spraying many usernames from
 *   one place is slowed down too.
 * Counts fall away when their window has passed; the maps are pruned so they cannot grow without end.
 */

/** Failures from one client within the window before it must wait. */
export const CLIENT_FAILURE_LIMIT = 20;
/** Entries kept before the expired ones are pruned. */
const PRUNE_AT = 1_000;

interface Window {
  failures: number;
  /** Epoch ms when the count started. */
  since: number;
  /** Epoch ms until which attempts are refused; 0 when not refused. */
  refusedUntil: number;
}

export class LoginGuard {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly unknown = new Map<string, Window>();
  private readonly clients = new Map<string, Window>();

  /** Runs `attempt` once every earlier attempt for the same username has finished. */
  serialise<T>(username: string, attempt: () => Promise<T>): Promise<T> {
    const key = username.trim();
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(attempt, attempt);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  /** Whether a username that has no account is refused for now, as a locked account would be. */
  unknownRefused(username: string, now: Date): boolean {
    return refused(this.unknown.get(username.trim()), now);
  }

  /** Counts a failure for a username without an account; true when it now "locks". */
  unknownFailed(username: string, now: Date, threshold: number, minutes: number): boolean {
    return count(this.unknown, username.trim(), now, threshold, minutes);
  }

  /** Whether this client address has failed too often lately. */
  clientRefused(client: string, now: Date): boolean {
    return refused(this.clients.get(client), now);
  }

  /** Counts a failure from this client address (any username). */
  clientFailed(client: string, now: Date, minutes: number): void {
    count(this.clients, client, now, CLIENT_FAILURE_LIMIT, minutes);
  }
}

const refused = (window: Window | undefined, now: Date): boolean =>
  window !== undefined && window.refusedUntil > now.getTime();

/** Adds a failure to `key`'s window (a new one when the old has lapsed); true when it reaches `threshold`. */
function count(windows: Map<string, Window>, key: string, now: Date, threshold: number, minutes: number): boolean {
  const at = now.getTime();
  const span = minutes * 60_000;
  if (windows.size >= PRUNE_AT) {
    for (const [k, w] of windows) if (w.since + span < at && w.refusedUntil <= at) windows.delete(k);
  }
  const current = windows.get(key);
  const window = current && current.since + span >= at ? current : { failures: 0, since: at, refusedUntil: 0 };
  window.failures += 1;
  const reached = window.failures >= threshold;
  if (reached) {
    window.refusedUntil = at + span;
    window.failures = 0;
    window.since = at;
  }
  windows.set(key, window);
  return reached;
}
