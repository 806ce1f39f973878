import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { fail, SERVER_UNREACHABLE_MESSAGE, type Result } from '../../shared/errors';
import { APP_HEADER, APP_HEADER_VALUE, SESSION_KEY_HEADER } from '../../shared/contract/web-session';
import { readCookie, SESSION_COOKIE } from '../backend/http/session-cookie';
import type { HostClient } from './host-client';
import { FingerprintMismatch, PinnedAgent } from './pinned-agent';
import { followServer } from './server-feed';

/** Where the centre server is and the fingerprint its certificate must have. */
export interface CentreServer {
  address: string;
  port: number;
  /** `AB:CD:…`, as the settings card shows it. */
  fingerprint: string;
}

/** A window's session on the server, as web mode splits it: the cookie part and the key part. */
interface Session {
  cookie: string;
  key: string;
}

const TIMEOUT_MESSAGE = '中心服务器响应超时，操作可能未完成。请稍后刷新查看结果；如反复出现请联系管理员。';
const UNREADABLE_MESSAGE = '中心服务器返回了无法识别的应答，操作可能未完成。请刷新后重试；如仍出现请联系管理员。';
const SIGN_IN_FIRST = '请先在工作台登录，态势大屏随后自动显示。';
const MAIN_ONLY = '该操作由程序自动完成，页面不能直接调用。';
/** Asked by main alone, for the board window (see `displaySession`). */
const OPEN_DISPLAY = 'board.openDisplay';
/** Why a call failed to reach the server, short: the system's error code (ECONNREFUSED …) or its message. */
const cause = (error: Error) => (error as NodeJS.ErrnoException).code ?? error.message;
/** Sent or not, the call found no server: `SERVER_UNREACHABLE`, which shows the connection banner. */
const unreachable = (server: CentreServer, error: Error, sent: boolean) =>
  fail(
    'SERVER_UNREACHABLE',
    `${SERVER_UNREACHABLE_MESSAGE}（${server.address}:${server.port}，${cause(error)}），` +
      (sent
        ? '操作可能未完成：连接恢复后请先刷新查看结果，再决定是否重新提交。'
        : '操作未完成。填写的内容仍保留，连接恢复后请重新提交。'),
  );

const isEnvelope = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Client mode of the desktop app: each call goes to the centre server's `POST /api/<method>` over
 * HTTPS with its certificate pinned. Main keeps each window's session (the cookie part and the key
 * part web mode splits it into), so the renderer never holds a token, as with the data host; with
 * `onLive`, each signed-in window also follows the server's changes.
 */
