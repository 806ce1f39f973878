import { AppError } from '../../../../shared/errors';
import { backupDatabase } from '../backup';
import { userVersion, type Db } from '../connection';
import { migration0001 } from './0001-reference-data';
import { migration0002 } from './0002-accounts-audit';
import { migration0003 } from './0003-petitions';
import { migration0004 } from './0004-attachments';
import { migration0005 } from './0005-petition-speed';
import { migration0006 } from './0006-risk-hazards';
import { migration0007 } from './0007-risk-assessments';
import { migration0008 } from './0008-reports';
import { migration0009 } from './0009-meetings';
import { migration0010 } from './0010-board';
import { migration0011 } from './0011-report-speed';
import { migration0012 } from './0012-ledger-versions';
import { migration0013 } from './0013-reference-upkeep';
import { migration0014 } from './0014-ledger-import';
import { migration0015 } from './0015-assessment-views';
import { migration0016 } from './0016-attachment-ledgers';
import { migration0017 } from './0017-petition-procedure';
import { migration0018 } from './0018-figure-tallies';
import { migration0019 } from './0019-open-tally';
import { migration0020 } from './0020-personal-sealed';
import { migration0021 } from './0021-status-list-order';
import { migration0022 } from './0022-disputes';
import { migration0023 } from './0023-notifications';
import { migration0024 } from './0024-period-tallies';
import { migration0025 } from './0025-dispute-report-dates';
import { migration0026 } from './0026-dispute-links';
import { migration0027 } from './0027-dispute-notifications';
import { migration0028 } from './0028-dispute-tallies';
import type { Migration } from './types';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export interface MigrationOutcome {
  from: number;
  to: number;
  /** Path of the backup taken before migrating; null when nothing ran or the file held no data. */
  backupFile: string | null;
}

/** Refuses a database written by a newer version, before anything is written to it. */
export function assertNotNewer(version: number, latest = LATEST_VERSION): void {
  if (version > latest) {
    throw new AppError(
      'CONFLICT',
      `该数据文件由较新版本的综治工作台写入（数据结构版本 ${version}，本程序最高支持 ${latest}）。` +
        '为保护数据，本程序不会打开或改动它。请安装最新版本后再打开。',
    );
  }
}

/**
 * Brings the schema to LATEST_VERSION: a backup first (SQLite backup API) when the file already
 * holds data, then every pending migration in one transaction, `user_version` moving with each.
 * A failure rolls the whole step back and leaves the file at its old version. `backupDir` null: no
 * backup (a backup file itself being brought up to date).
 */
export async function migrate(
  db: Db,
  backupDir: string | null,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationOutcome> {
  const from = userVersion(db);
  assertNotNewer(from, migrations[migrations.length - 1]?.version ?? 0);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  const backupFile =
    from > 0 && backupDir !== null ? (await backupDatabase(db, backupDir, `before-migration-v${from}`)).file : null;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: userVersion(db), backupFile };
}
