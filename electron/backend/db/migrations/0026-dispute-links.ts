import type { Db } from '../connection';
import type { Migration } from './types';

/** Each CHECK list as 0016 wrote it, and as it reads from here on. */
const WIDENED: ReadonlyArray<readonly [string, string]> = [
  ["entity IN ('petition', 'assessment')", "entity IN ('petition', 'assessment', 'dispute')"],
  [
    "purpose IN ('material', 'evidence', 'emergency_plan')",
    "purpose IN ('material', 'evidence', 'emergency_plan', 'agreement')",
  ],
];

/**
 * Widening a CHECK list touches no row, so the table's text is edited in place (as 0017 does), which
 * keeps every attachment and the foreign keys naming the table (close-out citations, emergency plans).
 */
function widenAttachmentChecks(db: Db): void {
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    for (const [from, to] of WIDENED) {
      const { changes } = db
        .prepare(`UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'attachments'`)
        .run(from, to);
      if (changes !== 1) throw new Error(`attachments: CHECK not found: ${from}`);
    }
    db.pragma('writable_schema = RESET');
  } finally {
    db.unsafeMode(false);
  }
}

/**
 * - `attachments` take files of disputes and the purpose 调解协议书 (`agreement`);
 * - a settled dispute names its agreement's file (`disputes.agreement_attachment_id`);
 * - `record_links`, the kernel's links between records of two ledgers: a dispute 转为 a petition or
 *   a hazard names the record made from it, and that record its source.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'dispute-links',
  up(db) {
    widenAttachmentChecks(db);
    db.exec(`
      ALTER TABLE disputes ADD COLUMN agreement_attachment_id TEXT REFERENCES attachments (id);

      CREATE TABLE record_links (
        id TEXT PRIMARY KEY,
        from_ledger TEXT NOT NULL CHECK (from_ledger IN ('petition', 'hazard', 'assessment', 'dispute')),
        from_id TEXT NOT NULL,
        to_ledger TEXT NOT NULL CHECK (to_ledger IN ('petition', 'hazard', 'assessment', 'dispute')),
        to_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('converted')),
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX record_links_from ON record_links (from_ledger, from_id);
      CREATE INDEX record_links_to ON record_links (to_ledger, to_id);
    `);
  },
};
