import { searchIndex } from '../../ledger/search-index';
import type { Migration } from './types';

const CONCLUDED = (row: string) => `${row}.status IN ('resolved', 'closed')`;

/**
 * The tallies behind the petition figures: per township and handling unit ('' before
 * assignment), each a count of cases meeting one condition on a case row. Triggers (migration
 * 0005) keep them in step in the same statement as the write, so the figures read a few hundred
 * rows instead of the ledger. The figures' definitions (shared/domain/petitions/metrics.ts) are
 * sums of these; overdue, which depends on today's date, is counted live. Frozen with this
 * migration: a counter changed later is a migration of its own (0012 made them leave voided cases out).
 */
export const PETITION_TALLIES = {
  cases: () => '1',
  concluded: (row: string) => CONCLUDED(row),
  on_time: (row: string) =>
    `${CONCLUDED(row)} AND ${row}.due_date IS NOT NULL AND ${row}.resolved_date IS NOT NULL AND ${row}.resolved_date <= ${row}.due_date`,
  repeat_cases: (row: string) => `${row}.petition_count > 1`,
  visits: (row: string) => `${row}.petition_count`,
  packaged: (row: string) => `coalesce(${row}.leader_id, '') != ''`,
  packaged_concluded: (row: string) => `coalesce(${row}.leader_id, '') != '' AND ${CONCLUDED(row)}`,
  open_due: (row: string) => `NOT ${CONCLUDED(row)} AND ${row}.due_date IS NOT NULL`,
} as const;

/** The keyword index as this migration builds it: case number, summary, petitioners' names. */
const PETITION_SEARCH = searchIndex({
  table: 'petitions_search',
  ledger: 'petitions',
  columns: {
    case_no: 'case_no',
    summary: 'summary',
    names: { table: 'petitioners', key: 'petition_id', value: 'name', orderBy: 'is_primary DESC, sort' },
  },
});

const COUNTERS = Object.keys(PETITION_TALLIES) as Array<keyof typeof PETITION_TALLIES>;

/** The upsert adding (sign 1) or taking away (sign -1) one case row's contribution. */
const tally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO petition_tallies (township_code, unit_id, ${COUNTERS.join(', ')})
  VALUES (${row}.township_code, coalesce(${row}.handling_unit_id, ''),
    ${COUNTERS.map((c) => `${sign} * (${PETITION_TALLIES[c](row)})`).join(', ')})
  ON CONFLICT (township_code, unit_id) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;

/**
 * Petition ledger speed at 100,000 cases:
 * - the keyword index becomes `petitions_search` (trigram over spaced text, keyed by the petition
 *   rowid, see db/search-text.ts), replacing `petitions_fts`, whose triggers scanned the whole
 *   index on every petitioner row and which could not answer two-character keywords;
 * - figure tallies kept by triggers;
 * - an index over open cases by due date (overdue counts, the supervision queue);
 * - two expression indexes for sorting by due date with undated cases last either way, and one
 *   for the common township + status filter.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'petition-speed',
  up(db) {
    db.exec(`
      DROP TRIGGER petitions_fts_insert;
      DROP TRIGGER petitions_fts_summary;
      DROP TRIGGER petitions_fts_delete;
      DROP TRIGGER petitioners_fts_insert;
      DROP TRIGGER petitioners_fts_update;
      DROP TRIGGER petitioners_fts_delete;
      DROP TABLE petitions_fts;
      CREATE VIRTUAL TABLE petitions_search USING fts5 (case_no, summary, names, tokenize = 'trigram');

      CREATE TABLE petition_tallies (
        township_code TEXT NOT NULL,
        unit_id TEXT NOT NULL,
        ${COUNTERS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n')},
        PRIMARY KEY (township_code, unit_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER petition_tallies_insert AFTER INSERT ON petitions
      BEGIN ${tally('new', 1)} END;
      CREATE TRIGGER petition_tallies_update
      AFTER UPDATE OF township_code, handling_unit_id, status, leader_id, due_date, resolved_date, petition_count
      ON petitions
      BEGIN ${tally('old', -1)} ${tally('new', 1)} END;
      CREATE TRIGGER petition_tallies_delete AFTER DELETE ON petitions
      BEGIN ${tally('old', -1)} END;
      INSERT INTO petition_tallies (township_code, unit_id, ${COUNTERS.join(', ')})
        SELECT p.township_code, coalesce(p.handling_unit_id, ''),
          ${COUNTERS.map((c) => `sum(${PETITION_TALLIES[c]('p')})`).join(', ')}
        FROM petitions p GROUP BY 1, 2;

      CREATE INDEX petitions_open_due ON petitions (due_date, township_code, handling_unit_id, highest_level)
        WHERE status NOT IN ('resolved', 'closed') AND due_date IS NOT NULL;
      CREATE INDEX petitions_township_status ON petitions (township_code, status, received_date);
      CREATE INDEX petitions_due_first ON petitions (due_date IS NULL, due_date, id);
      CREATE INDEX petitions_due_last ON petitions (due_date IS NOT NULL, due_date, id);
    `);
    PETITION_SEARCH.rebuild(db);
  },
};
