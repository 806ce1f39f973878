import type { Migration } from './types';

/**
 * The notification centre (通知): notices addressed to an account, to a unit, or both (one row, so
 * an account of that unit sees it once), each on a ledger record; read state per account. A
 * deadline notice (临期, 超期) carries the due date it was given for, unique per record and kind,
 * so the day's scan never writes one twice. `hidden` follows the record's voiding.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'notifications',
  up(db) {
    db.exec(`
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('assigned', 'due_soon', 'overdue', 'returned', 'supervised')),
        ledger TEXT NOT NULL CHECK (ledger IN ('petition', 'hazard', 'assessment')),
        record_id TEXT NOT NULL,
        record_no TEXT NOT NULL,
        township_code TEXT REFERENCES regions (code),
        user_id TEXT REFERENCES users (id),
        unit_id TEXT REFERENCES units (id),
        actor_id TEXT REFERENCES users (id),
        text TEXT NOT NULL,
        due_date TEXT,
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        created_at TEXT NOT NULL,
        CHECK (user_id IS NOT NULL OR unit_id IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX notifications_deadline ON notifications (ledger, record_id, kind, due_date)
        WHERE due_date IS NOT NULL;
      CREATE INDEX notifications_user ON notifications (user_id, created_at) WHERE user_id IS NOT NULL;
      CREATE INDEX notifications_unit ON notifications (unit_id, created_at) WHERE unit_id IS NOT NULL;
      CREATE INDEX notifications_record ON notifications (ledger, record_id);

      CREATE TABLE notification_reads (
        user_id TEXT NOT NULL REFERENCES users (id),
        notification_id TEXT NOT NULL REFERENCES notifications (id),
        read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, notification_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
