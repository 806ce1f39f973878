import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fileStamp } from '../../../shared/domain/time';
import type { Db } from './connection';
import { checkConnection, countRows } from './integrity';
import { tableHead, type AuditHead, type SignedHead } from '../audit/head';
import { Sql } from './sql';

/** What a backup's sidecar (`<name>.json` beside `<name>.db`) records, written once it passed its check. */
export interface BackupMeta {
  createdAt: string;
  label: string;
  sizeBytes: number;
  schemaVersion: number;
  counts: Record<string, number>;
  check: string;
  /** The copy's audit head, signed with the audit key: a copy of the anchor kept with each backup. */
  auditHead?: SignedHead;
}

export interface BackupFile extends BackupMeta {
  file: string;
}

export const sidecarOf = (file: string): string => file.replace(/\.db$/, '.json');

/** `zongzhi-<stamp>-<label>.db`, with `-2`, `-3`… after the stamp when that second already has one. */
function freeName(dir: string, stamp: string, label: string): string {
  for (let n = 1; ; n += 1) {
    const target = join(dir, `zongzhi-${stamp}${n === 1 ? '' : `-${n}`}-${label}.db`);
    if (!existsSync(target) && !existsSync(`${target}.partial`)) return target;
  }
}

/**
 * Copies the live database with SQLite's online backup API (never a file copy, which can catch a
 * half-written page) into a temp file, checks the copy with PRAGMA integrity_check and counts its
 * rows, and only then renames it into place, its sidecar beside it. A failure leaves no file behind and throws.
 */
export async function backupDatabase(
  db: Db,
  dir: string,
  label: string,
  now = new Date(),
  signHead?: (head: AuditHead) => SignedHead,
): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = freeName(dir, fileStamp(now), label);
  const temp = `${target}.partial`;
  try {
    await db.backup(temp);
    chmodSync(temp, 0o600);
    const copy = new Database(temp, { fileMustExist: true });
    let checked: Pick<BackupMeta, 'schemaVersion' | 'counts' | 'auditHead'>;
    try {
      // A backup is one self-contained file: no WAL beside it to lose or to leave behind.
      copy.pragma('journal_mode = DELETE');
      const check = checkConnection(copy, 'full');
      if (check !== 'ok') throw new Error(`备份副本未通过完整性检查：${check}`);
      checked = {
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        counts: countRows(copy),
        // Only the app's own backups sign it (a migration's runs before the audit key is read).
        auditHead: signHead ? signHead({ ...tableHead(new Sql(copy)), at: now.toISOString() }) : undefined,
      };
    } finally {
      copy.close();
    }
    const meta: BackupMeta = {
      createdAt: now.toISOString(),
      label,
      sizeBytes: statSync(temp).size,
      ...checked,
      check: 'ok',
    };
    renameSync(temp, target);
    writeFileSync(sidecarOf(target), JSON.stringify(meta), { mode: 0o600 });
    return { file: target, ...meta };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
