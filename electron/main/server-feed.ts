import type { Agent } from 'node:https';
import { request } from 'node:https';
import { LIVE_EVENTS_PATH, LIVE_HEARTBEAT_MS } from '../../shared/contract/live';

/** One server-sent event: its name and its data line. */
export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * Splits a server-sent events stream into events as its chunks arrive: `push` a chunk, get the
 * events it completed (a blank line ends each); comment lines (heartbeats) are skipped.
 */
export function eventReader(): (chunk: string) => ServerEvent[] {
  let pending = '';
  return (chunk) => {
    pending += chunk.replace(/\r\n/g, '\n');
    const blocks = pending.split('\n\n');
    pending = blocks.pop() ?? '';
    return blocks.flatMap((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      return data.length > 0 ? [{ event, data: data.join('\n') }] : [];
    });
  };
}

/** Two heartbeats without a byte: the link is dead even if no error says so. */
const SILENT_MS = 2 * LIVE_HEARTBEAT_MS;

/** Waits between tries after a failure: 1 s, 2 s, 4 s … up to 30 s. */
const backoff = (failures: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));

/**
 * Client mode's share of the live changes: one window's feed from the centre server
 * (`GET /api/events` with that window's session, over the pinned agent), each change handed to
 * `onChange` (main relays it to the window as the data host's are). A dropped or silent stream is
 * opened again with backoff; `headers` returning null (the session ended) stops it. `onReach` hears
 * when the server stops or starts answering (any reply counts; a refusal too). Returns stop.
 */
export function followServer(options: {
  origin: string;
  agent: Agent;
  headers: () => Record<string, string> | null;
  onChange: (change: unknown) => void;
  onReach?: (reached: boolean) => void;
}): () => void {
  let stopped = false;
  let failures = 0;
  let reached: boolean | undefined;
  const reach = (now: boolean) => {
    if (stopped || reached === now) return;
    reached = now;
    options.onReach?.(now);
  };
  let retry: ReturnType<typeof setTimeout> | undefined;
  let current: { destroy(): void } | undefined;

  const again = () => {
    current = undefined;
    if (stopped) return;
    failures += 1;
    retry = setTimeout(() => open(), backoff(failures));
  };

  function open(): void {
    const headers = options.headers();
    if (stopped || !headers) return;
    // An end and an error may both report one broken stream: it is tried again once.
    let ended = false;
    let answered = false;
    const end = () => {
      if (ended) return;
      ended = true;
      again();
    };
    const req = request(
      `${options.origin}/${LIVE_EVENTS_PATH}`,
      { method: 'GET', agent: options.agent, headers },
      (res) => {
        answered = true;
        reach(true);
        if (res.statusCode !== 200) {
          res.resume();
          return end();
        }
        const read = eventReader();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          for (const { event, data } of read(chunk)) {
            if (event === 'ready') failures = 0;
            else if (event === 'change') options.onChange(JSON.parse(data));
          }
        });
        res.on('end', end);
        res.on('error', end);
      },
    );
    req.setTimeout(SILENT_MS, () => req.destroy());
    req.on('error', () => {
      // No reply at all: the server is gone (a stream that ran and broke is simply tried again).
      if (!answered) reach(false);
      end();
    });
    req.end();
    current = req;
  }

  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    current?.destroy();
  };
}
