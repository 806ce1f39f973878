import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHOICE_FILE, readChoice, writeChoice } from '../../electron/main/connection-choice';
import { answerConnectionMethod, type ConnectionMethods } from '../../electron/main/connection-methods';
import { createServerClient } from '../../electron/main/server-client';
import type { HostClient } from '../../electron/main/host-client';
import { ADMIN, signInAs, signInWith, testBackend } from '../helpers/backend';
import { startCentreServer } from '../helpers/centre-server';
import { tempDir } from '../helpers/temp-dir';

// The relay is main-process code: Electron itself is never loaded (nothing here imports it).
vi.mock('electron', () => {
  throw new Error('the server client must not need Electron');
});

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function centre() {
  const backend = await testBackend();
  const server = await startCentreServer(backend);
  let requests = 0;
  server.server.on('request', () => requests++);
  closers.push(async () => {
    await server.close();
    backend.close();
  });
  return { ...server, backend, requests: () => requests };
}

function client(server: { port: number }, fingerprint: string): HostClient {
  const relay = createServerClient({ address: '127.0.0.1', port: server.port, fingerprint });
  closers.push(() => relay.stop());
  return relay;
}

/** A fingerprint of the right form that is not the server's. */
const WRONG = Array.from({ length: 32 }, () => 'AB').join(':');

