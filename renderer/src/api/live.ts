import { LIVE_EVENTS_PATH, type LiveChange } from '@shared/contract/live';
import { noteCentreServer, pageHeaders } from './client';
import { readEventStream } from './eventStream';

/** What the feed tells the page: a change, and whether the backend can be reached. */
export interface LiveHandlers {
  change(change: LiveChange): void;
  /** `true` once the feed runs (again); `false` when the backend is lost. */
  reachable(reached: boolean): void;
}

export interface LiveFeed {
  /** Retries now instead of at the next step of the backoff (a call just got through). */
  wake(): void;
  stop(): void;
}

/** Waits between tries after a failure: 1 s, 2 s, 4 s … up to 30 s. */
const backoff = (failures: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));

/**
 * Desktop: the changes main relays (bridge event `live`), from the data host, whose end is lost for
 * good, or in client mode from the centre server's feed, which main reopens and reports (`reach`).
 */
function overIpc(bridge: NonNullable<Window['zz']>, handlers: LiveHandlers): LiveFeed {
  const offChange = bridge.on('live', (payload) => handlers.change(payload as LiveChange));
  const offFatal = bridge.on('host-fatal', () => handlers.reachable(false));
  const offReach = bridge.on('reach', (payload) => {
    noteCentreServer();
    handlers.reachable((payload as { reached?: unknown } | null)?.reached === true);
  });
  return {
    wake: () => {},
    stop: () => {
      offChange();
      offFatal();
      offReach();
    },
  };
}

/**
 * A server-sent events feed over HTTP (`path` relative to the page, sent with `headers()`), read as
 * a stream and reconnected with backoff. A refusal (a session the server no longer knows) is a
 * reachable server: the calls' own handling signs the user in again.
 */
export function followStream(path: string, headers: () => Record<string, string>, handlers: LiveHandlers): LiveFeed {
  const stopped = new AbortController();
  let failures = 0;
  let wake: () => void = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resume) => {
      const timer = setTimeout(resume, ms);
      wake = () => {
        clearTimeout(timer);
        resume();
      };
    });

  async function run(): Promise<void> {
    while (!stopped.signal.aborted) {
      const status = await readEventStream(
        path,
        headers(),
        ({ event, data }) => {
          if (event === 'ready') {
            failures = 0;
            handlers.reachable(true);
          } else if (event === 'change') handlers.change(JSON.parse(data) as LiveChange);
        },
        stopped.signal,
      );
      if (stopped.signal.aborted) return;
      // A stream that ran and was closed (the server restarting) is tried again at once, once.
      if (status === 200 && failures === 0) {
        failures = 1;
        continue;
      }
      failures += 1;
      handlers.reachable(status !== null);
      await pause(backoff(failures));
    }
  }
  void run();
  return {
    wake: () => wake(),
    stop: () => {
      stopped.abort();
      wake();
    },
  };
}

/** Follows the backend's changes for this page over whichever transport it uses. */
export const followChanges = (handlers: LiveHandlers): LiveFeed =>
  window.zz ? overIpc(window.zz, handlers) : followStream(LIVE_EVENTS_PATH, pageHeaders, handlers);
