import type { Migration } from './types';

/**
 * Ledgers brought in from Excel with their history (issue 13):
 * - `import_id` on every ledger record names the import that created it (NULL for records
 *   registered in the app), so a record says where it came from and undo finds what it created;
 * - `ledger_changes` takes the kind `import`, the first line of an imported record's timeline. A
 *   CHECK cannot be altered in SQLite, so the table is rebuilt with its rows and its index;
 * - `import_records.entity` tells the records an import created from the units and people it
 *   created on the spot for them (a 承办单位 or 包案领导 the county did not have yet), so undoing
 *   the import voids the one and disables the others.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'ledger-import',
  up(db) {
    for (const table of ['petitions', 'hazards', 'assessments']) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN import_id TEXT REFERENCES imports (id);`);
    }
    db.exec(`
      CREATE TABLE ledger_changes_rebuilt (
        id TEXT PRIMARY KEY,
        ledger TEXT NOT NULL CHECK (ledger IN ('petition', 'hazard', 'assessment')),
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'void', 'restore', 'import')),
        -- JSON: [{ field, label, from, to }], personal values already masked
        fields TEXT NOT NULL DEFAULT '[]',
        reason TEXT NOT NULL DEFAULT '',
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      INSERT INTO ledger_changes_rebuilt (id, ledger, record_id, kind, fields, reason, by_user, at)
        SELECT id, ledger, record_id, kind, fields, reason, by_user, at FROM ledger_changes;
      DROP TABLE ledger_changes;
      ALTER TABLE ledger_changes_rebuilt RENAME TO ledger_changes;
      CREATE INDEX ledger_changes_record ON ledger_changes (ledger, record_id, at, id);

      ALTER TABLE import_records ADD COLUMN entity TEXT NOT NULL DEFAULT 'record'
        CHECK (entity IN ('record', 'unit', 'person'));
    `);
  },
};
