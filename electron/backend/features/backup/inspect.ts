import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../../shared/contract/backup';
import { AppError } from '../../../../shared/errors';
import { sidecarOf, type BackupMeta } from '../../db/backup';
import { checkFile, countRows } from '../../db/integrity';
import { LATEST_VERSION } from '../../db/migrations';
import type { PersonalCipher } from '../../db/personal-cipher';
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

/** One sealed value of each table that keeps them, if the backup has any (older backups hold none). */
const SEALED_SAMPLES = [
  "SELECT id_number FROM petitioners WHERE id_number LIKE 'e1:%' LIMIT 1",
  "SELECT phone FROM people WHERE phone LIKE 'e1:%' LIMIT 1",
];

/**
 * A backup whose personal values were sealed under another key (another computer's, or one made
 * before the key was replaced) cannot be read after a restore: refused before anything is written.
 */
export function assertSealedWithKey(file: string, name: string, cipher: PersonalCipher): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());
    for (const sample of SEALED_SAMPLES) {
      if (!tables.has(/FROM (\w+)/.exec(sample)![1]!)) continue;
      const value = db.prepare(sample).pluck().get() as string | undefined;
      if (value === undefined) continue;
      try {
        cipher.open(value);
      } catch {
        throw new AppError(
          'CONFLICT',
          `备份“${name}”中的个人信息由另一把密钥加密（例如另一台电脑，或更换密钥之前），本机的 personal.key 无法读取，` +
            '恢复未执行，数据未改动。请选择本机近期的备份，或先放回制作该备份时的 personal.key。',
        );
      }
    }
  } finally {
    db.close();
  }
}
