import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DrillResult } from '../../../../shared/contract/backup';
import { AppError } from '../../../../shared/errors';
import { drillJob } from '../../db/drill-job';
import { cipherOf } from '../../db/personal-cipher';
import { appendAudit } from '../../audit/writer';
import { listFolder } from './folder';
import { backupDir, type BackupContext } from './service';
import { updateStatus } from './status';

/** What differs between the counts recorded at backup time and those of the restored copy. */
function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  return Object.entries(expected)
    .filter(([table, n]) => actual[table] !== n)
    .map(([table, n]) => `${table}：备份时 ${n} 条，恢复后 ${actual[table] ?? 0} 条`);
}

/**
 * The restore drill: restores the newest backup into a temporary folder inside the data folder
 * through the app's own open path (start-up check, migrations), then checks the record counts
 * against those recorded at backup time and verifies the audit chain, all in a worker
 * (db/drill-job.ts). The result is recorded (the status keeps the date of the last successful
 * drill) and audited; the temporary folder is removed.
 */
export async function runDrill(ctx: BackupContext): Promise<DrillResult> {
  const dir = backupDir(ctx.dataDir);
  const newest = listFolder(dir, 'primary')[0];
  if (!newest) throw new AppError('NOT_FOUND', '还没有任何备份，请先点击“立即备份”再做恢复演练。');
  const at = ctx.now().toISOString();
  mkdirSync(dir, { recursive: true });
  const scratch = mkdtempSync(join(dir, 'drill-'));
  let ok = false;
  let message: string;
  try {
    const { counts, chain } = await ctx.workers.run(
      drillJob,
      {
        backup: join(dir, newest.name),
        scratch,
        keyring: { dir: ctx.keyring.dir, wrapper: ctx.keyring.wrapper.name },
        auditKey: new Uint8Array(ctx.auditKey),
        at,
      },
      { key: cipherOf(ctx.sql.db).key },
    );
    const differences = countDifferences(newest.counts, counts);
    ok = differences.length === 0 && chain.ok;
    message = differences.length
      ? `记录数不一致：${differences.join('；')}`
      : !chain.ok
        ? chain.message
        : `恢复成功，${newest.total} 条记录与备份时一致，审计链校验通过（${chain.checkedRows} 条）`;
  } catch (error) {
    message = `恢复失败：${error instanceof Error ? error.message : String(error)}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  updateStatus(dir, { lastDrill: { at, ok, message }, ...(ok ? { lastSuccessfulDrillAt: at } : {}) });
  appendAudit(ctx, {
    action: 'backup.drill',
    entity: 'database',
    result: ok ? 'success' : 'failure',
    detail: `${newest.name}：${message}`,
  });
  return { ok, backup: newest.name, message, at };
}
