import { MEETING_LEVELS } from '../../../../shared/domain/risks/meetings';
// Unreleased so far, this migration reads its value lists from the domain. A migration that has
// shipped must never change: the first release freezes them into this file.
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * One assessment, four meetings (一评四会) and the daily loop's screen (今日):
 * - `meetings` at one of the four levels (a township or village meeting names its township, which
 *   decides who sees it), their attendees, the items discussed (a hazard, an assessment or a
 *   petition case, by id) and their decisions, each of which may point at the risk task it became;
 * - indexes on the date columns the 今日 screen reads (tasks set or created on a day, decisions of
 *   a day), so one day's rows are found without a scan at any scale.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        meeting_no TEXT NOT NULL UNIQUE,
        level TEXT NOT NULL CHECK (level IN (${list(MEETING_LEVELS)})),
        held_on TEXT NOT NULL,
        topic TEXT NOT NULL,
        chaired_by TEXT NOT NULL,
        township_code TEXT REFERENCES regions (code),
        village_code TEXT REFERENCES regions (code),
        location TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((level IN ('township', 'village')) = (township_code IS NOT NULL))
      ) STRICT;
      CREATE INDEX meetings_held ON meetings (held_on, id);
      CREATE INDEX meetings_township ON meetings (township_code, held_on);
      CREATE INDEX meetings_level ON meetings (level, held_on);

      CREATE TABLE meeting_attendees (
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        sort INTEGER NOT NULL,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, sort)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE meeting_items (
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        item_kind TEXT NOT NULL CHECK (item_kind IN ('hazard', 'assessment', 'petition')),
        item_id TEXT NOT NULL,
        sort INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, item_kind, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX meeting_items_item ON meeting_items (item_kind, item_id);

      CREATE TABLE meeting_decisions (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        sort INTEGER NOT NULL,
        content TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        task_id TEXT UNIQUE REFERENCES risk_tasks (id),
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id, sort);
      CREATE INDEX meeting_decisions_day ON meeting_decisions (decided_on, at);

      CREATE INDEX risk_tasks_start ON risk_tasks (start_date, created_at);
      CREATE INDEX risk_tasks_created ON risk_tasks (created_at);
    `);
  },
};
