import { pathToFileURL } from 'node:url';

/**
 * The URL the windows load: the electron-vite dev server while developing, otherwise the built
 * `out/renderer/index.html`. A packaged app ignores the dev variable, so it cannot be pointed
 * at other content.
 */
export function rendererEntryUrl(indexHtml: string, devUrl: string | undefined, isPackaged: boolean): string {
  return !isPackaged && devUrl ? devUrl : pathToFileURL(indexHtml).href;
}

const decodedPath = (url: URL): string => {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
};

/**
 * Whether `url` is the app's own page (any hash or query): for a file entry the very same file,
 * for the dev server the same origin. Windows paths compare case-insensitively.
 */
export function isAppUrl(url: string, entryUrl: string, platform: NodeJS.Platform = process.platform): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const entry = new URL(entryUrl);
  if (entry.protocol !== 'file:') return target.origin === entry.origin;
  if (target.protocol !== 'file:' || target.host !== entry.host) return false;
  const [a, b] = [decodedPath(target), decodedPath(entry)];
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
