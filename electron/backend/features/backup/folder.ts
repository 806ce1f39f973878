import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { BackupInfo } from '../../../../shared/contract/backup';
import { sidecarOf, type BackupMeta } from '../../db/backup';

const BACKUP_FILE = /^zongzhi-.*\.db$/;

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

export function toInfo(meta: BackupMeta, file: string, location: BackupInfo['location']): BackupInfo {
  return { name: basename(file), location, ...meta, total: total(meta.counts) };
}

/** The backups of one folder that have their sidecar (a backup is complete once it has one), newest first. */
export function listFolder(dir: string, location: BackupInfo['location']): BackupInfo[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name) && existsSync(join(dir, sidecarOf(name))))
    .flatMap((name) => {
      try {
        const meta = JSON.parse(readFileSync(join(dir, sidecarOf(name)), 'utf8')) as BackupMeta;
        return [toInfo(meta, join(dir, name), location)];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Keeps the newest `generations` backups of a folder and removes the rest (file and sidecar). */
export function prune(dir: string, generations: number): void {
  for (const old of listFolder(dir, 'primary').slice(generations)) {
    rmSync(join(dir, old.name), { force: true });
    rmSync(join(dir, sidecarOf(old.name)), { force: true });
  }
}

/**
 * Copies a finished backup (a closed, checked file, not a live database) to the second location:
 * into a temp file, renamed into place, the sidecar after it.
 */
export function copyToFolder(file: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, basename(file));
  copyFileSync(file, `${target}.partial`);
  renameSync(`${target}.partial`, target);
  copyFileSync(sidecarOf(file), sidecarOf(target));
}

/**
 * The second location must be an existing, writable folder outside the data folder (a copy on the
 * same disk as the data protects against little): checked when the administrator saves it.
 */
export function assertWritableFolder(dir: string, dataDir: string): void {
  const inside = relative(resolve(dataDir), resolve(dir));
  if (inside === '' || (!inside.startsWith('..') && !inside.includes(':'))) {
    throw new AppError('VALIDATION', '第二备份位置不能在数据文件夹之内，请选择移动硬盘或网络共享上的文件夹。', [
      { path: 'secondaryDir', message: '不能在数据文件夹之内' },
    ]);
  }
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    accessSync(dir, constants.W_OK);
  } catch {
    throw new AppError('VALIDATION', `文件夹“${dir}”不存在或不可写入，请确认移动硬盘或网络共享已连接。`, [
      { path: 'secondaryDir', message: '文件夹不存在或不可写入' },
    ]);
  }
}
