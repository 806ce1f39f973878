import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_KEY_HEADER } from '../../../shared/contract/web-session';
import type { SessionJar } from '../api/types';

export const SESSION_COOKIE = 'zz_session';

/** Where the session token is cut: the cookie holds the first part, the page's storage the rest. */
const COOKIE_PART = 22;

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Web mode keeps the session token in two halves: an HttpOnly, SameSite=Strict cookie that page
 * scripts cannot read, and a key the page keeps in its own origin's storage and sends as a header.
 * Browsers send cookies to every port of a host, so another service on 127.0.0.1 receives the
 * cookie, but storage belongs to one origin (port included): the cookie alone opens nothing.
 * The key goes to the page in a response header whenever the session changes (empty when it ends).
 */
export function cookieJar(req: IncomingMessage, res: ServerResponse, { secure = false } = {}): SessionJar {
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  const key = req.headers[SESSION_KEY_HEADER];
  let token = cookie && typeof key === 'string' && key ? cookie + key : undefined;
  return {
    get: () => token,
    set(next) {
      token = next ?? undefined;
      // Over HTTPS (the centre server) the cookie is never sent back over plain HTTP.
      const attributes = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
      res.setHeader(
        'set-cookie',
        next
          ? `${SESSION_COOKIE}=${next.slice(0, COOKIE_PART)}; ${attributes}`
          : `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`,
      );
      res.setHeader(SESSION_KEY_HEADER, next ? next.slice(COOKIE_PART) : '');
    },
  };
}