describe('client mode: the relay to the centre server', { timeout: 30_000 }, () => {
  it('calls the server over HTTPS with the pinned certificate, keeping each window’s session in main', async () => {
    const server = await centre();
    const relay = client(server, server.certificate.fingerprint);
    expect(await relay.call('auth.setup', ADMIN, 1)).toMatchObject({ ok: true, data: { username: 'admin' } });
    // Window 1 holds the session; window 2 has none of its own.
    expect(await relay.call('auth.me', {}, 1)).toMatchObject({ ok: true, data: { username: 'admin' } });
    expect(await relay.call('auth.me', {}, 2)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await relay.call('users.list', {}, 1)).toMatchObject({ ok: true });
    // Signing out ends the window's session in main as on the server.
    expect(await relay.call('auth.logout', {}, 1)).toEqual({ ok: true, data: null });
    expect(await relay.call('auth.me', {}, 1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('relays the server’s changes to each signed-in window, and stops when its session ends', async () => {
    const server = await centre();
    const changes: Array<{ window: number; topic: unknown }> = [];
    const relay = createServerClient(
      { address: '127.0.0.1', port: server.port, fingerprint: server.certificate.fingerprint },
      { onLive: (window, change) => changes.push({ window, topic: (change as { topic: unknown }).topic }) },
    );
    closers.push(() => relay.stop());
    await relay.call('auth.setup', ADMIN, 1);
    // Another workstation creates accounts on the server until window 1's feed has heard one.
    const other = await signInWith(server.backend, ADMIN);
    await vi.waitFor(
      async () => {
        await signInAs(server.backend, other, ['duty_officer']);
        expect(changes).toContainEqual({ window: 1, topic: 'users' });
      },
      { timeout: 15_000, interval: 300 },
    );
    // Window 2 holds no session: it hears nothing.
    expect(changes.every((change) => change.window === 1)).toBe(true);

    await relay.call('auth.logout', {}, 1);
    const heard = changes.length;
    await signInAs(server.backend, other, ['duty_officer']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(changes).toHaveLength(heard);
  });

  it('refuses a server whose certificate has another fingerprint, before sending it anything', async () => {
    const server = await centre();
    const relay = client(server, WRONG);
    const refused = await relay.call('auth.status', {}, 1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (refused.ok) throw new Error('a wrong fingerprint was accepted');
    expect(refused.error.message).toContain('证书指纹与登记的不一致，已拒绝连接');
    expect(refused.error.message).toContain(server.certificate.fingerprint);
    expect(server.requests()).toBe(0);
  });

  it('answers SERVER_UNREACHABLE, changing nothing, while the server is down, and reports its feed coming back', async () => {
    const backend = await testBackend();
    let server = await startCentreServer(backend);
    const port = server.port;
    closers.push(async () => {
      await server.close();
      backend.close();
    });
    const reach: Array<{ window: number; reached: boolean }> = [];
    const relay = createServerClient(
      { address: '127.0.0.1', port, fingerprint: server.certificate.fingerprint },
      { onLive: () => {}, onReach: (window, reached) => reach.push({ window, reached }) },
    );
    closers.push(() => relay.stop());
    await relay.call('auth.setup', ADMIN, 1);
    await vi.waitFor(() => expect(reach).toEqual([{ window: 1, reached: true }]), { timeout: 10_000 });
    const users = async () => ((await relay.call('users.list', {}, 1)) as { data: { total: number } }).data.total;
    const before = await users();

    await server.close();
    const input = {
      username: 'zhang',
      displayName: '张三',
      roles: ['duty_officer' as const],
      regionCode: null,
      password: 'Initial-2026-pw',
    };
    const refused = await relay.call('users.create', input, 1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    if (refused.ok) throw new Error('a call reached a stopped server');
    expect(refused.error.message).toContain(`与中心服务器的连接已断开（127.0.0.1:${port}`);
    expect(refused.error.message).toContain('操作未完成');
    // The window's feed lost the server too: the page shows the banner.
    await vi.waitFor(() => expect(reach.at(-1)).toEqual({ window: 1, reached: false }), { timeout: 10_000 });

    // The same server again (same data folder, certificate and port): the feed reconnects by itself.
    server = await startCentreServer(backend, ['127.0.0.1'], port);
    await vi.waitFor(() => expect(reach.at(-1)).toEqual({ window: 1, reached: true }), { timeout: 20_000 });
    // The refused call wrote nothing; the session in main still holds, and the same call now goes through.
    expect(await users()).toBe(before);
    expect(await relay.call('users.create', input, 1)).toMatchObject({ ok: true });
    expect(await users()).toBe(before + 1);
  });

  it('refuses board.openDisplay from a page: main alone opens a display session', async () => {
    const server = await centre();
    const relay = client(server, server.certificate.fingerprint);
    const result = await relay.call('board.openDisplay', {}, 1);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(server.requests()).toBe(0);
  });

  it('lets the board window read the board with a display session of its own, opened once a workstation signed in', async () => {
    const server = await centre();
    const changes: Array<{ window: number; topic: unknown }> = [];
    const relay = createServerClient(
      { address: '127.0.0.1', port: server.port, fingerprint: server.certificate.fingerprint },
      { onLive: (window, change) => changes.push({ window, topic: (change as { topic: unknown }).topic }) },
    );
    closers.push(() => relay.stop());
    relay.markDisplay(7);
    // Nobody signed in at the workstation yet: the wall says so, and nothing reached the server.
    const early = await relay.call('board.snapshot', {}, 7);
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('请先在工作台登录') },
    });
    expect(server.requests()).toBe(0);

    await relay.call('auth.setup', ADMIN, 1);
    // Two first reads at once share one display session.
    const [snapshot, boundary] = await Promise.all([
      relay.call('board.snapshot', {}, 7),
      relay.call('board.boundary', {}, 7),
    ]);
    expect(snapshot).toMatchObject({ ok: true });
    expect(boundary).toMatchObject({ ok: true });
    const opened = server.backend.services.sql
      .prepare("SELECT username, result FROM audit_log WHERE action = 'board.openDisplay'")
      .all();
    expect(opened).toEqual([{ username: 'admin', result: 'success' }]);
    // The board window's session is the display's (board.read only), not the administrator's.
    expect(await relay.call('users.list', {}, 7)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await relay.call('auth.me', {}, 1)).toMatchObject({ ok: true, data: { username: 'admin' } });

    // The wall hears the centre's changes on its own feed.
    const other = await signInWith(server.backend, ADMIN);
    await vi.waitFor(
      async () => {
        await signInAs(server.backend, other, ['duty_officer']);
        expect(changes).toContainEqual({ window: 7, topic: 'users' });
      },
      { timeout: 15_000, interval: 300 },
    );

    // The workstation signing out leaves the wall showing the board.
    await relay.call('auth.logout', {}, 1);
    expect(await relay.call('board.snapshot', {}, 7)).toMatchObject({ ok: true });

    // A new board window replaces the old: the old one's session is gone from main, the new one opens its own.
    relay.markDisplay(8);
    expect(await relay.call('board.snapshot', {}, 7)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await relay.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, 1);
    expect(await relay.call('board.snapshot', {}, 8)).toMatchObject({ ok: true });
    // The client goes first: a kept-alive connection that never carried a request (the old board's
    // feed, stopped while connecting) waits in its pool, and would hold the server's close.
    await relay.stop();
  });
});

describe('the first-run choice', { timeout: 30_000 }, () => {
  const methods = (current: ConnectionMethods['current'] = null) => {
    const saved: unknown[] = [];
    return { current, save: (choice: unknown) => saved.push(choice), saved } as ConnectionMethods & {
      saved: unknown[];
    };
  };

  it('is kept in a JSON file readable by its owner only', () => {
    const dir = tempDir();
    expect(readChoice(dir)).toBeNull();
    writeChoice(dir, { mode: 'client', address: '192.168.1.20', port: 5710, fingerprint: WRONG });
    expect(statSync(join(dir, CHOICE_FILE)).mode & 0o777).toBe(0o600);
    expect(readChoice(dir)).toEqual({ mode: 'client', address: '192.168.1.20', port: 5710, fingerprint: WRONG });
    expect(JSON.parse(readFileSync(join(dir, CHOICE_FILE), 'utf8'))).toMatchObject({ mode: 'client' });
  });

  it('saves a centre server only after reaching it with the fingerprint given', async () => {
    const server = await centre();
    const wrong = methods();
    const refused = await answerConnectionMethod(
      'connection.choose',
      { mode: 'client', address: '127.0.0.1', port: server.port, fingerprint: WRONG },
      wrong,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(wrong.saved).toEqual([]);

    const right = methods();
    // Typed in lower case without colons, as copied from a message: kept in one form.
    const typed = server.certificate.fingerprint.replaceAll(':', '').toLowerCase();
    const chosen = await answerConnectionMethod(
      'connection.choose',
      { mode: 'client', address: '127.0.0.1', port: server.port, fingerprint: typed },
      right,
    );
    const expected = {
      mode: 'client',
      address: '127.0.0.1',
      port: server.port,
      fingerprint: server.certificate.fingerprint,
    };
    expect(chosen).toEqual({ ok: true, data: expected });
    expect(right.saved).toEqual([expected]);
    expect(await answerConnectionMethod('connection.get', {}, methods())).toEqual({ ok: true, data: { mode: null } });
  });

  it('refuses a malformed fingerprint or a wildcard address with the field named', async () => {
    const none = methods();
    const result = await answerConnectionMethod(
      'connection.choose',
      { mode: 'client', address: '0.0.0.0', port: 5710, fingerprint: '12:34' },
      none,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'address' }, { path: 'fingerprint' }] },
    });
    expect(none.saved).toEqual([]);
    expect(await answerConnectionMethod('connection.choose', { mode: 'standalone' }, none)).toEqual({
      ok: true,
      data: { mode: 'standalone' },
    });
    expect(none.saved).toEqual([{ mode: 'standalone' }]);
  });
});
