import { integrityJob } from '../../db/integrity-job';
import type { Services } from '../../api/types';
import { backupDir } from './service';
import { updateStatus } from './status';

/**
 * The full check comes a little after start-up, so the first pages and the board are served
 * before it reads the whole file (only the header is checked before serving: db/integrity.ts).
 */
export const INTEGRITY_CHECK_DELAY_MS = 30_000;

/**
 * Runs PRAGMA integrity_check on the data file in a worker, through its own read-only connection,
 * and records when it ran, how long it took and what it found in the backup status, which the
 * administrator sees on 数据备份. Resolves with 'ok' or what is wrong.
 */
export async function checkIntegrity(services: Pick<Services, 'sql' | 'now' | 'workers' | 'dataDir'>): Promise<string> {
  const at = services.now().toISOString();
  const started = performance.now();
  const check = await services.workers.run(integrityJob, { file: services.sql.db.name });
  const ok = check === 'ok';
  updateStatus(backupDir(services.dataDir), {
    lastIntegrityCheck: {
      at,
      ok,
      message: ok ? '数据文件完整性检查通过' : `数据文件未通过完整性检查：${check}`,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
  });
  return check;
}
