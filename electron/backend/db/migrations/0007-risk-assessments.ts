import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_MATTER_TYPES,
  CONSULTATION_METHODS,
} from '../../../../shared/domain/risks/assessment-content';
import { ASSESSMENT_CONCLUSIONS, RISK_LEVELS } from '../../../../shared/domain/risks/assessment-levels';
import { ASSESSMENT_ACTIONS, ASSESSMENT_STATUSES } from '../../../../shared/domain/risks/assessment-statuses';
// Unreleased so far, this migration reads its value lists from the domain. A migration that has
// shipped must never change: the first release freezes them into this file.
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const levels = list(RISK_LEVELS);
const conclusions = list(ASSESSMENT_CONCLUSIONS);
const statuses = list(ASSESSMENT_STATUSES);

/**
 * Stability assessments (稳评):
 * - `assessments`: the matter, who proposes and who assesses, the levels before and after
 *   mitigation, the recommendation and — apart from it — the decision taken, the emergency plan,
 *   implementation and the re-review clock (`last_reviewed_on` → `next_re_review_on`);
 * - the townships affected (`assessment_townships`: region scope and the township filter), the
 *   dimensions with findings, the ways views were gathered with counts, the risks found;
 * - the timeline (`assessment_events`) and the re-reviews held;
 * - `assessments_search`: the keyword index (trigram over spaced text, keyed by the assessment
 *   rowid, kept by the write paths, see features/assessments/search-index.ts).
 * Mitigation measures are `risk_tasks` rows with owner_kind 'assessment' (migration 0006).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'risk-assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        assessment_no TEXT NOT NULL UNIQUE,
        matter TEXT NOT NULL,
        matter_type TEXT NOT NULL CHECK (matter_type IN (${list(ASSESSMENT_MATTER_TYPES)})),
        description TEXT NOT NULL DEFAULT '',
        proposing_unit_id TEXT NOT NULL REFERENCES units (id),
        assessing_body TEXT,
        people_affected INTEGER NOT NULL DEFAULT 0 CHECK (people_affected >= 0),
        registered_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${statuses})),
        risk_level_before TEXT CHECK (risk_level_before IN (${levels})),
        risk_level_after TEXT CHECK (risk_level_after IN (${levels})),
        recommended_conclusion TEXT CHECK (recommended_conclusion IN (${conclusions})),
        recommendation_reason TEXT NOT NULL DEFAULT '',
        has_emergency_plan INTEGER NOT NULL DEFAULT 0 CHECK (has_emergency_plan IN (0, 1)),
        decision TEXT CHECK (decision IN (${conclusions})),
        decided_by TEXT,
        decided_on TEXT,
        decision_reason TEXT,
        implemented_on TEXT,
        last_reviewed_on TEXT,
        next_re_review_on TEXT,
        archive_note TEXT,
        archived_on TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessments_registered ON assessments (registered_on, id);
      CREATE INDEX assessments_status ON assessments (status, registered_on);
      CREATE INDEX assessments_level ON assessments (risk_level_after, registered_on);
      CREATE INDEX assessments_decision ON assessments (decision, registered_on);
      CREATE INDEX assessments_type ON assessments (matter_type, registered_on);
      CREATE INDEX assessments_decided ON assessments (decided_on, id);
      CREATE INDEX assessments_people ON assessments (people_affected, id);
      CREATE INDEX assessments_re_review_due ON assessments (next_re_review_on, id) WHERE status = 'tracking';

      CREATE TABLE assessment_townships (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        township_code TEXT NOT NULL REFERENCES regions (code),
        sort INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (assessment_id, township_code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assessment_townships_township ON assessment_townships (township_code, assessment_id);

      CREATE TABLE assessment_findings (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        dimension TEXT NOT NULL CHECK (dimension IN (${list(ASSESSMENT_DIMENSIONS)})),
        finding TEXT NOT NULL,
        PRIMARY KEY (assessment_id, dimension)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE assessment_consultations (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        method TEXT NOT NULL CHECK (method IN (${list(CONSULTATION_METHODS)})),
        count INTEGER NOT NULL CHECK (count >= 0),
        participants INTEGER CHECK (participants >= 0),
        PRIMARY KEY (assessment_id, method)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE assessment_risks (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        sort INTEGER NOT NULL,
        description TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN (${levels})),
        PRIMARY KEY (assessment_id, sort)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE assessment_events (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        kind TEXT NOT NULL CHECK (kind IN ('register', 'update', 'transition', 're_review')),
        action TEXT CHECK (action IN (${list(ASSESSMENT_ACTIONS)})),
        from_status TEXT CHECK (from_status IN (${statuses})),
        to_status TEXT CHECK (to_status IN (${statuses})),
        note TEXT NOT NULL DEFAULT '',
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessment_events_assessment ON assessment_events (assessment_id, at, id);

      CREATE TABLE assessment_re_reviews (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        reviewed_on TEXT NOT NULL,
        finding TEXT NOT NULL,
        risk_level TEXT NOT NULL CHECK (risk_level IN (${levels})),
        next_re_review_on TEXT,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assessment_re_reviews_assessment ON assessment_re_reviews (assessment_id, reviewed_on, id);

      CREATE VIRTUAL TABLE assessments_search USING fts5 (assessment_no, matter, description, tokenize = 'trigram');
    `);
  },
};
