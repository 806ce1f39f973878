import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ATTACHMENT_MAX_BASE64 } from '../../../shared/domain/attachments';
import { IMPORT_MAX_BASE64 } from '../../../shared/contract/imports';
import { BOUNDARY_MAX_BYTES } from '../../../shared/domain/board/boundary';
import { fail, type ErrorCode, type Result } from '../../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import { cookieJar } from './session-cookie';
import { readStaticFile } from './static-files';

/** Same policy as the desktop window: everything from this origin, nothing from anywhere else. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Methods that carry a file: room for the largest one plus its JSON wrapping. A boundary file comes
 * as JSON text inside a JSON string, where each quote and line break is escaped: twice its size.
 */
const LARGE_BODY_BYTES = new Map<string, number>([
  ['attachments.upload', ATTACHMENT_MAX_BASE64 + 64 * 1024],
  ['board.importBoundaryPreview', 2 * BOUNDARY_MAX_BYTES + 64 * 1024],
  ['board.importBoundary', 2 * BOUNDARY_MAX_BYTES + 64 * 1024],
  ['imports.preview', IMPORT_MAX_BASE64 + 64 * 1024],
  ['imports.commit', IMPORT_MAX_BASE64 + 64 * 1024],
]);

const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

const API_PREFIX = '/api/';

function sendJson(res: ServerResponse, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(result.ok ? 200 : STATUS_OF[result.error.code], {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** The names the loopback-only server may be addressed by; any other is a rebound DNS name. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i;

/**
 * A browser names the page's origin on every POST; it must be this server's own, and the server
 * must be addressed by a loopback name (a site whose DNS name was rebound to 127.0.0.1 is refused).
 */
function sameOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/** Reads a JSON body up to `limit` bytes; an empty body is `{}`. */
function readJsonBody(req: IncomingMessage, limit: number): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => resolve(fail('VALIDATION', '请求未能完整接收，请重试。')));
    req.on('end', () => {
      if (tooLarge)
        return resolve(fail('VALIDATION', `请求内容超过 ${Math.round(limit / 1024)} KB 上限，请减少提交的数据。`));
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({ ok: true, data: {} });
      try {
        resolve({ ok: true, data: JSON.parse(text) as unknown });
      } catch {
        resolve(fail('VALIDATION', '请求内容不是有效的 JSON，请检查后重试。'));
      }
    });
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, dispatch: Dispatch, method: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, fail('NOT_FOUND', '接口只接受 POST 请求。'));
  }
  if (!sameOrigin(req)) return sendJson(res, fail('FORBIDDEN', '拒绝了来自其他网站的请求。'));
  const body = await readJsonBody(req, LARGE_BODY_BYTES.get(method) ?? MAX_BODY_BYTES);
  if (!body.ok) return sendJson(res, body);
  const call = { transport: 'http' as const, client: req.socket.remoteAddress ?? 'unknown', jar: cookieJar(req, res) };
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
}

/** Web mode: the built renderer and `POST /api/<method>` over the same dispatch as the desktop. */
export function createHttpServer({ dispatch, staticDir }: HttpOptions): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const work = path.startsWith(API_PREFIX)
      ? handleApi(req, res, dispatch, path.slice(API_PREFIX.length))
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
