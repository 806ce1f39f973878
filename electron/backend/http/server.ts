import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { CONTENT_SECURITY_POLICY, readStaticFile } from './static-files';

const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
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

/** The names the loopback-only server may be addressed by; any other is a rebound DNS name. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i;

/**
 * A call must come from the app's own page: addressed by a loopback name (a site whose DNS name was
 * rebound to 127.0.0.1 is refused), naming this server as its origin (a browser names it on every
 * POST; a request without one is a script, not the page) and carrying the app's header (which a form
 * on another site cannot send, and which no cross-site script may send without a preflight this
 * server never grants).
 */
function fromTheApp(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return false;
  // A browser leaves the origin out of a same-origin GET (the change feed); a cross-site one names it.
  const origin = req.headers.origin ?? (req.method === 'GET' ? `http://${host}` : undefined);
  return origin === `http://${host}` && req.headers[APP_HEADER] === APP_HEADER_VALUE;
}

const callOf = (req: IncomingMessage, res: ServerResponse): CallContext => ({
  transport: 'http',
  client: req.socket.remoteAddress ?? 'unknown',
  jar: cookieJar(req, res),
});

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  { dispatch, largeReads }: { dispatch: Dispatch; largeReads: Slots },
  method: string,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, fail('NOT_FOUND', '接口只接受 POST 请求。'));
  }
  if (!fromTheApp(req)) return sendJson(res, fail('FORBIDDEN', '拒绝了不是来自本系统页面的请求。'));
  const call = callOf(req, res);
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
}

/** `GET /api/events`, from the app's page only; its refusals are envelopes like the calls'. */
function eventsRoute(dispatch: Dispatch, follow: Follow) {
  const stream = liveRoute(dispatch, follow, (res, result) => sendJson(res, result));
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendJson(res, fail('NOT_FOUND', '变更推送只接受 GET 请求。'));
    }
    if (!fromTheApp(req)) return sendJson(res, fail('FORBIDDEN', '拒绝了不是来自本系统页面的请求。'));
    stream(res, callOf(req, res));
  };
}

/**
 * Web mode: the built renderer, `POST /api/<method>` over the same dispatch as the desktop, and the
 * change feed.
 */
export function createHttpServer({ dispatch, staticDir, follow }: HttpOptions): Server {
  const api = { dispatch, largeReads: new Slots(LARGE_READS_AT_ONCE) };
  const events = follow && eventsRoute(dispatch, follow);
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (events && path === `/${LIVE_EVENTS_PATH}`) return events(req, res);
    const work = path.startsWith(API_PREFIX)
      ? handleApi(req, res, api, path.slice(API_PREFIX.length))
      : handleStatic(req, res, staticDir, path);
    work.catch((error: unknown) => {
      console.error('[http] 请求处理失败', error);
      if (!res.headersSent) sendJson(res, fail('INTERNAL', '系统内部错误，请稍后重试。'));
      else res.end();
    });
  });
}

/** Listens on one address (never all interfaces); port 0 picks a free one. Resolves with the bound port. */
export function listenOn(server: Server, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Web mode listens on loopback only. */
export const listenOnLoopback = (server: Server, port: number): Promise<number> => listenOn(server, '127.0.0.1', port);
