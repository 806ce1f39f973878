import type { Db } from '../connection';
import { STATUS_LIST_0003 } from './0003-petitions';
import type { Migration } from './types';

/** The statuses of the procedure (shared/domain/petitions/statuses.ts as this migration built it). */
const STATUS_LIST = `'found', 'classified', 'accepted', 'assigned', 'resolving', 'replied', 'reviewing', 'reviewed', 're_reviewing', 'final', 'resolved', 'closed', 'not_accepted', 'not_again'`;
/** Open: the written reply still owed (OPEN_STATUSES). */
export const OPEN_LIST_0017 = `('found', 'classified', 'accepted', 'assigned', 'resolving')`;
/** Concluded (办结): the written reply issued (CONCLUDED_STATUSES). */
const CONCLUDED = (row: string) =>
  `${row}.status IN ('replied', 'reviewing', 'reviewed', 're_reviewing', 'final', 'resolved', 'closed')`;
/** Resolved (化解, 息诉罢访), closed out or not (RESOLVED_STATUSES). */
const RESOLVED = (row: string) => `${row}.status IN ('resolved', 'closed')`;
/** Art. 34's date where the item has one, else the 办理时限: what 按期办结 is judged by. */
const JUDGED_DUE = (row: string) => `coalesce(${row}.conclusion_due_date, ${row}.due_date)`;

/**
 * The figure tallies from this migration on (0005 made them, 0012 left voided cases out): 办结
 * is the written reply, 化解 the petitioner's acceptance, apart; 按期 the reply on or before
 * Art. 34's date. Frozen with this migration like 0005's.
 */
export const PETITION_TALLIES = {
  cases: () => '1',
  concluded: (row: string) => CONCLUDED(row),
  resolved: (row: string) => RESOLVED(row),
  on_time: (row: string) =>
    `${CONCLUDED(row)} AND ${row}.reply_date IS NOT NULL AND ${JUDGED_DUE(row)} IS NOT NULL AND ${row}.reply_date <= ${JUDGED_DUE(row)}`,
  repeat_cases: (row: string) => `${row}.petition_count > 1`,
  visits: (row: string) => `${row}.petition_count`,
  packaged: (row: string) => `coalesce(${row}.leader_id, '') != ''`,
  packaged_resolved: (row: string) => `coalesce(${row}.leader_id, '') != '' AND ${RESOLVED(row)}`,
  open_due: (row: string) => `${row}.status IN ${OPEN_LIST_0017} AND ${row}.due_date IS NOT NULL`,
} as const;

const live = (row: string) => `(${row}.voided_at IS NULL)`;

type Tallies = Record<string, (row: string) => string>;

const petitionTally = (tallies: Tallies, row: 'new' | 'old', sign: 1 | -1) => {
  const counters = Object.keys(tallies);
  return `
  INSERT INTO petition_tallies (township_code, unit_id, ${counters.join(', ')})
  VALUES (${row}.township_code, coalesce(${row}.handling_unit_id, ''),
    ${counters.map((c) => `${sign} * ${live(row)} * (${tallies[c]!(row)})`).join(', ')})
  ON CONFLICT (township_code, unit_id) DO UPDATE SET
    ${counters.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
};

/**
 * petition_tallies' triggers on a set of counters (the table holding their columns), and its rows
 * recounted from the ledger: this migration's set, and a later one's that adds a counter.
 */
export const petitionTallySql = (tallies: Tallies) => `
  DROP TRIGGER IF EXISTS petition_tallies_insert;
  DROP TRIGGER IF EXISTS petition_tallies_update;
  DROP TRIGGER IF EXISTS petition_tallies_delete;
  CREATE TRIGGER petition_tallies_insert AFTER INSERT ON petitions
  BEGIN ${petitionTally(tallies, 'new', 1)} END;
  CREATE TRIGGER petition_tallies_update
  AFTER UPDATE OF township_code, handling_unit_id, status, leader_id, due_date, resolved_date, petition_count,
    voided_at, reply_date, conclusion_due_date ON petitions
  BEGIN ${petitionTally(tallies, 'old', -1)} ${petitionTally(tallies, 'new', 1)} END;
  CREATE TRIGGER petition_tallies_delete AFTER DELETE ON petitions
  BEGIN ${petitionTally(tallies, 'old', -1)} END;
  DELETE FROM petition_tallies;
  INSERT INTO petition_tallies (township_code, unit_id, ${Object.keys(tallies).join(', ')})
    SELECT p.township_code, coalesce(p.handling_unit_id, ''),
      ${Object.values(tallies)
        .map((tally) => `sum(${live('p')} * (${tally('p')}))`)
        .join(', ')}
    FROM petitions p GROUP BY 1, 2;`;

const caseTally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO board_case_categories (category, open)
  VALUES (coalesce(${row}.category, ''), ${sign} * ${live(row)} * (${row}.status IN ${OPEN_LIST_0017}))
  ON CONFLICT (category) DO UPDATE SET open = open + excluded.open;`;

const NEW_COLUMNS = [
  'accepted_date TEXT',
  'refused_date TEXT',
  'objection_date TEXT',
  'reply_date TEXT',
  "reply_kind TEXT CHECK (reply_kind IN ('support', 'explain', 'reject'))",
  'review_requested_date TEXT',
  'review_decided_date TEXT',
  're_review_requested_date TEXT',
  're_review_hearing_days INTEGER CHECK (re_review_hearing_days >= 0)',
  're_review_decided_date TEXT',
  'conclusion_due_date TEXT',
  'final_case_id TEXT REFERENCES petitions (id)',
];

/**
 * A CHECK list cannot be altered; widening it touches no row, so the table's text is edited in
 * place (SQLite's documented procedure for such changes), inside the runner's transaction.
 */
function widenStatusChecks(db: Db): void {
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare(
      `UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name IN ('petitions', 'petition_events')`,
    ).run(`IN (${STATUS_LIST_0003})`, `IN (${STATUS_LIST})`);
    db.pragma('writable_schema = RESET');
  } finally {
    db.unsafeMode(false);
  }
}

