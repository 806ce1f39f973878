import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Result } from '../../../shared/errors';
import { BOARD_EVENTS_PATH } from '../../../shared/contract/live';
import { openEventStream, StreamCap, type Subscribe } from './event-stream';
import { CONTENT_SECURITY_POLICY, readStaticFile } from './static-files';

/**
 * The board's LAN mode (大屏网页模式): the situation board alone, read-only, for a wall-screen PC
 * with a browser. The administrator hands out `http://<address>:<port>/wall?token=…`; the token
 * is checked (in constant time), kept in an HttpOnly cookie and the browser sent on to the board
 * page (`/#/wall`), so it leaves the address bar. Only GET (and HEAD) of the page, its files,
 * the board's two reads and its change feed (server-sent events naming what changed) answer; every other method and path is refused. It never reaches dispatch:
 * the two reads are the only data it can serve.
 */
export interface BoardServerOptions {
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** `board.snapshot`'s answer, as the board's own session would get it. */
  snapshot: () => Promise<Result<unknown>>;
  /** `board.boundary`'s answer. */
  boundary: () => Promise<Result<unknown>>;
  /** The centre's changes, named by feature only (no record): the wall reads its snapshot again. */
  changes: Subscribe;
}

/** Wall screens on one token's feed at once; more end the oldest. */
const WALL_STREAMS = 8;

export const BOARD_COOKIE = 'zz_board';
export const WALL_PATH = '/wall';
/** What the board page reads, relative to the page (renderer/src/board/boardSource.ts). */
export const BOARD_API = { '/board-api/snapshot': 'snapshot', '/board-api/boundary': 'boundary' } as const;

const digest = (text: string) => createHash('sha256').update(text).digest();

const tokenMatches = (given: string | undefined, token: string): boolean =>
  given !== undefined && timingSafeEqual(digest(given), digest(token));

/** The board cookie's token; undefined without one; `MALFORMED` when it cannot be decoded. */
const MALFORMED = Symbol('malformed');
function cookieToken(req: IncomingMessage): string | undefined | typeof MALFORMED {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== BOARD_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return MALFORMED;
    }
  }
  return undefined;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: BoardServerOptions,
  streams: StreamCap,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return refuse(res, 405, '大屏网页模式只读，不接受此请求。');
  }
  const url = new URL(req.url ?? '/', 'http://board');
  if (url.pathname === WALL_PATH) {
    const given = url.searchParams.get('token') ?? undefined;
    if (!tokenMatches(given, options.token))
      return refuse(res, 401, '大屏访问令牌无效：请向中心管理员索取正确的大屏地址。');
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      'set-cookie': `${BOARD_COOKIE}=${encodeURIComponent(given!)}; HttpOnly; SameSite=Strict; Path=/`,
      location: '/#/wall',
    });
    return void res.end();
  }
  const cookie = cookieToken(req);
  if (cookie === MALFORMED) return refuse(res, 400, '大屏访问凭据格式有误：请用管理员提供的大屏地址重新打开。');
  if (!tokenMatches(cookie, options.token)) {
    return refuse(res, 401, '大屏访问令牌无效或已更换：请用管理员提供的大屏地址重新打开。');
  }
  if (url.pathname === `/${BOARD_EVENTS_PATH}` && req.method === 'GET') {
    return void res.once('close', streams.add('wall', openEventStream(res, options.changes)));
  }
  const read = BOARD_API[url.pathname as keyof typeof BOARD_API];
  if (read) {
    const result = await options[read]();
    res.writeHead(result.ok ? 200 : 500, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
    return void res.end(req.method === 'HEAD' ? undefined : JSON.stringify(result));
  }
  if (url.pathname.startsWith('/api/')) return refuse(res, 404, '大屏网页模式不提供此接口。');
  const file = await readStaticFile(options.staticDir, url.pathname);
  if (!file) return refuse(res, 404, '未找到该页面。');
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export function createBoardServer(options: BoardServerOptions): Server {
  const streams = new StreamCap(WALL_STREAMS);
  return createServer((req, res) => {
    handle(req, res, options, streams).catch((error: unknown) => {
      console.error('[board-lan] 请求处理失败', error);
      if (!res.headersSent) refuse(res, 500, '系统内部错误，请稍后刷新。');
      else res.end();
    });
  });
}
