import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { fail, type ErrorCode, type Result } from '../../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import type { CallContext } from '../api/types';
import {
  LARGE_BODY_BYTES,
  LARGE_READS_AT_ONCE,
  MAX_BODY_BYTES,
  readJsonBody,
  Slots,
  TOO_LARGE,
  tooLarge,
} from './body';
import { APP_HEADER, APP_HEADER_VALUE } from '../../../shared/contract/web-session';
import { LIVE_EVENTS_PATH } from '../../../shared/contract/live';
import { liveRoute, type Follow } from './live-route';
import { cookieJar } from './session-cookie';
import { clientGate, hostAccepted, originOf, WEB_MODE_SITE, type Site } from './site';
import { CONTENT_SECURITY_POLICY, readStaticFile } from './static-files';

const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
  // Never answered by a server (main says it in client mode when no server answers).
  SERVER_UNREACHABLE: 503,
};

const API_PREFIX = '/api/';

/** Answers with the envelope; `close` ends the connection, leaving an unread body unread. */
function sendJson(res: ServerResponse, result: Result<unknown>, { close = false } = {}): void {
  const body = JSON.stringify(result);
  res.writeHead(result.ok ? 200 : STATUS_OF[result.error.code], {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * A call must come from the app's own page: addressed by this server's own address (a site whose DNS
 * name was rebound to it is refused), naming this server as its origin (a browser names it on every
 * POST; a request without one is a script, not the page) and carrying the app's header (which a form
 * on another site cannot send, and which no cross-site script may send without a preflight this
 * server never grants).
 */
function fromTheApp(req: IncomingMessage, site: Site): boolean {
  if (!hostAccepted(req, site)) return false;
  const expected = originOf(req, site);
  // A browser leaves the origin out of a same-origin GET (the change feed); a cross-site one names it.
  const origin = req.headers.origin ?? (req.method === 'GET' ? expected : undefined);
  return origin === expected && req.headers[APP_HEADER] === APP_HEADER_VALUE;
}

const callOf = (req: IncomingMessage, res: ServerResponse, site: Site): CallContext => ({
  transport: 'http',
  client: req.socket.remoteAddress ?? 'unknown',
  jar: cookieJar(req, res, { secure: site.scheme === 'https' }),
});

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  { dispatch, largeReads, site }: { dispatch: Dispatch; largeReads: Slots; site: Site },
  method: string,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, fail('NOT_FOUND', '接口只接受 POST 请求。'));
  }
  if (!fromTheApp(req, site)) return sendJson(res, fail('FORBIDDEN', '拒绝了不是来自本系统页面的请求。'));
  const call = callOf(req, res, site);
  const large = LARGE_BODY_BYTES.get(method);
  // A file-carrying call is refused before its body is read unless the caller may make it.
  const admitted = large === undefined ? null : dispatch.admits(method, call);
  if (admitted && !admitted.ok) return sendJson(res, admitted, { close: true });
  const limit = admitted ? large! : MAX_BODY_BYTES;
  const release = admitted ? await largeReads.take() : () => {};
  let body;
  try {
    body = await readJsonBody(req, limit);
  } finally {
    release();
  }
  if (body === TOO_LARGE) return sendJson(res, tooLarge(limit), { close: true });
  if (!body.ok) return sendJson(res, body);
  sendJson(res, await dispatch(method, body.data, call));
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, staticDir: string, path: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await readStaticFile(staticDir, path);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到该页面。');
    return;
  }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export interface HttpOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The backend's change feed (live/viewer.ts): with it, `GET /api/events` streams the session's changes. */
  follow?: Follow;
  /** Where it is reached; web mode's loopback HTTP by default. */
  site?: Site;
  /** The certificate and key (PEM) of the centre server: HTTPS instead of HTTP. */
  tls?: { cert: string; key: string };
}

/** `GET /api/events`, from the app's page only; its refusals are envelopes like the calls'. */
function eventsRoute(dispatch: Dispatch, follow: Follow, site: Site) {
  const stream = liveRoute(dispatch, follow, (res, result) => sendJson(res, result));
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendJson(res, fail('NOT_FOUND', '变更推送只接受 GET 请求。'));
    }
    if (!fromTheApp(req, site)) return sendJson(res, fail('FORBIDDEN', '拒绝了不是来自本系统页面的请求。'));
    stream(res, callOf(req, res, site));
  };
}

const CLIENT_REFUSED = '本机地址不在中心服务器允许连接的范围内：请联系系统管理员在“系统设置 › 中心服务器”中添加。';
const REFUSED_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>拒绝访问</title><p>${CLIENT_REFUSED}</p></html>`;

/** A client outside the allowed list gets 403: the envelope on the API, a page elsewhere. */
function refuseClient(res: ServerResponse, path: string): void {
  if (path.startsWith(API_PREFIX)) return sendJson(res, fail('FORBIDDEN', CLIENT_REFUSED), { close: true });
  res
    .writeHead(403, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      connection: 'close',
    })
    .end(REFUSED_PAGE);
}

export type WebServer = Server | HttpsServer;

/**
 * Web mode and the centre server: the built renderer, `POST /api/<method>` over the same dispatch as
 * the desktop, and the change feed; over HTTPS when given a certificate.
 */
export function createHttpServer({ dispatch, staticDir, follow, site = WEB_MODE_SITE, tls }: HttpOptions): WebServer {
  const api = { dispatch, largeReads: new Slots(LARGE_READS_AT_ONCE), site };
  const events = follow && eventsRoute(dispatch, follow, site);
  const admitted = clientGate(site);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!admitted(req.socket.remoteAddress)) return refuseClient(res, path);
    if (events && path === `/${LIVE_EVENTS_PATH}`) return events(req, res);
    const work = path.startsWith(API_PREFIX)
      ? handleApi(req, res, api, path.slice(API_PREFIX.length))
      : handleStatic(req, res, staticDir, path);
    work.catch((error: unknown) => {
      console.error('[http] 请求处理失败', error);
      if (!res.headersSent) sendJson(res, fail('INTERNAL', '系统内部错误，请稍后重试。'));
      else res.end();
    });
  };
  return tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createServer(handler);
}

/** Listens on one address (never all interfaces); port 0 picks a free one. Resolves with the bound port. */
export function listenOn(server: NetServer, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Web mode listens on loopback only. */
export const listenOnLoopback = (server: NetServer, port: number): Promise<number> =>
  listenOn(server, '127.0.0.1', port);