/**
 * The procedure of 信访工作条例 on every case: acceptance (受理 / 不予受理 / 不再受理), the
 * objection, the written reply (办结), 复查 and 复核 with their dates, the link of a 不再受理 item to
 * the final case, and Art. 34's conclusion date kept beside the internal 办理时限. Existing cases
 * (docs/domain.md): from 已交办 on, accepted on their receipt day (the earliest acceptance the law
 * allows, so their Art. 34 clock is the strictest); resolved and closed cases replied on their
 * resolution day, the reply's kind unknown (imported history). The tallies count 办结 and 化解
 * apart from here on, recounted from the ledger.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'petition-procedure',
  up(db) {
    widenStatusChecks(db);
    for (const column of NEW_COLUMNS) db.exec(`ALTER TABLE petitions ADD COLUMN ${column}`);
    db.exec(`
      UPDATE petitions SET accepted_date = received_date
        WHERE status IN ('assigned', 'resolving', 'resolved', 'closed');
      UPDATE petitions SET reply_date = coalesce(resolved_date, assigned_date, received_date)
        WHERE status IN ('resolved', 'closed');
      UPDATE petitions SET conclusion_due_date = date(accepted_date, '+' || (60 + coalesce(extension_days, 0)) || ' days')
        WHERE item_type = 'appeal' AND accepted_date IS NOT NULL;

      DROP TRIGGER petition_tallies_insert;
      DROP TRIGGER petition_tallies_update;
      DROP TRIGGER petition_tallies_delete;
      ALTER TABLE petition_tallies RENAME COLUMN packaged_concluded TO packaged_resolved;
      ALTER TABLE petition_tallies ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0;
      ${petitionTallySql(PETITION_TALLIES)}

      DROP TRIGGER board_case_categories_insert;
      DROP TRIGGER board_case_categories_update;
      DROP TRIGGER board_case_categories_delete;
      CREATE TRIGGER board_case_categories_insert AFTER INSERT ON petitions
      BEGIN ${caseTally('new', 1)} END;
      CREATE TRIGGER board_case_categories_update AFTER UPDATE OF category, status, voided_at ON petitions
      BEGIN ${caseTally('old', -1)} ${caseTally('new', 1)} END;
      CREATE TRIGGER board_case_categories_delete AFTER DELETE ON petitions
      BEGIN ${caseTally('old', -1)} END;
      DELETE FROM board_case_categories;
      INSERT INTO board_case_categories (category, open)
        SELECT coalesce(category, ''), count(*) FROM petitions
        WHERE status IN ${OPEN_LIST_0017} AND voided_at IS NULL GROUP BY 1;

      DROP INDEX petitions_open_due;
      CREATE INDEX petitions_open_due ON petitions (due_date, township_code, handling_unit_id, highest_level, voided_at)
        WHERE status IN ${OPEN_LIST_0017} AND due_date IS NOT NULL AND voided_at IS NULL;
    `);
  },
};
