import { HAZARD_LEVELS } from '../../../../shared/domain/risks/hazard-levels';
import { HAZARD_SOURCES } from '../../../../shared/domain/risks/hazard-record';
import { HAZARD_NOTE_KINDS, HAZARD_STATUSES, HAZARD_TRENDS } from '../../../../shared/domain/risks/hazard-statuses';
import { TASK_ACTIONS, TASK_KINDS, TASK_OWNER_KINDS, TASK_STATUSES } from '../../../../shared/domain/risks/tasks';
// Unreleased so far, this migration reads its value lists from the domain. A migration that has
// shipped must never change: the first release freezes them into this file.
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The risk ledger's hazards (风险隐患) and the tasks shared by the whole risk ledger:
 * - `hazards`, the people involved (masked when shown), status events, colour-level changes (the
 *   history: the first change's `from_level` is the level the hazard was found with), dated notes
 *   (动向 and 研判记录), links to petition cases and assessments;
 * - `risk_tasks`: measures and assigned tasks of any owner (an assessment, a hazard, a meeting),
 *   with their events;
 * - `hazards_search`: the keyword index (trigram over spaced text, keyed by the hazard rowid, kept
 *   by the write paths, see features/hazards/search-index.ts).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'risk-hazards',
  up(db) {
    db.exec(`
      CREATE TABLE hazards (
        id TEXT PRIMARY KEY,
        hazard_no TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN (${list(HAZARD_SOURCES)})),
        description TEXT NOT NULL DEFAULT '',
        level TEXT NOT NULL CHECK (level IN (${list(HAZARD_LEVELS)})),
        status TEXT NOT NULL CHECK (status IN (${list(HAZARD_STATUSES)})),
        found_on TEXT NOT NULL,
        township_code TEXT NOT NULL REFERENCES regions (code),
        village_code TEXT REFERENCES regions (code),
        grid_code TEXT REFERENCES regions (code),
        lng REAL CHECK (lng BETWEEN -180 AND 180),
        lat REAL CHECK (lat BETWEEN -90 AND 90),
        people_involved INTEGER CHECK (people_involved >= 0),
        leader_id TEXT REFERENCES people (id),
        responsible_id TEXT REFERENCES people (id),
        plan TEXT NOT NULL DEFAULT '',
        measures TEXT NOT NULL DEFAULT '',
        outcome TEXT,
        level_changed_on TEXT NOT NULL,
        resolved_on TEXT,
        closed_on TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((lng IS NULL) = (lat IS NULL))
      ) STRICT;
      CREATE INDEX hazards_found ON hazards (found_on, id);
      CREATE INDEX hazards_township_status ON hazards (township_code, status, found_on);
      CREATE INDEX hazards_status_level ON hazards (status, level, found_on);
      CREATE INDEX hazards_level ON hazards (level, found_on);
      CREATE INDEX hazards_category ON hazards (category, found_on);
      CREATE INDEX hazards_leader ON hazards (leader_id, found_on);
      CREATE INDEX hazards_open ON hazards (level, township_code) WHERE status IN ('found', 'resolving');
      -- The figures' GROUP BY (status, level, township) read from the index alone, in order.
      CREATE INDEX hazards_figures ON hazards (status, level, township_code);
      -- The list sorted by colour (red first): the same expression as repo.ts LEVEL_RANK.
      CREATE INDEX hazards_level_rank ON hazards (
        (CASE level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END), found_on, id
      );

      CREATE TABLE hazard_people (
        id TEXT PRIMARY KEY,
        hazard_id TEXT NOT NULL REFERENCES hazards (id),
        name TEXT NOT NULL,
        phone TEXT,
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX hazard_people_hazard ON hazard_people (hazard_id, sort);

      CREATE TABLE hazard_events (
        id TEXT PRIMARY KEY,
        hazard_id TEXT NOT NULL REFERENCES hazards (id),
        action TEXT NOT NULL,
        from_status TEXT CHECK (from_status IN (${list(HAZARD_STATUSES)})),
        to_status TEXT NOT NULL CHECK (to_status IN (${list(HAZARD_STATUSES)})),
        note TEXT NOT NULL DEFAULT '',
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hazard_events_hazard ON hazard_events (hazard_id, at, id);

      CREATE TABLE hazard_level_changes (
        id TEXT PRIMARY KEY,
        hazard_id TEXT NOT NULL REFERENCES hazards (id),
        from_level TEXT NOT NULL CHECK (from_level IN (${list(HAZARD_LEVELS)})),
        to_level TEXT NOT NULL CHECK (to_level IN (${list(HAZARD_LEVELS)})),
        changed_on TEXT NOT NULL,
        reason TEXT NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hazard_level_changes_hazard ON hazard_level_changes (hazard_id, changed_on, at);

      CREATE TABLE hazard_notes (
        id TEXT PRIMARY KEY,
        hazard_id TEXT NOT NULL REFERENCES hazards (id),
        kind TEXT NOT NULL CHECK (kind IN (${list(HAZARD_NOTE_KINDS)})),
        noted_on TEXT NOT NULL,
        content TEXT NOT NULL,
        trend TEXT CHECK (trend IN (${list(HAZARD_TRENDS)})),
        suggested_level TEXT CHECK (suggested_level IN (${list(HAZARD_LEVELS)})),
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hazard_notes_hazard ON hazard_notes (hazard_id, noted_on, at);
      CREATE INDEX hazard_notes_day ON hazard_notes (noted_on, kind);

      CREATE TABLE hazard_links (
        hazard_id TEXT NOT NULL REFERENCES hazards (id),
        target_kind TEXT NOT NULL CHECK (target_kind IN ('petition', 'assessment')),
        target_id TEXT NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL,
        PRIMARY KEY (hazard_id, target_kind, target_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hazard_links_target ON hazard_links (target_kind, target_id);

      CREATE TABLE risk_tasks (
        id TEXT PRIMARY KEY,
        owner_kind TEXT NOT NULL CHECK (owner_kind IN (${list(TASK_OWNER_KINDS)})),
        owner_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${list(TASK_KINDS)})),
        title TEXT NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units (id),
        start_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${list(TASK_STATUSES)})),
        progress_note TEXT NOT NULL DEFAULT '',
        completed_on TEXT,
        outcome TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_tasks_owner ON risk_tasks (owner_kind, owner_id, created_at);
      CREATE INDEX risk_tasks_open_due ON risk_tasks (due_date, kind) WHERE status IN ('pending', 'in_progress');
      CREATE INDEX risk_tasks_unit ON risk_tasks (unit_id, due_date);

      CREATE TABLE risk_task_events (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL REFERENCES risk_tasks (id),
        action TEXT NOT NULL CHECK (action IN ('create', ${list(TASK_ACTIONS)})),
        from_status TEXT CHECK (from_status IN (${list(TASK_STATUSES)})),
        to_status TEXT NOT NULL CHECK (to_status IN (${list(TASK_STATUSES)})),
        note TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_task_events_task ON risk_task_events (task_id, at, id);

      CREATE VIRTUAL TABLE hazards_search USING fts5 (hazard_no, title, description, names, tokenize = 'trigram');
    `);
  },
};
