import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createHttpServer,
  listenOnLoopback,
  MAX_BODY_BYTES,
} from '../../electron/backend/http/server';
import { testBackend } from '../helpers/backend';
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
  return { base: `http://127.0.0.1:${port}`, port };
}

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('web mode HTTP server', () => {
  it('listens on loopback only', async () => {
    await start();
    expect(server!.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers POST /api/<method> with the same envelope as dispatch', async () => {
    const { base } = await start();
    const res = await post(`${base}/api/dicts.get`, JSON.stringify({ code: 'risk_level' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: true,
      data: { code: 'risk_level', entries: [{ label: '高' }, { label: '中' }, { label: '低' }] },
    });
  });

  it('maps a validation failure to 400 with field details', async () => {
    const { base } = await start();
    const res = await post(`${base}/api/regions.list`, JSON.stringify({ pageSize: 0 }));
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
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/../secret.txt' }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(404);
  });
});
