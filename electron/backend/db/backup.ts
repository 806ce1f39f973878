import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fileStamp } from '../../../shared/domain/time';
import type { Db } from './connection';
import { checkConnection, countRows } from './integrity';
import { GENESIS_HASH } from '../audit/chain';
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

/** What checking a fresh copy found: its version, its rows per table and its audit head (unsigned). */
export interface CheckedCopy {
  schemaVersion: number;
  counts: Record<string, number>;
  head: { seq: number; hash: string };
}

/** Makes the checked copy at `temp`: in this thread (a migration's backup), or in a worker (db/backup-copy.ts). */
export type Copier = (temp: string) => Promise<CheckedCopy>;

/**
 * Copies a database with SQLite's online backup API (never a file copy, which can catch a
 * half-written page) into `temp`, makes the copy one self-contained file, checks it with PRAGMA
 * integrity_check and counts its rows. Throws when the copy fails its check.
 */
const hasAuditLog = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;

export async function copyChecked(db: Db, temp: string): Promise<CheckedCopy> {
  await db.backup(temp);
  chmodSync(temp, 0o600);
  const copy = new Database(temp, { fileMustExist: true });
  try {
    // A backup is one self-contained file: no WAL beside it to lose or to leave behind.
    copy.pragma('journal_mode = DELETE');
    const check = checkConnection(copy);
    if (check !== 'ok') throw new Error(`备份副本未通过完整性检查：${check}`);
    return {
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      counts: countRows(copy),
      // A file from before the audit log (a migration's backup of an old version) has the empty chain's head.
      head: hasAuditLog(copy) ? tableHead(new Sql(copy)) : { seq: 0, hash: GENESIS_HASH },
    };
  } finally {
    copy.close();
  }
}

/**
 * Makes a checked copy of the live database into a temp file (`copy`: in this thread unless the
 * caller hands it to a worker), and only then renames it into place, its sidecar beside it. A
 * failure leaves no file behind and throws.
 */
export async function backupDatabase(
  db: Db,
  dir: string,
  label: string,
  now = new Date(),
  signHead?: (head: AuditHead) => SignedHead,
  copy: Copier = (temp) => copyChecked(db, temp),
): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = freeName(dir, fileStamp(now), label);
  const temp = `${target}.partial`;
  try {
    const { head, ...checked } = await copy(temp);
    const meta: BackupMeta = {
      createdAt: now.toISOString(),
      label,
      sizeBytes: statSync(temp).size,
      ...checked,
      // Only the app's own backups sign it (a migration's runs before the audit key is read).
      auditHead: signHead ? signHead({ ...head, at: now.toISOString() }) : undefined,
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
