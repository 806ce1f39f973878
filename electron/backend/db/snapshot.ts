import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, CACHE_KIB } from './connection';
import { installCipher, type PersonalCipher } from './personal-cipher';
import { Sql } from './sql';

export interface Snapshot {
  sql: Sql;
  close(): void;
}

/**
 * A second, read-only connection to the database file holding one read transaction: from its
 * first read on, every query sees the data as it was then, whatever commits meanwhile (WAL). Long
 * reads in chunks (exports) stay consistent without holding up writers. It carries the personal
 * data cipher, as the main connection does.
 */
export function openSnapshot(file: string, cipher: PersonalCipher): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  installCipher(db, cipher);
  db.pragma(`cache_size = -${CACHE_KIB}`);
  db.exec('BEGIN');
  return {
    sql: new Sql(db),
    close: () => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}
