import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { auditorConfirmationField } from './users';

/** One backup file, as its check at backup time (or a later one) found it. */
export interface BackupInfo {
  name: string;
  /** Where it lies: the backup folder inside the data folder, or the second location. */
  location: 'primary' | 'secondary';
  createdAt: string;
  /** Why it was taken: daily, manual, before-migration-vN, before-restore. */
  label: string;
  sizeBytes: number;
  schemaVersion: number;
  /** Rows per table; `total` sums them. */
  counts: Record<string, number>;
  total: number;
  /** The result of PRAGMA integrity_check: 'ok', or what is wrong. */
  check: string;
  /** The backup's last audit row, signed with the audit key (absent in backups before anchoring). */
  auditHead?: { seq: number; hash: string; at: string; mac: string };
}

export interface BackupStatus {
  lastSuccessAt: string | null;
  /** The last failed backup (the previous backups are kept); null once a backup succeeds again. */
  lastFailure: { at: string; message: string } | null;
  /** A problem with the second location at the last backup (not plugged in, not writable). */
  secondaryWarning: string | null;
  lastDrill: { at: string; ok: boolean; message: string } | null;
  lastSuccessfulDrillAt: string | null;
  /** The full integrity check of the data file that follows each start, in the background. */
  lastIntegrityCheck: { at: string; ok: boolean; message: string; seconds: number } | null;
}

export interface BackupOverview {
  dir: string;
  secondaryDir: string;
  generations: number;
  items: BackupInfo[];
  status: BackupStatus;
}

export interface DrillResult {
  ok: boolean;
  backup: string;
  message: string;
  at: string;
}

/** What the recovery screen shows when the data file was found damaged at start-up. */
export interface RecoveryStatus {
  damaged: boolean;
  /** The folder the damaged file was moved to, intact. */
  movedTo: string | null;
  problem: string | null;
  /** The newest backup that passes its check (and opens with this computer's keys), or null when there is none. */
  newestGood: BackupInfo | null;
  /**
   * Good backups exist, but their personal data is sealed with keys this computer does not have
   * (a new computer, or a lost `personal.key`): a key backup must be imported before restoring.
   */
  needsKeys: boolean;
}

/** A key backup file to download (JSON text, base64 like the other downloads). */
export interface KeyBackupDownload {
  fileName: string;
  base64: string;
}

/** The passphrase that seals a key backup: long enough that the file may travel on a USB stick. */
export const keyPassphrase = z
  .string()
  .min(12, '口令至少 12 个字符：密钥备份离开本机后只靠它保护')
  .max(128, '口令最多 128 个字符');

/** A backup's file name as the backup folder names it: nothing else is accepted (no paths). */
export const backupName = z
  .string()
  .max(120)
  .regex(/^zongzhi-\d{8}-\d{6}(?:-\d+)?-[a-z0-9-]{1,40}\.db$/, '备份文件名无效，请从备份列表中选择');

const backupRef = z.object({ name: backupName, location: z.enum(['primary', 'secondary']) }).strict();

export const backupContract = {
  'backup.list': defineMethod<BackupOverview>()({
    input: noInput,
    access: 'system.backup',
    summary: '查询数据备份列表与备份状态',
  }),
  'backup.run': defineMethod<BackupInfo>()({
    input: noInput,
    access: 'system.backup',
    summary: '立即备份数据库',
  }),
  'backup.inspect': defineMethod<BackupInfo>()({
    input: backupRef,
    access: 'system.backup',
    summary: '检查一份备份（完整性与记录数）',
  }),
  'backup.restore': defineMethod<{ restored: BackupInfo; safetyBackup: string }>()({
    input: backupRef.extend({ confirm: z.literal(true) }).strict(),
    access: 'system.backup',
    summary: '用一份备份恢复数据库（先备份当前数据）',
  }),
  'backup.drill': defineMethod<DrillResult>()({
    input: noInput,
    access: 'system.backup',
    summary: '恢复演练：把最新备份恢复到临时文件夹并核对记录数',
  }),
  'backup.exportKeys': defineMethod<KeyBackupDownload>()({
    input: z.object({ passphrase: keyPassphrase, auditorConfirmation: auditorConfirmationField }).strict(),
    access: 'system.backup',
    summary: '导出密钥备份（用口令加密，供更换电脑时导入；须审计员确认）',
  }),
  // Public: with the data file damaged there are no accounts to sign in with. They act only in the
  // recovery state the backend enters at start-up; otherwise they refuse.
  'recovery.status': defineMethod<RecoveryStatus>()({
    input: noInput,
    access: 'public',
    summary: '查询数据文件损坏后的恢复状态',
  }),
  'recovery.restoreLatest': defineMethod<{ restored: BackupInfo }>()({
    input: z.object({ confirm: z.literal(true) }).strict(),
    access: 'public',
    summary: '数据文件损坏时，用最新的完好备份恢复',
  }),
  'recovery.importKeys': defineMethod<{ county: string; createdAt: string }>()({
    input: z.object({ text: z.string().max(4000, '所选文件不是密钥备份'), passphrase: keyPassphrase }).strict(),
    access: 'public',
    summary: '恢复前导入密钥备份（新电脑上恢复本中心的备份时）',
  }),
};
