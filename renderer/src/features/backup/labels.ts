import type { BackupInfo } from '@shared/contract/backup';
import { BACKUP_COUNT_LABELS } from '@shared/domain/backup-settings';
import { formatDateTime } from '@/utils/datetime';

/** Why a backup was taken, in Chinese: daily, manual, before-migration-vN, before-restore. */
export function backupKind(label: string): string {
  if (label === 'daily') return '每日自动备份';
  if (label === 'manual') return '手动备份';
  if (label === 'before-restore') return '恢复前自动备份';
  const migration = /^before-migration-v(\d+)$/.exec(label);
  if (migration) return `升级前自动备份（第 ${migration[1]} 版）`;
  return label;
}

/** A size in bytes as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An ISO time as the local date and time, to the second. */
export const formatAt = (iso: string): string => formatDateTime(new Date(iso), true);

/** The labelled tables' record counts, e.g. `信访积案 120 条`, in the labels' order. */
export function countLines(info: Pick<BackupInfo, 'counts'>): string[] {
  return Object.entries(BACKUP_COUNT_LABELS)
    .filter(([table]) => table in info.counts)
    .map(([table, label]) => `${label} ${info.counts[table]} 条`);
}

/** What the check at backup time found, for the table. */
export const checkPassed = (info: Pick<BackupInfo, 'check'>): boolean => info.check === 'ok';

/** The text of the restore confirmation, from what backup.inspect reports now. */
export function restoreMessage(info: BackupInfo): string {
  return (
    `将用 ${formatAt(info.createdAt)} 的${backupKind(info.label)}恢复全部数据。` +
    `该备份包含：${countLines(info).join('、')}，共 ${info.total} 条记录。` +
    '恢复前会先自动备份当前数据；恢复后当前数据将被替换，所有人都需要重新登录。确定恢复吗？'
  );
}
