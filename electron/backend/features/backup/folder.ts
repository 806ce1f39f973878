import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../../../shared/contract/backup';
import { sidecarOf, type BackupMeta } from '../../db/backup';
import type { Sql } from '../../db/sql';
import { holdsHead } from '../../audit/head';

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

/** Tables whose rows only a county's own work puts there (a fresh install has none). */
const COUNTY_TABLES = ['regions', 'petitions', 'hazards', 'assessments'] as const;
const holdsCounty = (backup: BackupInfo) => COUNTY_TABLES.some((table) => (backup.counts[table] ?? 0) > 0);

/**
 * Whether a backup's last audit row is missing from the live log (or differs there): then the
 * backup may hold the only copy of audit rows the database no longer has.
 */
export function holdsUnseenAuditRows(sql: Sql, backup: BackupInfo): boolean {
  return !!backup.auditHead && !holdsHead(sql, backup.auditHead);
}

/**
 * Keeps the newest `generations` backups of a folder and removes the rest (file and sidecar), but
 * never one of the newest `generations` that hold a county's data (backups of an emptied or
 * re-installed database cannot rotate out the last copies of the real one), and never one that
 * `keepAlso` names (one holding audit rows the live log lacks).
 */
export function prune(dir: string, generations: number, keepAlso: (backup: BackupInfo) => boolean = () => false): void {
  const all = listFolder(dir, 'primary');
  const kept = new Set([
    ...all.slice(0, generations),
    ...all.filter(holdsCounty).slice(0, generations),
    ...all.filter(keepAlso),
  ]);
  for (const old of all.filter((b) => !kept.has(b))) {
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
