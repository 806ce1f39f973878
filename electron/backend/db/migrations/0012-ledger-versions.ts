import { PETITION_TALLIES } from './0005-petition-speed';
import type { Migration } from './types';

const COUNTERS = Object.keys(PETITION_TALLIES) as Array<keyof typeof PETITION_TALLIES>;
const live = (row: string) => `(${row}.voided_at IS NULL)`;

/** The upsert adding (sign 1) or taking away (sign -1) one case row's contribution, nothing when voided. */
const petitionTally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO petition_tallies (township_code, unit_id, ${COUNTERS.join(', ')})
  VALUES (${row}.township_code, coalesce(${row}.handling_unit_id, ''),
    ${COUNTERS.map((c) => `${sign} * ${live(row)} * (${PETITION_TALLIES[c](row)})`).join(', ')})
  ON CONFLICT (township_code, unit_id) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;

const hazardTally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO board_hazard_tallies (township_code, level, category, open)
  VALUES (${row}.township_code, ${row}.level, ${row}.category,
    ${sign} * ${live(row)} * (${row}.status IN ('found', 'resolving')))
  ON CONFLICT (township_code, level, category) DO UPDATE SET open = open + excluded.open;`;

const caseTally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO board_case_categories (category, open)
  VALUES (coalesce(${row}.category, ''), ${sign} * ${live(row)} * (${row}.status NOT IN ('resolved', 'closed')))
  ON CONFLICT (category) DO UPDATE SET open = open + excluded.open;`;

/** The update triggers of 0005 and 0010, now also fired by voiding and restoring. */
const voidAwareTallyTriggers = () => `
  DROP TRIGGER petition_tallies_update;
  CREATE TRIGGER petition_tallies_update
  AFTER UPDATE OF township_code, handling_unit_id, status, leader_id, due_date, resolved_date, petition_count,
    voided_at ON petitions
  BEGIN ${petitionTally('old', -1)} ${petitionTally('new', 1)} END;
  DROP TRIGGER board_hazard_tallies_update;
  CREATE TRIGGER board_hazard_tallies_update AFTER UPDATE OF township_code, level, category, status, voided_at
  ON hazards
  BEGIN ${hazardTally('old', -1)} ${hazardTally('new', 1)} END;
  DROP TRIGGER board_case_categories_update;
  CREATE TRIGGER board_case_categories_update AFTER UPDATE OF category, status, voided_at ON petitions
  BEGIN ${caseTally('old', -1)} ${caseTally('new', 1)} END;`;

/**
 * Every index on a ledger's own columns (but its UNIQUE ones), rebuilt to end with voided_at.
 * Lists, figures, 今日, the board and the reports leave voided records out with `voided_at IS NULL`;
 * an index without the column would send each row it passes to the table to ask, where before
 * voiding existed the index alone answered (a sorted list's pages, a filtered list's count, the
 * trends and a day's counts). The partial indexes behind live counts also leave voided records
 * out, so a count that forgets them cannot use them; no index leaves them out alone, which would
 * lure a query that reads every row (a list sorted by an unindexed column) through it.
 */
const LIVE_INDEXES: Record<string, string> = {
  petitions_received: 'petitions (received_date, id, voided_at)',
  petitions_due: 'petitions (due_date, id, voided_at)',
  petitions_status: 'petitions (status, due_date, voided_at)',
  petitions_township: 'petitions (township_code, received_date, voided_at)',
  petitions_category: 'petitions (category, received_date, voided_at)',
  petitions_item_type: 'petitions (item_type, received_date, voided_at)',
  petitions_unit: 'petitions (handling_unit_id, received_date, voided_at)',
  petitions_leader: 'petitions (leader_id, received_date, voided_at)',
  petitions_count: 'petitions (petition_count, id, voided_at)',
  petitions_township_status: 'petitions (township_code, status, received_date, voided_at)',
  petitions_due_first: 'petitions (due_date IS NULL, due_date, id, voided_at)',
  petitions_due_last: 'petitions (due_date IS NOT NULL, due_date, id, voided_at)',
  petitions_open_due: `petitions (due_date, township_code, handling_unit_id, highest_level, voided_at)
    WHERE status NOT IN ('resolved', 'closed') AND due_date IS NOT NULL AND voided_at IS NULL`,
  petitions_resolved: 'petitions (resolved_date, voided_at) WHERE resolved_date IS NOT NULL AND voided_at IS NULL',
  petitions_closed: 'petitions (closed_date, voided_at) WHERE closed_date IS NOT NULL AND voided_at IS NULL',
  hazards_found: 'hazards (found_on, id, voided_at)',
  hazards_township_status: 'hazards (township_code, status, found_on, voided_at)',
  hazards_status_level: 'hazards (status, level, found_on, voided_at)',
  hazards_level: 'hazards (level, found_on, voided_at)',
  hazards_category: 'hazards (category, found_on, voided_at)',
  hazards_leader: 'hazards (leader_id, found_on, voided_at)',
  hazards_figures: 'hazards (status, level, township_code, voided_at)',
  hazards_level_rank: `hazards (
    (CASE level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END), found_on, id, voided_at)`,
  hazards_open: `hazards (level, township_code, voided_at)
    WHERE status IN ('found', 'resolving') AND voided_at IS NULL`,
  hazards_open_points: `hazards (level, lng, lat, voided_at)
    WHERE status IN ('found', 'resolving') AND lng IS NOT NULL AND voided_at IS NULL`,
  hazards_resolved: 'hazards (resolved_on, voided_at) WHERE resolved_on IS NOT NULL AND voided_at IS NULL',
  assessments_registered: 'assessments (registered_on, id, voided_at)',
  assessments_status: 'assessments (status, registered_on, voided_at)',
  assessments_level: 'assessments (risk_level_after, registered_on, voided_at)',
  assessments_decision: 'assessments (decision, registered_on, voided_at)',
  assessments_type: 'assessments (matter_type, registered_on, voided_at)',
  assessments_decided: 'assessments (decided_on, id, voided_at)',
  assessments_people: 'assessments (people_affected, id, voided_at)',
  assessments_re_review_due: `assessments (next_re_review_on, id, voided_at)
    WHERE status = 'tracking' AND voided_at IS NULL`,
};

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
        -- Only the voided rows: an index holding every row under NULL would lure the planner (no
        -- statistics) away from the ledgers' own indexes for every voided_at IS NULL condition.
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
    for (const [name, definition] of Object.entries(LIVE_INDEXES)) {
      db.exec(`DROP INDEX ${name}; CREATE INDEX ${name} ON ${definition};`);
    }
    // The figures' and the board's tallies count a record only while it is not voided.
    db.exec(voidAwareTallyTriggers());
  },
};
