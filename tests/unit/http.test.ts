import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_READS_AT_ONCE, MAX_BODY_BYTES, Slots } from '../../electron/backend/http/body';
import { createHttpServer, listenOnLoopback } from '../../electron/backend/http/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/http/static-files';
import { SESSION_COOKIE } from '../../electron/backend/http/session-cookie';
import { APP_HEADER, APP_HEADER_VALUE, SESSION_KEY_HEADER } from '../../shared/contract/web-session';
import { pageHeaders, sessionFrom, type WebSession } from '../helpers/web-client';
import { ADMIN, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

type ErrorReply = { error: { code: string; message: string } };

let server: Server | undefined;

afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
});

async function start() {
  const backend = await testBackend();
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>综治工作台</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, '..', 'secret.txt'), 'top secret');
  server = createHttpServer({ dispatch: backend.dispatch, staticDir });
  const port = await listenOnLoopback(server, 0);
  return { base: `http://127.0.0.1:${port}`, port, backend };
}

/** A POST to a full API URL as the app's page sends it, with the session (if any) it holds. */
const post = (url: string, body: string, session?: WebSession | null) =>
  fetch(url, { method: 'POST', headers: pageHeaders(new URL(url).origin, session), body });

/** The `zz_session=…` set-cookie header of a response, its pair and the part of the token it holds. */
function sessionCookie(res: Response): { header: string; pair: string; token: string } {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error('no session cookie set');
  const pair = header.split(';')[0]!;
  return { header, pair, token: pair.slice(SESSION_COOKIE.length + 1) };
}

/** First-run setup over HTTP; returns the session the page then holds. */
async function signIn(base: string): Promise<WebSession> {
  const res = await post(`${base}/api/auth.setup`, JSON.stringify(ADMIN));
  expect(res.status).toBe(200);
  return sessionFrom(res)!;
}

