import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionJar } from '../api/types';

export const SESSION_COOKIE = 'zz_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Web mode keeps the session token in an HttpOnly, SameSite=Strict cookie: page scripts cannot
 * read it and other sites cannot send it.
 */
export function cookieJar(req: IncomingMessage, res: ServerResponse): SessionJar {
  let token = readCookie(req.headers.cookie, SESSION_COOKIE);
  return {
    get: () => token,
    set(next) {
      token = next ?? undefined;
      const attributes = 'Path=/; HttpOnly; SameSite=Strict';
      res.setHeader(
        'set-cookie',
        next ? `${SESSION_COOKIE}=${next}; ${attributes}` : `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`,
      );
    },
  };
}
