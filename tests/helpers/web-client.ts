import { SESSION_COOKIE } from '../../electron/backend/http/session-cookie';
import { APP_HEADER, APP_HEADER_VALUE, SESSION_KEY_HEADER } from '../../shared/contract/web-session';

/** A web-mode session as the page holds it: the cookie pair the browser sends back, and the page's key. */
export interface WebSession {
  cookie: string;
  key: string;
}

/** `base` is `http://127.0.0.1:<port>` (no trailing slash). */
const originOf = (base: string) => new URL(base).origin;

/** The headers the app's page sends with a call: its origin, the app's header and, once signed in, the session. */
export function pageHeaders(base: string, session?: WebSession | null): Record<string, string> {
  return {
    'content-type': 'application/json',
    origin: originOf(base),
    [APP_HEADER]: APP_HEADER_VALUE,
    ...(session ? { cookie: session.cookie, [SESSION_KEY_HEADER]: session.key } : {}),
  };
}

/** `POST /api/<method>` as the page sends it; `headers` adds to (or overrides) the page's own. */
export const postAsPage = (
  base: string,
  method: string,
  body: string,
  session?: WebSession | null,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(`${base}/api/${method}`, { method: 'POST', headers: { ...pageHeaders(base, session), ...headers }, body });

/** The session a reply starts; null when it changes none (one it ends comes back with both parts empty). */
export function sessionFrom(res: Response): WebSession | null {
  const key = res.headers.get(SESSION_KEY_HEADER);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (key === null || cookie === undefined) return null;
  return { cookie: cookie.split(';')[0]!, key };
}

/** A client of the web-mode API keeping its session as one browser tab does. */
export function webClient(base: string) {
  let session: WebSession | null = null;
  return async <T = unknown>(
    method: string,
    input: unknown = {},
  ): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> => {
    const res = await postAsPage(base, method, JSON.stringify(input), session);
    const next = sessionFrom(res);
    if (next) session = next.key ? next : null;
    return res.json() as Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
  };
}
