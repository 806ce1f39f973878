import type { Services } from '../../api/types';
import { runBackup, backupDir } from './service';
import { readStatus } from './status';

const DAY_MS = 24 * 3_600_000;
/** The first look comes shortly after start-up, so opening the app is not slowed by a backup. */
export const FIRST_CHECK_MS = 60_000;
export const CHECK_EVERY_MS = 3_600_000;

const SYSTEM_CALL = { transport: 'ipc' as const, client: 'system', jar: { get: () => undefined, set: () => {} } };
const SCHEDULER = { userId: null, username: 'system', roles: [] };

/** Takes the daily backup when the last successful one is a day old or there is none. */
export async function backupIfDue(services: Services): Promise<boolean> {
  const last = readStatus(backupDir(services.dataDir)).lastSuccessAt;
  if (last && services.now().getTime() - new Date(last).getTime() < DAY_MS) return false;
  await runBackup({ ...services, call: SYSTEM_CALL, principal: null }, 'daily', { actor: SCHEDULER });
  return true;
}

/**
 * The daily backup while the backend runs: a look a minute after start, then every hour. A failure
 * is recorded in the status (shown on the 数据备份 page) and tried again an hour later. Returns stop.
 */
export function scheduleDailyBackups(services: Services): () => void {
  let stopped = false;
  const check = () => {
    backupIfDue(services).catch((error: unknown) => {
      // Closing the backend mid-backup ends that backup; the next start takes a new one.
      if (!stopped) console.error('[backup] 每日备份失败', error);
    });
  };
  const first = setTimeout(check, FIRST_CHECK_MS);
  const every = setInterval(check, CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}
