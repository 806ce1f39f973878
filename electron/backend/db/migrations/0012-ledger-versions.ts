import type { Migration } from './types';

/** The ledgers whose records carry a version and may be voided (作废); the kernel's `LedgerKey`s. */
const LEDGER_TABLES = { petition: 'petitions', hazard: 'hazards', assessment: 'assessments' } as const;

/**
 * The ledger kernel's columns and its change log:
 * - `version` on every ledger record, raised by each change, so a change based on an older read is
 *   refused (`CONFLICT`) instead of overwriting another officer's work;
 * - `voided_at` / `void_reason`: a record entered by mistake is voided, never deleted;
 * - `ledger_changes`: each correction (the fields with their old and new values, personal values
 *   masked), each voiding and each restoring, shown on the record's timeline.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'ledger-versions',
  up(db) {
    for (const table of Object.values(LEDGER_TABLES)) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
        ALTER TABLE ${table} ADD COLUMN voided_at TEXT;
        ALTER TABLE ${table} ADD COLUMN void_reason TEXT;
        CREATE INDEX ${table}_voided ON ${table} (voided_at, id) WHERE voided_at IS NOT NULL;
      `);
    }
    db.exec(`
      CREATE TABLE ledger_changes (
        id TEXT PRIMARY KEY,
        ledger TEXT NOT NULL CHECK (ledger IN (${Object.keys(LEDGER_TABLES)
          .map((key) => `'${key}'`)
          .join(', ')})),
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'void', 'restore')),
        -- JSON: [{ field, label, from, to }], personal values already masked
        fields TEXT NOT NULL DEFAULT '[]',
        reason TEXT NOT NULL DEFAULT '',
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_changes_record ON ledger_changes (ledger, record_id, at, id);
    `);
  },
};
