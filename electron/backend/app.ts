import { handlers } from './api/handlers';
import { createDispatch, type Dispatch } from './api/dispatch';
import { openDatabase } from './db/database';
import type { MigrationOutcome } from './db/migrations';
import { Sql } from './db/sql';

export interface Backend {
  dispatch: Dispatch;
  dataDir: string;
  dbFile: string;
  migration: MigrationOutcome;
  close(): void;
}

/**
 * The whole backend for one data folder: the database (opened, checked, migrated) and the
 * dispatch every transport calls. The same in the desktop data host, web mode, tests and bench.
 */
export async function openBackend(dataDir: string): Promise<Backend> {
  const { db, file, migration } = await openDatabase(dataDir);
  const sql = new Sql(db);
  return {
    dispatch: createDispatch(handlers, { sql, dataDir }),
    dataDir,
    dbFile: file,
    migration,
    close: () => db.close(),
  };
}
