import type { Migration } from './types';

/**
 * Reference data the administrator keeps (issue 13, going live): regions, units and people can be
 * disabled — no longer offered for new records, kept for the records that name them, since nothing
 * in use is deleted — and a person has a phone number. `disabled_at` is NULL while in use.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'reference-upkeep',
  up(db) {
    db.exec(`
      ALTER TABLE regions ADD COLUMN disabled_at TEXT;
      ALTER TABLE units ADD COLUMN disabled_at TEXT;
      ALTER TABLE people ADD COLUMN phone TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN disabled_at TEXT;

      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL,
        rows INTEGER NOT NULL,
        creates INTEGER NOT NULL,
        updates INTEGER NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL,
        county_date TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX imports_at ON imports (at, id);

      CREATE TABLE import_records (
        import_id TEXT NOT NULL REFERENCES imports (id),
        record_key TEXT NOT NULL,
        PRIMARY KEY (import_id, record_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE import_mappings (
        kind TEXT NOT NULL,
        header TEXT NOT NULL,
        field TEXT NOT NULL,
        PRIMARY KEY (kind, header)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
