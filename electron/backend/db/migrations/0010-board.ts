import { DUTY_ROLES } from '../../../../shared/domain/board/duty';
import { COLLECTIVE_PETITION_MIN } from '../../../../shared/domain/petitions/classification';
import { OPEN_HAZARD_SQL } from '../status-lists';
import { boardTallySql } from './0010-board-tallies';
// Unreleased so far, this migration reads its value lists from the domain. A migration that has
// shipped must never change: the first release freezes them into this file.
import type { Migration } from './types';

/**
 * The situation board (态势大屏):
 * - `duty_roster`: who leads (带班领导) and who is on duty (值班员) each day;
 * - the board's summary tables and the ticker's alerts, kept by triggers (0010-board-tallies.ts);
 * - `petitions_resolved`: the 30-day trend's resolved cases by day, from the index alone;
 * - `hazards_open_points`: the map's open hazards with coordinates, by level, from the index alone.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'board',
  up(db) {
    db.exec(`
      CREATE TABLE duty_roster (
        date TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN (${DUTY_ROLES.map((r) => `'${r}'`).join(', ')})),
        name TEXT NOT NULL,
        phone TEXT,
        sort INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (date, role, name)
      ) STRICT, WITHOUT ROWID;

      ${boardTallySql(COLLECTIVE_PETITION_MIN)}

      CREATE INDEX petitions_resolved ON petitions (resolved_date) WHERE resolved_date IS NOT NULL;
      CREATE INDEX hazards_open_points ON hazards (level, lng, lat)
        WHERE status IN ${OPEN_HAZARD_SQL} AND lng IS NOT NULL;
    `);
  },
};
