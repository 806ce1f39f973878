import { pathToFileURL } from 'node:url';
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

const { isAppUrl, rendererEntryUrl } = await import('../../electron/main/app-url');
const { handleInvoke, isTrustedSender, registerInvokeHandler } = await import('../../electron/main/ipc');

const INDEX_HTML = '/opt/综治工作台/resources/app.asar/out/renderer/index.html';
const FILE_ENTRY = pathToFileURL(INDEX_HTML).href;
const DEV_ENTRY = 'http://localhost:5173/';
const top = (url: string) => ({ url, parent: null });
/** A sender: the frame that called and its window (webContents) id. */
const from = (frame: { url: string; parent: unknown } | null | undefined, window = 1) => ({ frame, window });

describe('renderer entry', () => {
  it('is the built index.html as a file URL unless a dev server is given to an unpackaged app', () => {
    expect(rendererEntryUrl(INDEX_HTML, undefined, false)).toBe(FILE_ENTRY);
    expect(rendererEntryUrl(INDEX_HTML, DEV_ENTRY, false)).toBe(DEV_ENTRY);
    expect(rendererEntryUrl(INDEX_HTML, 'https://evil.example/', true)).toBe(FILE_ENTRY);
  });
});

describe('sender validation', () => {
  it('trusts the top frame of the app page, at any hash route', () => {
    expect(isTrustedSender(top(FILE_ENTRY), FILE_ENTRY)).toBe(true);
    expect(isTrustedSender(top(`${FILE_ENTRY}#/board`), FILE_ENTRY)).toBe(true);
  });

  it('rejects subframes even on the app page', () => {
    expect(isTrustedSender({ url: FILE_ENTRY, parent: top(FILE_ENTRY) }, FILE_ENTRY)).toBe(false);
  });

  it('rejects other files, other origins, about:blank, gone frames and garbage', () => {
    for (const url of [
      pathToFileURL('/tmp/evil/index.html').href,
      'file:///opt/%E7%BB%BC%E6%B2%BB%E5%B7%A5%E4%BD%9C%E5%8F%B0/resources/app.asar/out/renderer/other.html',
      'https://example.com/index.html',
      'http://localhost:5173/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isTrustedSender(top(url), FILE_ENTRY), url).toBe(false);
    }
    expect(isTrustedSender(null, FILE_ENTRY)).toBe(false);
    expect(isTrustedSender(undefined, FILE_ENTRY)).toBe(false);
  });

  it('accepts the dev server only when it is the configured entry', () => {
    expect(isTrustedSender(top('http://localhost:5173/#/board'), DEV_ENTRY)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), DEV_ENTRY)).toBe(false);
    expect(isTrustedSender(top(FILE_ENTRY), DEV_ENTRY)).toBe(false);
  });

  it('matches the same file however its path is percent-encoded, and ignores case only on Windows', () => {
    const win = 'file:///C:/Program%20Files/%E7%BB%BC%E6%B2%BB%E5%B7%A5%E4%BD%9C%E5%8F%B0/out/renderer/index.html';
    expect(isAppUrl('file:///C:/Program Files/综治工作台/out/renderer/index.html', win, 'win32')).toBe(true);
    expect(isAppUrl('file:///c:/program files/综治工作台/out/renderer/INDEX.html', win, 'win32')).toBe(true);
    expect(isAppUrl('file:///c:/program files/综治工作台/out/renderer/INDEX.html', win, 'linux')).toBe(false);
  });
});

describe('handleInvoke', () => {
  it('relays a valid call from the app page and returns the host envelope', async () => {
    const relay = vi.fn(async () => ok({ appName: '综治工作台' }));
    const result = await handleInvoke(from(top(FILE_ENTRY), 4), 'system.info', {}, FILE_ENTRY, relay);
    expect(result).toEqual({ ok: true, data: { appName: '综治工作台' } });
    expect(relay).toHaveBeenCalledExactlyOnceWith('system.info', {}, 4);
  });

  it("relays each call with its own window's id", async () => {
    const relay = vi.fn(async () => ok(null));
    await handleInvoke(from(top(FILE_ENTRY), 4), 'auth.me', {}, FILE_ENTRY, relay);
    await handleInvoke(from(top(`${FILE_ENTRY}#/board`), 9), 'auth.me', {}, FILE_ENTRY, relay);
    expect(relay.mock.calls).toEqual([
      ['auth.me', {}, 4],
      ['auth.me', {}, 9],
    ]);
  });

  it('refuses an unknown method with NOT_FOUND without reaching the host', async () => {
    const relay = vi.fn();
    for (const method of ['system.dropAll', '__proto__', 'constructor', 42, null]) {
      const result = await handleInvoke(from(top(FILE_ENTRY)), method, {}, FILE_ENTRY, relay);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(relay).not.toHaveBeenCalled();
  });

  it('refuses an untrusted sender with FORBIDDEN without reaching the host', async () => {
    const relay = vi.fn();
    const result = await handleInvoke(from(top('https://example.com/')), 'system.info', {}, FILE_ENTRY, relay);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(relay).not.toHaveBeenCalled();
  });
});

describe('registerInvokeHandler', () => {
  beforeEach(() => electron.handlers.clear());

  it("handles zz:invoke, checks the event sender frame and relays the sender's webContents id", async () => {
    const relay = vi.fn(async () => ok(1));
    registerInvokeHandler(FILE_ENTRY, relay);
    const handler = electron.handlers.get('zz:invoke');
    expect(handler).toBeTypeOf('function');

    const event = (senderFrame: unknown, id: number) => ({ senderFrame, sender: { id } });
    await expect(handler!(event(top(FILE_ENTRY), 3), 'system.info', {})).resolves.toEqual({ ok: true, data: 1 });
    await expect(handler!(event(top(FILE_ENTRY), 8), 'auth.me', {})).resolves.toEqual({ ok: true, data: 1 });
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
