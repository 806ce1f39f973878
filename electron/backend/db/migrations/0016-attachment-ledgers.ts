import type { Migration } from './types';

/** What an assessment that had an emergency plan before this step shows: the plan, without its file. */
export const MIGRATED_PLAN_SUMMARY = '预案已制定（迁移前未上传文件）';

/**
 * Attachments of every ledger, and a 稳评's emergency plan (应急预案) as a document: its summary,
 * the day it was drawn up and the file, not a yes/no.
 *
 * `attachments` is rebuilt to carry a ledger kind other than petitions (`entity`) and the purpose
 * 应急预案, every row kept as it was. Petition close-outs cite their evidence through
 * `petition_closeout_attachments`, whose foreign key names the table: its rows are set aside while
 * the table is replaced (the runner's transaction keeps foreign keys on) and put back unchanged.
 * An assessment that had a plan keeps one, summarised as having been drawn up before files were
 * kept; one without stays without.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'attachment-ledgers',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE closeout_citations AS SELECT closeout_id, attachment_id FROM petition_closeout_attachments;
      DELETE FROM petition_closeout_attachments;

      CREATE TABLE attachments_rebuilt (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL CHECK (entity IN ('petition', 'assessment')),
        entity_id TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('material', 'evidence', 'emergency_plan')),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        stored_name TEXT NOT NULL UNIQUE,
        uploaded_by TEXT NOT NULL REFERENCES users (id),
        uploaded_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO attachments_rebuilt (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
          uploaded_by, uploaded_at)
        SELECT id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name, uploaded_by, uploaded_at
        FROM attachments;
      DROP TABLE attachments;
      ALTER TABLE attachments_rebuilt RENAME TO attachments;
      CREATE INDEX attachments_entity ON attachments (entity, entity_id, uploaded_at, id);

      INSERT INTO petition_closeout_attachments (closeout_id, attachment_id)
        SELECT closeout_id, attachment_id FROM closeout_citations;
      DROP TABLE closeout_citations;

      ALTER TABLE assessments ADD COLUMN emergency_plan_summary TEXT;
      ALTER TABLE assessments ADD COLUMN emergency_plan_on TEXT;
      ALTER TABLE assessments ADD COLUMN emergency_plan_attachment_id TEXT REFERENCES attachments (id);
      UPDATE assessments SET emergency_plan_summary = '${MIGRATED_PLAN_SUMMARY}' WHERE has_emergency_plan = 1;
      ALTER TABLE assessments DROP COLUMN has_emergency_plan;
    `);
  },
};
