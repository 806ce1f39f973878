import { formatLocal } from '../../../../shared/domain/time';
import type { BackupInfo } from '../../../../shared/contract/backup';
import type { HandlerContext } from '../../api/types';
import { auditRowsAfter } from '../../audit/carry';
import { appendAudit } from '../../audit/writer';
import { cipherOf } from '../../db/personal-cipher';
import { assertRestorable, assertSealedWithKey, inspectBackup, locate } from './inspect';
import { folderOf, runBackup } from './service';

/**
 * Restores a backup the administrator picked: checks it, records the request, backs up the current
 * state, then has the backend swap the database file (closed, replaced via temp + rename, reopened
 * through the start-up path, the audit rows written since the backup carried into it) and records
 * the restore in the restored database. Everyone signs in
 * again afterwards: the accounts are those of the backup.
 */
export async function restoreBackup(
  ctx: HandlerContext,
  ref: { name: string; location: BackupInfo['location'] },
): Promise<{ restored: BackupInfo; safetyBackup: string }> {
  const dir = folderOf(ctx, ref.location);
  const file = locate(dir, ref.name);
  const info = inspectBackup(file, ref.location);
  assertRestorable(info);
  assertSealedWithKey(file, info.name, cipherOf(ctx.sql.db));
  // Refuses a backup whose audit chain went another way before anything is written.
  auditRowsAfter(ctx.sql, file);
  const what = `${info.name}（${formatLocal(info.createdAt)}，${info.total} 条记录）`;
  appendAudit(ctx, { action: 'backup.restore', entity: 'database', detail: `开始恢复：${what}` });
  const safety = await runBackup(ctx, 'before-restore', { prune: false });
  const restored = await ctx.replaceDatabase(file);
  appendAudit(
    { ...restored, call: ctx.call, principal: ctx.principal },
    {
      action: 'backup.restore',
      entity: 'database',
      detail: `已恢复：${what}；恢复前的数据已备份为 ${safety.name}；备份之后写入的审计记录已原样接续保留`,
    },
  );
  return { restored: info, safetyBackup: safety.name };
}
