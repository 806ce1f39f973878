import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, readStaticFile } from '../backend/http/static-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Must run before the app is ready. `standard` gives the scheme real origins (relative URLs,
 * storage per origin), `secure` makes its pages secure contexts like https. Nothing more: no
 * fetch, CORS or service workers, which the desktop renderer does not use (its calls go over IPC).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

const notFound = (): Response =>
  new Response('未找到该页面。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Answers an `app:` request with a file of the built renderer in `root`: GET or HEAD on the app's
 * host only; a path that would leave `root` (`../`, encoded separators) or names no file is 404.
 * The CSP goes on every page here: Electron's `webRequest` header hooks do not see custom schemes.
 */
export async function serveAppFile(request: Pick<Request, 'url' | 'method'>, root: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return notFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const file = await readStaticFile(root, url.pathname);
  if (!file) return notFound();
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    headers: {
      'content-type': file.contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Serves the renderer folder at `app://zongzhi/` in the default session. Call once the app is ready. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request, root));
}
