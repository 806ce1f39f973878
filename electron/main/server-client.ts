import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { fail, type Result } from '../../shared/errors';
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
const DISPLAY_MESSAGE = '连接中心服务器时，态势大屏请用大屏网页模式打开（系统设置 › 态势大屏）。';
const unreachable = (server: CentreServer, error: Error) =>
  `无法连接中心服务器 ${server.address}:${server.port}（${error.message}），操作未完成。请检查网络和服务器后重试。`;

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
  { timeoutMs = 120_000, onLive }: { timeoutMs?: number; onLive?: (window: number, change: unknown) => void } = {},
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
    feeds.get(window)?.();
    feeds.delete(window);
    if (!key || !cookie) {
      sessions.delete(window);
      return;
    }
    sessions.set(window, { cookie, key });
    if (onLive) {
      const onChange = (change: unknown) => onLive(window, change);
      feeds.set(window, followServer({ origin, agent, headers: () => sessionHeaders(window), onChange }));
    }
  }

  function post(method: string, input: unknown, window: number): Promise<Result<unknown>> {
    const body = JSON.stringify(input ?? {});
    return new Promise((resolve) => {
      let timedOut = false;
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
          follow(window, res.headers);
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
          res.on('error', (error) => resolve(fail('INTERNAL', unreachable(server, error))));
        },
      );
      req.setTimeout(timeoutMs, () => {
        timedOut = true;
        req.destroy();
      });
      req.on('error', (error) => {
        if (error instanceof FingerprintMismatch) return resolve(fail('FORBIDDEN', error.message));
        resolve(fail('INTERNAL', timedOut ? TIMEOUT_MESSAGE : unreachable(server, error)));
      });
      req.end(body);
    });
  }

  return {
    call(method, input, window) {
      if (displays.has(window)) return Promise.resolve(fail('FORBIDDEN', DISPLAY_MESSAGE));
      return post(method, input, window);
    },
    markDisplay(window) {
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
