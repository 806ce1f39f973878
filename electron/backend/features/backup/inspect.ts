import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../../shared/contract/backup';
import { AppError } from '../../../../shared/errors';
import { sidecarOf, type BackupMeta } from '../../db/backup';
import { checkFile, countRows } from '../../db/integrity';
import { LATEST_VERSION } from '../../db/migrations';
import { toInfo } from './folder';

/** The path of a backup named in a call: only a name the folder lists, never a path from outside. */
export function locate(dir: string, name: string): string {
  const file = join(dir, name);
  if (!dir || !existsSync(file) || !existsSync(join(dir, sidecarOf(name)))) {
    throw new AppError('NOT_FOUND', `未找到备份“${name}”，请刷新备份列表后重试。`);
  }
  return file;
}

/** Checks a backup file now (PRAGMA integrity_check) and reads its record counts and version. */
export function inspectBackup(file: string, location: BackupInfo['location']): BackupInfo {
  const recorded = JSON.parse(readFileSync(sidecarOf(file), 'utf8')) as BackupMeta;
  const check = checkFile(file, 'full');
  if (check !== 'ok') return toInfo({ ...recorded, check }, file, location);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const meta: BackupMeta = {
      ...recorded,
      sizeBytes: statSync(file).size,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      counts: countRows(db),
      check,
    };
    return toInfo(meta, file, location);
  } finally {
    db.close();
  }
}

/** A backup fit to restore: it passes its check and is not from a newer version of the app. */
export function assertRestorable(info: BackupInfo): void {
  if (info.check !== 'ok') {
    throw new AppError(
      'CONFLICT',
      `备份“${info.name}”未通过完整性检查（${info.check}），不能用于恢复，请选择其他备份。`,
    );
  }
  if (info.schemaVersion > LATEST_VERSION) {
    throw new AppError(
      'CONFLICT',
      `备份“${info.name}”由较新版本写入（数据结构版本 ${info.schemaVersion}），请先升级综治工作台。`,
    );
  }
}
