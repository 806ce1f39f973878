import type { Migration } from './types';

/**
 * Notices of disputes (分流 to a unit, 临期, 超期): `notifications.ledger` takes the key `dispute`. A
 * CHECK cannot be altered, so the table is rebuilt with its rows and indexes, and its read states
 * with it (they name the table: it cannot be dropped under them).
 */
export const migration0027: Migration = {
  version: 27,
  name: 'dispute-notifications',
  up(db) {
    db.exec(`
      CREATE TABLE notifications_rebuilt (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('assigned', 'due_soon', 'overdue', 'returned', 'supervised')),
        ledger TEXT NOT NULL CHECK (ledger IN ('petition', 'hazard', 'assessment', 'dispute')),
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
      INSERT INTO notifications_rebuilt SELECT * FROM notifications;
      CREATE TABLE notification_reads_rebuilt (
        user_id TEXT NOT NULL REFERENCES users (id),
        notification_id TEXT NOT NULL REFERENCES notifications_rebuilt (id),
        read_at TEXT NOT NULL,
        PRIMARY KEY (user_id, notification_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO notification_reads_rebuilt SELECT * FROM notification_reads;
      DROP TABLE notification_reads;
      DROP TABLE notifications;
      ALTER TABLE notifications_rebuilt RENAME TO notifications;
      ALTER TABLE notification_reads_rebuilt RENAME TO notification_reads;
      CREATE UNIQUE INDEX notifications_deadline ON notifications (ledger, record_id, kind, due_date)
        WHERE due_date IS NOT NULL;
      CREATE INDEX notifications_user ON notifications (user_id, created_at) WHERE user_id IS NOT NULL;
      CREATE INDEX notifications_unit ON notifications (unit_id, created_at) WHERE unit_id IS NOT NULL;
      CREATE INDEX notifications_record ON notifications (ledger, record_id);
    `);
  },
};
