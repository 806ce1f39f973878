import type { Migration } from './types';

/**
 * Attachments (附件): files kept in the data folder under a generated name, one row each with the
 * type sniffed from the content, the size and the SHA-256 checked on every read. `entity` lists the
 * ledgers that may own attachments; later ledgers widen the CHECK in their own migration.
 *
 * A close-out (销号) record links the evidence files it was approved on through its own table, so
 * each ledger's close-outs keep a real foreign key.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL CHECK (entity IN ('petition')),
        entity_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('material', 'evidence')),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        stored_name TEXT NOT NULL UNIQUE,
        uploaded_by TEXT NOT NULL REFERENCES users (id),
        uploaded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_entity ON attachments (entity, entity_id, uploaded_at, id);

      CREATE TABLE petition_closeout_attachments (
        closeout_id TEXT NOT NULL REFERENCES petition_closeouts (id),
        attachment_id TEXT NOT NULL REFERENCES attachments (id),
        PRIMARY KEY (closeout_id, attachment_id)
      ) STRICT;
      CREATE INDEX petition_closeout_attachments_attachment ON petition_closeout_attachments (attachment_id);
    `);
  },
};
