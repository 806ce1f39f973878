import { invoke } from '@/api/client';

let needed: Promise<boolean> | undefined;

/**
 * Whether the desktop app still waits for its first-run choice (单机使用 / 连接本中心服务器);
 * asked of main once per page load. Web mode (no `window.zz`) is a browser on the server already.
 */
export function connectionChoiceNeeded(): Promise<boolean> {
  if (!window.zz) return Promise.resolve(false);
  needed ??= invoke('connection.get', {}).then((result) => result.ok && result.data.mode === null);
  return needed;
}
