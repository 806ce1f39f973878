import type { Migration } from './types';

/**
 * Saved reports (日报, 周点评, 月通报): the document as the officer edited it, kept as JSON and
 * rendered to Word on each download, so the saved text is what prints.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('daily', 'weekly', 'monthly')),
        report_date TEXT NOT NULL,
        issue_no TEXT NOT NULL,
        title TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_kind_date ON reports (kind, report_date, created_at);
    `);
  },
};
