import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = '综治工作台';

/**
 * The per-user data folder, the same place Electron's `app.getPath('userData')` gives the
 * desktop app (appData/productName), so web mode without `--data` sees the same ledgers.
 * Never the install folder.
 */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
