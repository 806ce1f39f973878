import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPragmas, openRaw, userVersion, type Db } from './connection';
import { assertNotNewer, migrate, type MigrationOutcome } from './migrations';

export const DB_FILE_NAME = 'zongzhi.db';
export const BACKUP_DIR_NAME = 'backups';

export interface OpenedDatabase {
  db: Db;
  file: string;
  migration: MigrationOutcome;
}

/**
 * Opens (creating if needed) the data folder's database: refuses a newer file untouched,
 * then sets the pragmas and migrates (with a backup first).
 */
export async function openDatabase(dataDir: string): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE_NAME);
  const db = openRaw(file);
  try {
    assertNotNewer(userVersion(db));
    applyPragmas(db);
    const migration = await migrate(db, join(dataDir, BACKUP_DIR_NAME));
    return { db, file, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
