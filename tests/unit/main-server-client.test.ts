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

  it('answers with a Chinese message when the server cannot be reached', async () => {
    const server = await centre();
    await server.close();
    const relay = client(server, server.certificate.fingerprint);
    const result = await relay.call('auth.status', {}, 1);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain(`无法连接中心服务器 127.0.0.1:${server.port}`);
  });

  it('lets the board window make no call with a workstation session', async () => {
    const server = await centre();
    const relay = client(server, server.certificate.fingerprint);
    relay.markDisplay(7);
    const result = await relay.call('board.snapshot', {}, 7);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(server.requests()).toBe(0);
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
