/**
 * How the load driver reaches a centre server: `POST /api/<method>` as the web page sends it (its
 * origin and the app's header), keeping the session as the page does (the cookie half, and the key
 * half sent back in `x-zz-session-key`; see http/session-cookie.ts). Each workstation gets its own
 * keep-alive connection, as each browser or desktop client would. Over HTTPS Node checks the
 * server's certificate against the CA given (a self-signed certificate serves as its own); the
 * agent is where pinning by fingerprint, as the desktop's client mode pins it, would plug in.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SESSION_COOKIE } from '../../electron/backend/http/session-cookie';
import { APP_HEADER, APP_HEADER_VALUE, SESSION_KEY_HEADER } from '../../shared/contract/web-session';

export interface TransportOptions {
  /** `http://127.0.0.1:5710` or `https://…`; a path after the host is ignored. */
  baseUrl: string;
  /** PEM of the CA (or the self-signed certificate) the server's certificate must chain to. */
  ca?: string;
}

/** A call's outcome as the driver counts it: the HTTP status and the envelope (null if the body was not one). */
export interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } | null;
}

/** One workstation's connection and session. */
export interface Client {
  call(method: string, input: unknown): Promise<Reply>;
  close(): void;
}

function agentFor({ baseUrl, ca }: TransportOptions): HttpAgent {
  const options = { keepAlive: true, maxSockets: 1 };
  return new URL(baseUrl).protocol === 'https:' ? new HttpsAgent({ ...options, ca }) : new HttpAgent(options);
}

/** The session half the reply sets, if it sets one: `''` when it ends the session. */
function sessionOf(res: IncomingMessage): { cookie: string; key: string } | null {
  const key = res.headers[SESSION_KEY_HEADER];
  const cookie = res.headers['set-cookie']?.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (typeof key !== 'string' || cookie === undefined) return null;
  return { cookie: cookie.split(';')[0]!, key };
}

/** A new client: its own connection and, once it signs in, its own session. */
export function connect(options: TransportOptions): Client {
  const base = new URL(options.baseUrl);
  const agent = agentFor(options);
  const request = base.protocol === 'https:' ? httpsRequest : httpRequest;
  let session: { cookie: string; key: string } | null = null;
  return {
    call: (method, input) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify(input);
        const req = request(
          new URL(`/api/${method}`, base),
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              origin: base.origin,
              [APP_HEADER]: APP_HEADER_VALUE,
              ...(session ? { cookie: session.cookie, [SESSION_KEY_HEADER]: session.key } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
              const next = sessionOf(res);
              if (next) session = next.key ? next : null;
              let parsed: Reply['body'] = null;
              try {
                parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['body'];
              } catch {
                // Not an envelope (a proxy's page, a cut reply): counted as an error by the caller.
              }
              resolve({ status: res.statusCode ?? 0, body: parsed });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}
