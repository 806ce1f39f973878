import type { Migration } from './types';

/**
 * Accounts, roles, password history, settings and the append-only, hash-chained audit log.
 * The audit triggers refuse UPDATE and DELETE: a row once written stays as it was.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'accounts-audit',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        unit_id TEXT REFERENCES units (id),
        region_code TEXT REFERENCES regions (code),
        phone TEXT,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        password_hash TEXT NOT NULL,
        password_changed_at TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE user_roles (
        user_id TEXT NOT NULL REFERENCES users (id),
        role TEXT NOT NULL CHECK (role IN ('duty_officer', 'leader', 'sysadmin', 'auditor')),
        PRIMARY KEY (user_id, role)
      ) STRICT;
      CREATE INDEX user_roles_role ON user_roles (role, user_id);

      CREATE TABLE password_history (
        seq INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX password_history_user ON password_history (user_id, seq);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        username TEXT,
        roles TEXT NOT NULL,
        client TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        result TEXT NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
        fields TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_user ON audit_log (username, seq);
      CREATE INDEX audit_log_action ON audit_log (action, seq);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, '审计日志只能追加，不能修改');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, '审计日志只能追加，不能删除');
      END;
    `);
  },
};
