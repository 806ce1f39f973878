import Database from 'better-sqlite3';

export type Db = Database.Database;

export const BUSY_TIMEOUT_MS = 5000;
/** Page cache per connection, in KiB (SQLite's default is 2 MiB): the ledgers' hot indexes stay in memory. */
export const CACHE_KIB = 64 * 1024;
/**
 * The WAL file is cut back to this size whenever it starts over, so one large write (a demo load,
 * a big import) does not leave a file of its own size behind for good.
 */
export const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens a SQLite file without writing to it: only the busy timeout is set, so a file that must be
 * refused (written by a newer version) is left exactly as it was. Call `applyPragmas` next.
 */
export function openRaw(file: string): Db {
  return new Database(file, { timeout: BUSY_TIMEOUT_MS });
}

/** The pragmas every connection runs with (see docs/architecture.md, Data). */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = -${CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  // Freed content is zeroed, so a sealed or removed personal value leaves no clear copy in free pages.
  db.pragma('secure_delete = ON');
}

export const userVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;