export function createServerClient(
  server: CentreServer,
  {
    timeoutMs = 120_000,
    onLive,
    onReach,
  }: {
    timeoutMs?: number;
    onLive?: (window: number, change: unknown) => void;
    /** A window's feed lost the server (false) or reached it again (true): the page's connection banner. */
    onReach?: (window: number, reached: boolean) => void;
  } = {},
): HostClient {
  const agent = new PinnedAgent(server.fingerprint);
  const origin = `https://${server.address}:${server.port}`;
  const sessions = new Map<number, Session>();
  const displays = new Set<number>();
  /** Each signed-in window's change feed (see server-feed.ts), as the data host follows its bus per window. */
  const feeds = new Map<number, () => void>();

  const sessionHeaders = (window: number): Record<string, string> | null => {
    const session = sessions.get(window);
    return session
      ? {
          origin,
          [APP_HEADER]: APP_HEADER_VALUE,
          cookie: `${SESSION_COOKIE}=${session.cookie}`,
          [SESSION_KEY_HEADER]: session.key,
        }
      : null;
  };

  /** Keeps the session a reply starts, changes or ends (an empty key ends it), and the window's feed with it. */
  function follow(window: number, headers: IncomingHttpHeaders): void {
    const key = headers[SESSION_KEY_HEADER];
    if (typeof key !== 'string') return;
    const cookie = readCookie((headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join(';'), SESSION_COOKIE);
    forget(window);
    if (!key || !cookie) return;
    sessions.set(window, { cookie, key });
    if (onLive) {
      const onChange = (change: unknown) => onLive(window, change);
      const reach = onReach && ((reached: boolean) => onReach(window, reached));
      feeds.set(
        window,
        followServer({ origin, agent, headers: () => sessionHeaders(window), onChange, onReach: reach }),
      );
    }
  }

  /**
   * `replyTo`: the window whose session the reply starts or ends (the board window when main opens
   * its display session). `fresh`: on a new connection (a retry).
   */
  function post(
    method: string,
    input: unknown,
    window: number,
    replyTo = window,
    fresh = false,
  ): Promise<Result<unknown>> {
    const body = JSON.stringify(input ?? {});
    return new Promise((resolve) => {
      let timedOut = false;
      // Until the request is written out, a failure means the server saw none of it.
      let sent = false;
      const req = request(
        `${origin}/api/${method}`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(sessionHeaders(window) ?? { origin, [APP_HEADER]: APP_HEADER_VALUE }),
          },
        },
        (res) => {
          follow(replyTo, res.headers);
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            let reply: unknown;
            try {
              reply = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              reply = undefined;
            }
            resolve(isEnvelope(reply) ? reply : fail('INTERNAL', UNREADABLE_MESSAGE));
          });
          res.on('error', (error) => resolve(unreachable(server, error, true)));
        },
      );
      req.setTimeout(timeoutMs, () => {
        timedOut = true;
        req.destroy();
      });
      req.on('error', (error) => {
        if (error instanceof FingerprintMismatch) return resolve(fail('FORBIDDEN', error.message));
        if (timedOut) return resolve(fail('INTERNAL', TIMEOUT_MESSAGE));
        // A kept-alive connection the server had closed (it stopped, or restarted): the request met
        // a closed socket and was never read. Tried once more on a new connection (Node's advice).
        if (req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET' && !fresh) {
          return resolve(post(method, input, window, replyTo, true));
        }
        resolve(unreachable(server, error, sent));
      });
      req.on('finish', () => (sent = true));
      req.end(body);
    });
  }

  const opening = new Map<number, Promise<Result<unknown>>>();

  /**
   * The board window's display session on the server, opened on its first call with the session of
   * a signed-in workstation window (`board.openDisplay`, which needs board.read); the workstation's
   * own session is untouched. Several first calls at once share one opening.
   */
  function displaySession(window: number): Promise<Result<unknown>> {
    if (sessions.has(window)) return Promise.resolve({ ok: true, data: null });
    const signedIn = [...sessions.keys()].find((other) => !displays.has(other));
    if (signedIn === undefined) return Promise.resolve(fail('FORBIDDEN', SIGN_IN_FIRST));
    let pending = opening.get(window);
    if (!pending) {
      // The wall has no sign-in page: a workstation session gone or locked is "sign in first" there.
      pending = post(OPEN_DISPLAY, {}, signedIn, window)
        .then((opened) =>
          !opened.ok && opened.error.code === 'UNAUTHENTICATED' ? fail('FORBIDDEN', SIGN_IN_FIRST) : opened,
        )
        .finally(() => opening.delete(window));
      opening.set(window, pending);
    }
    return pending;
  }

  /** The board window reads with its display session; one the server lost (a restart) is opened again once. */
  async function displayCall(method: string, input: unknown, window: number): Promise<Result<unknown>> {
    for (let attempt = 0; ; attempt++) {
      const opened = await displaySession(window);
      if (!opened.ok) return opened;
      const result = await post(method, input, window);
      if (result.ok || result.error.code !== 'UNAUTHENTICATED' || attempt > 0) return result;
      forget(window);
    }
  }

  function forget(window: number): void {
    feeds.get(window)?.();
    feeds.delete(window);
    sessions.delete(window);
  }

  return {
    call(method, input, window) {
      if (method === OPEN_DISPLAY) return Promise.resolve(fail('FORBIDDEN', MAIN_ONLY));
      if (displays.has(window)) return displayCall(method, input, window);
      return post(method, input, window);
    },
    markDisplay(window) {
      // One board window at a time (a new one replaces the old): the old one's session and feed end.
      for (const old of displays) forget(old);
      displays.clear();
      displays.add(window);
    },
    stop() {
      for (const stop of feeds.values()) stop();
      feeds.clear();
      agent.destroy();
      return Promise.resolve();
    },
  };
}
