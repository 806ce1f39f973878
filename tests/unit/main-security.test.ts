import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/http/static-files';
import { guardAllWebContents, guardWebContents, secureSession, withCsp } from '../../electron/main/security';

vi.mock('electron', () => ({}));

const ENTRY = 'app://zongzhi/index.html';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits a cancelable navigation-like event and says whether it was prevented. */
  attempt(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function fakeSession() {
  const hooks: {
    headers?: (details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
    request?: (contents: unknown, permission: string, cb: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
  } = {};
  const session = {
    webRequest: { onHeadersReceived: (listener: typeof hooks.headers) => (hooks.headers = listener) },
    setPermissionRequestHandler: (handler: typeof hooks.request) => (hooks.request = handler),
    setPermissionCheckHandler: (handler: typeof hooks.check) => (hooks.check = handler),
  };
  return { session, hooks };
}

describe('content security policy', () => {
  it('is the strict policy of every renderer page: own scripts only, no objects, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('is set on every response of the session, replacing a policy the response carried', () => {
    const { session, hooks } = fakeSession();
    secureSession(session as never);
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    hooks.headers!(
      { responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['script-src *'] } },
      (r) => (response = r as typeof response),
    );
    expect(response?.responseHeaders).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const { session, hooks } = fakeSession();
    secureSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      hooks.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(hooks.check!({}, permission)).toBe(false);
    }
  });
});

describe('navigation guards', () => {
  it('blocks navigation and redirects away from the app page but allows the app itself', () => {
    const contents = new FakeContents();
    guardWebContents(contents as never, ENTRY);
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.attempt('will-redirect', 'javascript:alert(1)')).toBe(true);
    expect(contents.attempt('will-navigate', `${ENTRY}#/board`)).toBe(false);
    expect(contents.attempt('will-navigate', 'app://zongzhi/index.html#/wall')).toBe(false);
  });

  it('denies window.open and webviews', () => {
    const contents = new FakeContents();
    guardWebContents(contents as never, ENTRY);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: ENTRY })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as never, ENTRY);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.openHandler).not.toBeNull();
  });
});
