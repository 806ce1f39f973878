import { basename, join } from 'node:path';
import type { BackupInfo, BackupOverview } from '../../../../shared/contract/backup';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../api/types';
import { backupDatabase } from '../../db/backup';
import { backupCopyJob } from '../../db/backup-copy';
import { BACKUP_DIR_NAME } from '../../db/database';
import { cipherOf } from '../../db/personal-cipher';
import { sealOldBackups } from '../../db/sealed-at-rest';
import { signHead } from '../../audit/head';
import { appendAudit, type AuditActor } from '../../audit/writer';
import { copyToFolder, holdsUnseenAuditRows, listFolder, prune, toInfo } from './folder';
import { readStatus, updateStatus } from './status';

export type BackupContext = Pick<
  HandlerContext,
  'sql' | 'now' | 'auditKey' | 'keyring' | 'auditHead' | 'call' | 'principal' | 'dataDir' | 'settings' | 'workers'
>;

export const backupDir = (dataDir: string): string => join(dataDir, BACKUP_DIR_NAME);

/** The folder of a backup's location: the one in the data folder, or the second location. */
export const folderOf = (
  ctx: Pick<HandlerContext, 'dataDir' | 'settings'>,
  location: BackupInfo['location'],
): string => (location === 'primary' ? backupDir(ctx.dataDir) : ctx.settings.backup.secondaryDir);

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface BackupOptions {
  /** Who took it, when no one is signed in (the daily timer). */
  actor?: AuditActor;
  /** False keeps every older backup this time (the one about to be restored must not be pruned). */
  prune?: boolean;
}

/** One backup at a time per data folder (the daily timer and the button may meet). */
const running = new Map<string, Promise<BackupInfo>>();

/**
 * Takes a backup (online backup API, checked, renamed into place), copies it to the second
 * location when one is set, keeps the newest N in each folder, and records the outcome in the
 * status and the audit log. A failure keeps every earlier backup, is recorded, and is thrown.
 */
export function runBackup(ctx: BackupContext, label: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const previous = running.get(ctx.dataDir) ?? Promise.resolve(null);
  const next = previous.catch(() => null).then(() => backupOnce(ctx, label, options));
  running.set(ctx.dataDir, next);
  void next.finally(() => running.get(ctx.dataDir) === next && running.delete(ctx.dataDir)).catch(() => {});
  return next;
}

async function backupOnce(
  ctx: BackupContext,
  label: string,
  { actor, prune: keepN = true }: BackupOptions,
): Promise<BackupInfo> {
  const dir = backupDir(ctx.dataDir);
  const { generations, secondaryDir } = ctx.settings.backup;
  const at = ctx.now();
  let made;
  try {
    made = await backupDatabase(
      ctx.sql.db,
      dir,
      label,
      at,
      (head) => signHead(ctx.auditKey, head),
      (temp) => ctx.workers.run(backupCopyJob, { file: ctx.sql.db.name, temp }),
    );
  } catch (error) {
    const message = `备份失败，此前的备份均已保留：${reason(error)}`;
    updateStatus(dir, { lastFailure: { at: at.toISOString(), message } });
    appendAudit(ctx, { action: 'backup.run', entity: 'database', result: 'failure', detail: message }, actor);
    throw new AppError('INTERNAL', `${message}。请检查备份文件夹所在磁盘的空间和权限后重试。`);
  }
  const unseen = (backup: BackupInfo) => holdsUnseenAuditRows(ctx.sql, backup);
  if (keepN) prune(dir, generations, unseen);
  let secondaryWarning: string | null = null;
  if (secondaryDir) {
    try {
      copyToFolder(made.file, secondaryDir);
      // Backups copied there before personal data was sealed (the USB stick was away at the upgrade).
      await sealOldBackups(secondaryDir, cipherOf(ctx.sql.db));
      if (keepN) prune(secondaryDir, generations, unseen);
    } catch (error) {
      secondaryWarning = `未能复制到第二备份位置 ${secondaryDir}：${reason(error)}（请确认移动硬盘或网络共享已连接）`;
    }
  }
  updateStatus(dir, { lastSuccessAt: at.toISOString(), lastFailure: null, secondaryWarning });
  appendAudit(
    ctx,
    {
      action: 'backup.run',
      entity: 'database',
      detail:
        `${basename(made.file)}，共 ${Object.values(made.counts).reduce((a, b) => a + b, 0)} 条记录` +
        (secondaryWarning ? `；${secondaryWarning}` : ''),
    },
    actor,
  );
  return toInfo(made, made.file, 'primary');
}

export function overview(ctx: Pick<HandlerContext, 'dataDir' | 'settings'>): BackupOverview {
  const dir = backupDir(ctx.dataDir);
  const { generations, secondaryDir } = ctx.settings.backup;
  return {
    dir,
    secondaryDir,
    generations,
    items: [...listFolder(dir, 'primary'), ...listFolder(secondaryDir, 'secondary')],
    status: readStatus(dir),
  };
}
