import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/errors';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      electron.handlers.set(channel, handler),
  },
}));

const { APP_ENTRY_URL, isAppUrl, rendererEntryUrl } = await import('../../electron/main/app-url');
const { handleInvoke, isTrustedSender, registerInvokeHandler } = await import('../../electron/main/ipc');

const ENTRY = APP_ENTRY_URL;
const DEV_ENTRY = 'http://localhost:5173/';
const top = (url: string) => ({ url, parent: null });
/** A sender: the frame that called and its window (webContents) id. */
const from = (frame: { url: string; parent: unknown } | null | undefined, window = 1) => ({ frame, window });

describe('renderer entry', () => {
  it('is the built index.html at app://zongzhi/ unless a dev server is given to an unpackaged app', () => {
    expect(APP_ENTRY_URL).toBe('app://zongzhi/index.html');
    expect(rendererEntryUrl(undefined, false)).toBe(ENTRY);
    expect(rendererEntryUrl(DEV_ENTRY, false)).toBe(DEV_ENTRY);
    expect(rendererEntryUrl('https://evil.example/', true)).toBe(ENTRY);
  });
});

describe('sender validation', () => {
  it('trusts the top frame of the app page, at any hash route', () => {
    expect(isTrustedSender(top(ENTRY), ENTRY)).toBe(true);
    expect(isTrustedSender(top(`${ENTRY}#/board`), ENTRY)).toBe(true);
  });

  it('rejects subframes even on the app page', () => {
    expect(isTrustedSender({ url: ENTRY, parent: top(ENTRY) }, ENTRY)).toBe(false);
  });

  it('rejects files, other schemes and hosts, about:blank, gone frames and garbage', () => {
    for (const url of [
      'file:///tmp/evil/index.html',
      'file:///opt/%E7%BB%BC%E6%B2%BB%E5%B7%A5%E4%BD%9C%E5%8F%B0/resources/app.asar/out/renderer/index.html',
      'app://other/index.html',
      'app://zongzhi.evil/index.html',
      'app://zongzhi:8080/index.html',
      'evil://zongzhi/index.html',
      'https://zongzhi/index.html',
      'https://example.com/index.html',
      'http://localhost:5173/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isTrustedSender(top(url), ENTRY), url).toBe(false);
    }
    expect(isTrustedSender(null, ENTRY)).toBe(false);
    expect(isTrustedSender(undefined, ENTRY)).toBe(false);
  });

  it('accepts the dev server only when it is the configured entry', () => {
    expect(isTrustedSender(top('http://localhost:5173/#/board'), DEV_ENTRY)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), DEV_ENTRY)).toBe(false);
    expect(isTrustedSender(top(ENTRY), DEV_ENTRY)).toBe(false);
  });

  it('compares scheme and host, not the URL origin, which is "null" for every app: URL', () => {
    expect(new URL('evil://x/').origin).toBe(new URL(ENTRY).origin);
    expect(isAppUrl('evil://x/', ENTRY)).toBe(false);
    expect(isAppUrl('app://zongzhi/assets/index.js?v=1', ENTRY)).toBe(true);
  });
});

describe('handleInvoke', () => {
  it('relays a valid call from the app page and returns the host envelope', async () => {
    const relay = vi.fn(async () => ok({ appName: '综治工作台' }));
    const result = await handleInvoke(from(top(ENTRY), 4), 'system.info', {}, ENTRY, relay);
    expect(result).toEqual({ ok: true, data: { appName: '综治工作台' } });
    expect(relay).toHaveBeenCalledExactlyOnceWith('system.info', {}, 4);
  });

  it("relays each call with its own window's id", async () => {
    const relay = vi.fn(async () => ok(null));
    await handleInvoke(from(top(ENTRY), 4), 'auth.me', {}, ENTRY, relay);
    await handleInvoke(from(top(`${ENTRY}#/board`), 9), 'auth.me', {}, ENTRY, relay);
    expect(relay.mock.calls).toEqual([
      ['auth.me', {}, 4],
      ['auth.me', {}, 9],
    ]);
  });

  it('refuses an unknown method with NOT_FOUND without reaching the host', async () => {
    const relay = vi.fn();
    for (const method of ['system.dropAll', '__proto__', 'constructor', 42, null]) {
      const result = await handleInvoke(from(top(ENTRY)), method, {}, ENTRY, relay);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(relay).not.toHaveBeenCalled();
  });

  it('refuses an untrusted sender with FORBIDDEN without reaching the host', async () => {
    const relay = vi.fn();
    const result = await handleInvoke(from(top('https://example.com/')), 'system.info', {}, ENTRY, relay);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(relay).not.toHaveBeenCalled();
  });
});

describe('registerInvokeHandler', () => {
  beforeEach(() => electron.handlers.clear());

  it("handles zz:invoke, checks the event sender frame and relays the sender's webContents id", async () => {
    const relay = vi.fn(async () => ok(1));
    registerInvokeHandler(ENTRY, relay);
    const handler = electron.handlers.get('zz:invoke');
    expect(handler).toBeTypeOf('function');

    const event = (senderFrame: unknown, id: number) => ({ senderFrame, sender: { id } });
    await expect(handler!(event(top(ENTRY), 3), 'system.info', {})).resolves.toEqual({ ok: true, data: 1 });
    await expect(handler!(event(top(ENTRY), 8), 'auth.me', {})).resolves.toEqual({ ok: true, data: 1 });
    await expect(handler!(event(null, 3), 'system.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(relay.mock.calls).toEqual([
      ['system.info', {}, 3],
      ['auth.me', {}, 8],
    ]);
  });
});
