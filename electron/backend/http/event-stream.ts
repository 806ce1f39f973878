import type { ServerResponse } from 'node:http';
import { LIVE_HEARTBEAT_MS, type LiveChange } from '../../../shared/contract/live';

/** How one stream follows the changes: calls `send` for each, `end` when its session is gone; returns the unsubscribe. */
export type Subscribe = (send: (change: LiveChange) => void, end: () => void) => () => void;

/**
 * Server-sent events on `res`: `ready` first, then one `change` event per change, and a comment
 * line as heartbeat (so the client tells a silent dead link from a quiet centre, and no proxy idles
 * it out). Returns the function that ends the stream.
 */
export function openEventStream(
  res: ServerResponse,
  subscribe: Subscribe,
  heartbeatMs = LIVE_HEARTBEAT_MS,
): () => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  res.write('event: ready\ndata: {}\n\n');
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  const unsubscribe = subscribe((change) => res.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`), end);
  const heartbeat = setInterval(() => res.write(': hb\n\n'), heartbeatMs);
  res.once('close', end);
  return end;
}

/**
 * At most `limit` open streams per key (a session): a new one ends the oldest, so a page reloaded
 * before its old stream closed, or a script opening streams in a loop, holds no more than that.
 */
export class StreamCap {
  private readonly open = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {}

  add(key: string, end: () => void): () => void {
    const streams = this.open.get(key) ?? [];
    streams.push(end);
    this.open.set(key, streams);
    while (streams.length > this.limit) streams.shift()!();
    return () => {
      const at = streams.indexOf(end);
      if (at >= 0) streams.splice(at, 1);
      if (streams.length === 0 && this.open.get(key) === streams) this.open.delete(key);
    };
  }
}
