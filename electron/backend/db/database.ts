import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPragmas, openRaw, userVersion, type Db } from './connection';
import { setAsideIfDamaged } from './damaged';
import { assertNotNewer, migrate, type MigrationOutcome } from './migrations';

export const DB_FILE_NAME = 'zongzhi.db';
export const BACKUP_DIR_NAME = 'backups';

export interface OpenedDatabase {
  db: Db;
  file: string;
  migration: MigrationOutcome;
}

/**
 * Opens (creating if needed) the data folder's database: a damaged file is moved aside intact
 * (DamagedDatabaseError), a newer file refused untouched; then sets the pragmas and migrates
 * (with a backup first).
 */
export async function openDatabase(dataDir: string): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE_NAME);
  setAsideIfDamaged(dataDir, file);
  const db = openRaw(file);
  try {
    assertNotNewer(userVersion(db));
    applyPragmas(db);
    // A random id in the header lets the start-up check tell this file's WAL from another's.
    if (db.pragma('application_id', { simple: true }) === 0) db.pragma(`application_id = ${randomInt(1, 2 ** 31 - 1)}`);
    const migration = await migrate(db, join(dataDir, BACKUP_DIR_NAME));
    return { db, file, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
