import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../backend/http/static-files';
import { isAppUrl } from './app-url';

/** Response headers with our CSP, replacing any the response carried (header names vary in case). */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** CSP on every response of the session; every permission (camera, notifications, ...) denied. */
export function secureSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Keeps a page on the app: no navigation or redirect elsewhere, no new windows, no webviews. */
export function guardWebContents(contents: WebContents, entryUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, entryUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, entryUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function guardAllWebContents(app: App, entryUrl: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, entryUrl));
}
