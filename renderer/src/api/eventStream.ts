import { LIVE_HEARTBEAT_MS } from '@shared/contract/live';

/** One server-sent event: its name (`message` when unnamed) and its data line(s). */
export interface StreamEvent {
  event: string;
  data: string;
}

/** Splits a server-sent events text into its complete events; returns them and the unfinished rest. */
export function parseEvents(text: string): { events: StreamEvent[]; rest: string } {
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: StreamEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      // A line starting with a colon is a comment: the heartbeat.
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * Reads a server-sent events stream with fetch (EventSource cannot send the app's headers) until it
 * ends, fails, or is silent for twice the heartbeat (a link that died without a word). Resolves
 * when it ended; `null` status: the server could not be reached; otherwise the HTTP status of a
 * refusal, or 200 after a stream that ran and ended.
 */
export async function readEventStream(
  path: string,
  headers: Record<string, string>,
  onEvent: (event: StreamEvent) => void,
  signal: AbortSignal,
): Promise<number | null> {
  const silence = new AbortController();
  const aborted = () => silence.abort();
  signal.addEventListener('abort', aborted);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => silence.abort(), LIVE_HEARTBEAT_MS * 2);
  };
  try {
    heard();
    const response = await fetch(path, { headers, cache: 'no-store', signal: silence.signal });
    if (!response.ok || !response.body) return response.status;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 200;
      heard();
      const { events, rest } = parseEvents(pending + decoder.decode(value, { stream: true }));
      pending = rest;
      for (const event of events) onEvent(event);
    }
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', aborted);
  }
}
