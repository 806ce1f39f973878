/**
 * The built renderer is served from this privileged scheme (`app-protocol.ts`), not from `file:`:
 * a page at a `file:` URL could read any file its links name, and every file shares one origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zongzhi';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The URL the windows load: the electron-vite dev server while developing, otherwise the built
 * renderer at `app://zongzhi/index.html`. A packaged app ignores the dev variable, so it cannot be
 * pointed at other content.
 */
export function rendererEntryUrl(devUrl: string | undefined, isPackaged: boolean): string {
  return !isPackaged && devUrl ? devUrl : APP_ENTRY_URL;
}

/**
 * Whether `url` is on the app's own origin (any path, hash or query): the same scheme and host
 * (with port) as the entry. Compared by parts, not `URL.origin`: for a scheme the URL standard does
 * not know, such as `app:`, the origin is the opaque "null" for every URL alike.
 */
export function isAppUrl(url: string, entryUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const entry = new URL(entryUrl);
  return target.protocol === entry.protocol && target.host === entry.host;
}
