import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { STREAMS_PER_SESSION } from '../../electron/backend/http/live-route';
import { createHttpServer, listenOnLoopback } from '../../electron/backend/http/server';
import { follow } from '../../electron/backend/live/viewer';
import type { Backend } from '../../electron/backend/backend';
import { LIVE_EVENTS_PATH } from '../../shared/contract/live';
import { ADMIN, testBackend } from '../helpers/backend';
import { pageHeaders, postAsPage, sessionFrom, type WebSession } from '../helpers/web-client';
import { tempDir } from '../helpers/temp-dir';

let server: Server | undefined;
let backend: Backend | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  backend?.close();
  server = undefined;
  backend = undefined;
});

async function start(): Promise<{ base: string; session: WebSession }> {
  backend = await testBackend();
  const opened = backend;
  server = createHttpServer({
    dispatch: opened.dispatch,
    staticDir: tempDir(),
    follow: (viewer) => follow(opened.services, viewer),
  });
  const base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
  const setup = await postAsPage(base, 'auth.setup', JSON.stringify(ADMIN));
  return { base, session: sessionFrom(setup)! };
}

/** The feed as the page opens it: a GET with the app's header and the session, no Origin (same-origin). */
function openFeed(base: string, session: WebSession | null, headers: Record<string, string> = {}) {
  const { origin: _origin, ...page } = pageHeaders(base, session);
  return fetch(`${base}/${LIVE_EVENTS_PATH}`, { headers: { ...page, ...headers } });
}

/** Reads the stream until `text` arrived; resolves with everything read, or `ended` if the server closed it. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string): Promise<string> {
  const decoder = new TextDecoder();
  let read = '';
  while (!read.includes(text)) {
    const { done, value } = await reader.read();
    if (done) return `${read}ended`;
    read += decoder.decode(value, { stream: true });
  }
  return read;
}

describe('GET /api/events', () => {
  it('refuses a caller without a session, and a page of another site', async () => {
    const { base, session } = await start();
    const anonymous = await openFeed(base, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const elsewhere = await openFeed(base, session, { origin: 'http://evil.example' });
    expect(elsewhere.status).toBe(403);
    const cookieOnly = await openFeed(base, { cookie: session.cookie, key: '' });
    expect(cookieOnly.status).toBe(401);
  });

  it('streams ready, then each committed change as a server-sent event', async () => {
    const { base, session } = await start();
    const feed = await openFeed(base, session);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = feed.body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toContain('event: ready');
    const created = await postAsPage(
      base,
      'units.create',
      JSON.stringify({ code: 'CSJ', name: '测试局', kind: 'county_department' }),
      session,
    );
    expect(created.status).toBe(200);
    const read = await readUntil(reader, '\n\n');
    expect(read).toContain('event: change');
    const data = /data: (.*)/.exec(read)![1]!;
    expect(JSON.parse(data)).toEqual({ topic: 'units', kind: 'units.create' });
    await reader.cancel();
  });

  it('holds at most a few streams per session, ending the oldest', async () => {
    const { base, session } = await start();
    const readers = [];
    for (let i = 0; i <= STREAMS_PER_SESSION; i += 1) {
      const reader = (await openFeed(base, session)).body!.getReader();
      await readUntil(reader, 'event: ready');
      readers.push(reader);
    }
    expect(await readUntil(readers[0]!, 'never sent')).toMatch(/ended$/);
    for (const reader of readers) await reader.cancel();
  });
});
