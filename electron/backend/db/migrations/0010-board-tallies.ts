import { OPEN_HAZARD_SQL } from '../status-lists';

/** Concluded cases as this migration counted them (0017 counts the procedure's open statuses). */
const CONCLUDED_SQL = `('resolved', 'closed')`;

/**
 * The board's summary tables, kept by triggers (migration 0010) in the same statement as the
 * write, so the snapshot reads a few hundred rows instead of the ledgers:
 * - `board_hazard_tallies`: open hazards per township × colour level × category;
 * - `board_case_categories`: open cases (not 已化解/已销号) per category ('' before classification);
 * - `board_alerts`: the ticker's events that a write causes (a red or orange hazard registered, a
 *   hazard raised to red or orange, a case reaching five petitioners), with the township and
 *   category only. Overdue cases are a matter of the date, read live from an index.
 */

const hazardOpen = (row: string) => `CASE WHEN ${row}.status IN ${OPEN_HAZARD_SQL} THEN 1 ELSE 0 END`;
const caseOpen = (row: string) => `CASE WHEN ${row}.status NOT IN ${CONCLUDED_SQL} THEN 1 ELSE 0 END`;

const hazardTally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO board_hazard_tallies (township_code, level, category, open)
  VALUES (${row}.township_code, ${row}.level, ${row}.category, ${sign} * (${hazardOpen(row)}))
  ON CONFLICT (township_code, level, category) DO UPDATE SET open = open + excluded.open;`;

const caseTally = (row: 'new' | 'old', sign: 1 | -1) => `
  INSERT INTO board_case_categories (category, open)
  VALUES (coalesce(${row}.category, ''), ${sign} * (${caseOpen(row)}))
  ON CONFLICT (category) DO UPDATE SET open = open + excluded.open;`;

/** 0 for 蓝 … 3 for 红, as hazardLevelRank. */
const rank = (level: string) =>
  `(CASE ${level} WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END)`;

/** Petitioners that make a collective petition (shared/domain/petitions/classification.ts). */
const collective = (min: number) => `
  CREATE TRIGGER board_alerts_collective AFTER INSERT ON petitioners
  WHEN (SELECT count(*) FROM petitioners WHERE petition_id = new.petition_id) >= ${min}
  BEGIN
    INSERT OR IGNORE INTO board_alerts (at, kind, source_id, township_code, category, level)
      SELECT p.updated_at, 'collective_petition', p.id, p.township_code, coalesce(p.category, ''), NULL
      FROM petitions p WHERE p.id = new.petition_id;
  END;`;

/** The tables, their triggers and indexes, filled from the ledgers as they stand. */
export function boardTallySql(collectiveMin: number): string {
  return `
    CREATE TABLE board_hazard_tallies (
      township_code TEXT NOT NULL,
      level TEXT NOT NULL,
      category TEXT NOT NULL,
      open INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (township_code, level, category)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER board_hazard_tallies_insert AFTER INSERT ON hazards
    BEGIN ${hazardTally('new', 1)} END;
    CREATE TRIGGER board_hazard_tallies_update AFTER UPDATE OF township_code, level, category, status ON hazards
    BEGIN ${hazardTally('old', -1)} ${hazardTally('new', 1)} END;
    CREATE TRIGGER board_hazard_tallies_delete AFTER DELETE ON hazards
    BEGIN ${hazardTally('old', -1)} END;
    INSERT INTO board_hazard_tallies (township_code, level, category, open)
      SELECT township_code, level, category, count(*) FROM hazards WHERE status IN ${OPEN_HAZARD_SQL} GROUP BY 1, 2, 3;

    CREATE TABLE board_case_categories (
      category TEXT PRIMARY KEY,
      open INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER board_case_categories_insert AFTER INSERT ON petitions
    BEGIN ${caseTally('new', 1)} END;
    CREATE TRIGGER board_case_categories_update AFTER UPDATE OF category, status ON petitions
    BEGIN ${caseTally('old', -1)} ${caseTally('new', 1)} END;
    CREATE TRIGGER board_case_categories_delete AFTER DELETE ON petitions
    BEGIN ${caseTally('old', -1)} END;
    INSERT INTO board_case_categories (category, open)
      SELECT coalesce(category, ''), count(*) FROM petitions WHERE status NOT IN ${CONCLUDED_SQL} GROUP BY 1;

    CREATE TABLE board_alerts (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('hazard_found', 'hazard_raised', 'collective_petition')),
      source_id TEXT NOT NULL,
      township_code TEXT NOT NULL,
      category TEXT NOT NULL,
      level TEXT
    ) STRICT;
    CREATE INDEX board_alerts_at ON board_alerts (at, id);
    CREATE UNIQUE INDEX board_alerts_collective ON board_alerts (source_id) WHERE kind = 'collective_petition';
    CREATE TRIGGER board_alerts_hazard_found AFTER INSERT ON hazards
    WHEN new.level IN ('red', 'orange')
    BEGIN
      INSERT INTO board_alerts (at, kind, source_id, township_code, category, level)
        VALUES (new.created_at, 'hazard_found', new.id, new.township_code, new.category, new.level);
    END;
    CREATE TRIGGER board_alerts_hazard_raised AFTER INSERT ON hazard_level_changes
    WHEN new.to_level IN ('red', 'orange') AND ${rank('new.to_level')} > ${rank('new.from_level')}
    BEGIN
      INSERT INTO board_alerts (at, kind, source_id, township_code, category, level)
        SELECT new.at, 'hazard_raised', h.id, h.township_code, h.category, new.to_level
        FROM hazards h WHERE h.id = new.hazard_id;
    END;
    ${collective(collectiveMin)}
    -- The ledgers as they stand: red and orange hazards by the level they were found with, raises,
    -- and the collective petitions.
    INSERT INTO board_alerts (at, kind, source_id, township_code, category, level)
      SELECT at, kind, source_id, township_code, category, level FROM (
        SELECT h.created_at AS at, 'hazard_found' AS kind, h.id AS source_id, h.township_code, h.category,
          coalesce((SELECT c.from_level FROM hazard_level_changes c WHERE c.hazard_id = h.id
            ORDER BY c.changed_on, c.at LIMIT 1), h.level) AS level
        FROM hazards h
        UNION ALL
        SELECT c.at, 'hazard_raised', h.id, h.township_code, h.category, c.to_level
        FROM hazard_level_changes c JOIN hazards h ON h.id = c.hazard_id
        WHERE c.to_level IN ('red', 'orange') AND ${rank('c.to_level')} > ${rank('c.from_level')}
        UNION ALL
        SELECT p.updated_at, 'collective_petition', p.id, p.township_code, coalesce(p.category, ''), NULL
        FROM petitions p WHERE (SELECT count(*) FROM petitioners WHERE petition_id = p.id) >= ${collectiveMin}
      ) WHERE kind != 'hazard_found' OR level IN ('red', 'orange')
      ORDER BY at;
  `;
}