/** A raw request, for headers fetch would not send as given (Origin). */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('web mode HTTP server', () => {
  it('listens on loopback only', async () => {
    await start();
    expect(server!.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers POST /api/<method> with the same envelope as dispatch', async () => {
    const { base } = await start();
    const session = await signIn(base);
    const res = await post(`${base}/api/dicts.get`, JSON.stringify({ code: 'risk_level' }), session);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: true,
      data: { code: 'risk_level', entries: [{ label: '高' }, { label: '中' }, { label: '低' }] },
    });
  });

  it('maps a validation failure to 400 with field details', async () => {
    const { base } = await start();
    const session = await signIn(base);
    const res = await post(`${base}/api/regions.list`, JSON.stringify({ pageSize: 0 }), session);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'pageSize', message: '不能小于 1' }] },
    });
  });

  it('refuses malformed JSON, oversized bodies, unknown methods and GET on the API', async () => {
    const { base } = await start();
    const bad = await post(`${base}/api/regions.list`, '{not json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorReply).error.message).toContain('不是有效的 JSON');

    const huge = await post(`${base}/api/regions.list`, JSON.stringify({ keyword: 'x'.repeat(MAX_BODY_BYTES + 10) }));
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as ErrorReply).error.message).toContain('超过');

    const unknown = await post(`${base}/api/system.shutdown`, '{}');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorReply).error.code).toBe('NOT_FOUND');

    const get = await fetch(`${base}/api/regions.list`);
    expect(get.status).toBe(404);
  });

  it('lets the boundary import methods carry a file larger than the usual body limit', async () => {
    const { base } = await start();
    const session = await signIn(base);
    const geojson = `{"type":"FeatureCollection","features":[]}${' '.repeat(3 * MAX_BODY_BYTES)}`;
    const body = JSON.stringify({ geojson, property: 'NAME', matchBy: 'name' });
    for (const method of ['board.importBoundaryPreview', 'board.importBoundary']) {
      // Past the body check, the call meets the backend's own checks (this database has no townships yet).
      const reply = (await (await post(`${base}/api/${method}`, body, session)).json()) as ErrorReply;
      expect(reply.error.message).not.toContain('请求内容超过');
    }
    const other = await post(`${base}/api/regions.list`, body, session);
    expect(((await other.json()) as ErrorReply).error.message).toContain('请求内容超过');
  });

  it('answers a file-carrying call from someone who may not make it before reading its body, and hangs up', async () => {
    const { port } = await start();
    // 30 MB announced, 64 KB sent: the answer comes while nearly all of it is still unsent.
    const reply = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/board.importBoundary',
            headers: { ...pageHeaders(`http://127.0.0.1:${port}`), 'content-length': 30 * 1024 * 1024 },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
            res.on('end', () => {
              req.destroy();
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
            });
          },
        );
        req.on('error', reject);
        req.write(Buffer.alloc(64 * 1024, 0x20));
      },
    );
    expect(reply.status).toBe(401);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('reads at most two large bodies at once; the next waits for a free slot', async () => {
    const slots = new Slots(2);
    const first = await slots.take();
    await slots.take();
    let third = false;
    const waiting = slots.take().then((release) => {
      third = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(third).toBe(false);
    first();
    (await waiting)();
    expect(third).toBe(true);
    expect(LARGE_READS_AT_ONCE).toBe(2);
  });

  it("carries the session half in an HttpOnly, SameSite=Strict cookie, half in the page's key, neither in the body", async () => {
    const { base } = await start();
    const res = await post(`${base}/api/auth.setup`, JSON.stringify(ADMIN));
    expect(res.status).toBe(200);
    const { header, token } = sessionCookie(res);
    const attributes = header.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(attributes.some((a) => a.startsWith('max-age') || a.startsWith('expires'))).toBe(false);
    const session = sessionFrom(res)!;
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(session.key.length).toBeGreaterThanOrEqual(20);

    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ ok: true, data: { username: ADMIN.username } });
    expect(text).not.toContain(token);
    expect(text).not.toContain(session.key);
    expect(Object.keys((JSON.parse(text) as { data: object }).data)).not.toContain('token');

    const signedIn = await post(`${base}/api/system.info`, '{}', session);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ ok: true });
    // A call that does not sign in or out changes neither half.
    expect(signedIn.headers.getSetCookie()).toEqual([]);
    expect(signedIn.headers.get(SESSION_KEY_HEADER)).toBeNull();

    const without = await post(`${base}/api/system.info`, '{}');
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const forged = await post(`${base}/api/system.info`, '{}', {
      cookie: `${SESSION_COOKIE}=${'A'.repeat(22)}`,
      key: 'A'.repeat(21),
    });
    expect(forged.status).toBe(401);
  });

  it('makes the cookie alone useless: another local service that receives it cannot call the API with it', async () => {
    const { base } = await start();
    const session = await signIn(base);
    // What a service on another port of 127.0.0.1 sees: the cookie (browsers ignore the port), not the page's storage.
    const replayed = await post(`${base}/api/system.info`, '{}', { cookie: session.cookie, key: '' });
    expect(replayed.status).toBe(401);
    const withGuess = await post(`${base}/api/system.info`, '{}', { cookie: session.cookie, key: 'A'.repeat(21) });
    expect(withGuess.status).toBe(401);
    // A script sending both halves but not as the page (no Origin, or no app header) is refused too.
    const headers = pageHeaders(base, session);
    const { origin: _origin, ...noOrigin } = headers;
    const { [APP_HEADER]: _app, ...noAppHeader } = headers;
    for (const sent of [noOrigin, noAppHeader, { ...headers, [APP_HEADER]: 'curl' }]) {
      const res = await fetch(`${base}/api/system.info`, { method: 'POST', headers: sent, body: '{}' });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(APP_HEADER_VALUE).toBe('web');
    expect((await post(`${base}/api/system.info`, '{}', session)).status).toBe(200);
  });

  it('signs in with auth.login the same way, and a wrong password sets nothing', async () => {
    const { base } = await start();
    await signIn(base);
    const wrong = await post(`${base}/api/auth.login`, JSON.stringify({ username: ADMIN.username, password: 'x' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(wrong.headers.get(SESSION_KEY_HEADER)).toBeNull();

    const login = await post(
      `${base}/api/auth.login`,
      JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
    );
    expect(login.status).toBe(200);
    const { header, token } = sessionCookie(login);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    const session = sessionFrom(login)!;
    const text = await login.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(session.key);
    expect((await post(`${base}/api/auth.me`, '{}', session)).status).toBe(200);
  });

  it('refuses a POST from another origin with 403 before running the method', async () => {
    const { base, port } = await start();
    const foreign = await raw(
      port,
      '/api/auth.setup',
      { ...pageHeaders(base), origin: 'https://evil.example' },
      JSON.stringify(ADMIN),
    );
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(foreign.headers['set-cookie']).toBeUndefined();
    // Not run: the first-run setup is still pending.
    expect(await (await post(`${base}/api/auth.status`, '{}')).json()).toMatchObject({
      ok: true,
      data: { needsSetup: true },
    });

    // Even with a valid session, another origin (or an opaque one) is refused.
    const session = await signIn(base);
    for (const origin of ['https://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) {
      const res = await raw(port, '/api/system.info', { ...pageHeaders(base, session), origin });
      expect(res.status, origin).toBe(403);
    }
    // The page's own origin is accepted.
    const own = await raw(port, '/api/system.info', pageHeaders(base, session));
    expect(own.status).toBe(200);
  });

  it('refuses API calls addressed to a host name other than loopback (DNS rebinding) with 403', async () => {
    const { base, port } = await start();
    // A page on evil.example whose name was rebound to 127.0.0.1: its Origin matches its own Host.
    const rebound = await raw(
      port,
      '/api/auth.setup',
      { ...pageHeaders(base), host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      JSON.stringify(ADMIN),
    );
    expect(rebound.status).toBe(403);
    expect(rebound.headers['set-cookie']).toBeUndefined();
    expect(await (await post(`${base}/api/auth.status`, '{}')).json()).toMatchObject({ data: { needsSetup: true } });
    const status = await raw(port, '/api/auth.status', { ...pageHeaders(base), host: `evil.example:${port}` });
    expect(status.status).toBe(403);

    // The loopback names the app may be opened at still work.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await raw(port, '/api/auth.status', { ...pageHeaders(base), host, origin: `http://${host}` });
      expect(res.status, host).toBe(200);
    }
  });

  it('clears both halves on logout, and the old session no longer works', async () => {
    const { base } = await start();
    const session = await signIn(base);
    const logout = await post(`${base}/api/auth.logout`, '{}', session);
    expect(logout.status).toBe(200);
    expect(await logout.json()).toEqual({ ok: true, data: null });
    const cleared = sessionCookie(logout);
    expect(cleared.token).toBe('');
    expect(cleared.header).toMatch(/;\s*Max-Age=0(;|$)/);
    expect(cleared.header).toMatch(/HttpOnly/);
    expect(logout.headers.get(SESSION_KEY_HEADER)).toBe('');

    const after = await post(`${base}/api/system.info`, '{}', session);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('serves the built renderer with the CSP, and nothing outside its folder', async () => {
    const { base, port } = await start();
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('综治工作台');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');

    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%00']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
    }
    // A raw request bypasses fetch's own path normalisation.
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/../secret.txt' }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(404);
  });
});
