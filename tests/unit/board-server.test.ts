import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_COOKIE, createBoardServer } from '../../electron/backend/http/board-server';
import { listenOn } from '../../electron/backend/http/server';
import { ChangeBus } from '../../electron/backend/live/bus';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'wall-7f3a9c2e1b8d4f60a5e2';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
});

async function start() {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>综治工作台</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, '..', 'secret.txt'), 'top secret');
  const reads: string[] = [];
  const bus = new ChangeBus();
  server = createBoardServer({
    token: TOKEN,
    staticDir,
    snapshot: () => (reads.push('snapshot'), Promise.resolve({ ok: true, data: { openHazards: 7 } })),
    boundary: () => (reads.push('boundary'), Promise.resolve({ ok: true, data: null })),
    changes: (send) => bus.listen(({ change }) => send(change)),
  });
  const port = await listenOn(server, '127.0.0.1', 0);
  return { base: `http://127.0.0.1:${port}`, reads, bus };
}

const get = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });

/** Signs in with the token the administrator handed out; returns the cookie the board then sends. */
async function open(base: string): Promise<string> {
  const reply = await get(`${base}/wall?token=${TOKEN}`);
  expect(reply.status).toBe(303);
  expect(reply.headers.get('location')).toBe('/#/wall');
  const cookie = reply.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

describe('the board in LAN mode', () => {
  it('opens with the right token and then serves the page, its files and the snapshot', async () => {
    const { base, reads } = await start();
    const cookie = await open(base);
    expect(cookie).toBe(`${BOARD_COOKIE}=${TOKEN}`);
    expect(await (await get(`${base}/`, cookie)).text()).toContain('综治工作台');
    expect((await get(`${base}/assets/app.js`, cookie)).status).toBe(200);
    const snapshot = await get(`${base}/board-api/snapshot`, cookie);
    expect(snapshot.status).toBe(200);
    expect(await snapshot.json()).toEqual({ ok: true, data: { openHazards: 7 } });
    expect((await get(`${base}/board-api/boundary`, cookie)).status).toBe(200);
    expect(reads).toEqual(['snapshot', 'boundary']);
  });

  it('streams the changes to a wall holding the token, and to no one else', async () => {
    const { base, bus } = await start();
    expect((await get(`${base}/board-api/events`)).status).toBe(401);
    const feed = await get(`${base}/board-api/events`, await open(base));
    expect(feed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = feed.body!.getReader();
    const decoder = new TextDecoder();
    let read = '';
    while (!read.includes('event: ready')) read += decoder.decode((await reader.read()).value);
    bus.publish({ change: { topic: 'hazards', kind: 'hazards.create' }, townships: null });
    while (!read.includes('event: change')) read += decoder.decode((await reader.read()).value);
    expect(read).toContain('data: {"topic":"hazards","kind":"hazards.create"}');
    await reader.cancel();
  });

  it('refuses a wrong or missing token, on the page and on the snapshot, and reads nothing', async () => {
    const { base, reads } = await start();
    const wrong = await get(`${base}/wall?token=${TOKEN.slice(0, -1)}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('令牌无效');
    expect((await get(`${base}/wall`)).status).toBe(401);
    expect((await get(`${base}/board-api/snapshot`)).status).toBe(401);
    expect((await get(`${base}/board-api/snapshot`, `${BOARD_COOKIE}=guess`)).status).toBe(401);
    expect((await get(`${base}/`)).status).toBe(401);
    expect(reads).toEqual([]);
  });

  it('answers a cookie that cannot be decoded with 400, not a fault', async () => {
    const { base, reads } = await start();
    const reply = await get(`${base}/board-api/snapshot`, `${BOARD_COOKIE}=%E4%ZZ`);
    expect(reply.status).toBe(400);
    expect(await reply.text()).toContain('格式有误');
    expect(reads).toEqual([]);
  });

  it('refuses every method but GET, and every other path, even with the token', async () => {
    const { base, reads } = await start();
    const cookie = await open(base);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await fetch(`${base}/board-api/snapshot`, { method, headers: { cookie } });
      expect(reply.status).toBe(405);
      expect(reply.headers.get('allow')).toBe('GET, HEAD');
    }
    expect((await get(`${base}/api/auth.me`, cookie)).status).toBe(404);
    expect((await get(`${base}/api/petitions.list`, cookie)).status).toBe(404);
    expect((await get(`${base}/..%2fsecret.txt`, cookie)).status).toBe(404);
    expect(reads).toEqual([]);
  });
});
