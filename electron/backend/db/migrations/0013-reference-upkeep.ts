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
    `);
  },
};
