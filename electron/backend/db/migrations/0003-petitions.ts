import { HOLIDAY_SEED_2026 } from '../../../../shared/domain/ledger/holidays-2026';
// Unreleased so far, this migration reads the holiday seed from the domain. A migration that has
// shipped must never change: the first release freezes it into this file.
import type { Migration } from './types';

/** The statuses as this migration knew them; 0017 widens the list to the procedure's. */
export const STATUS_LIST_0003 = `'found', 'classified', 'assigned', 'resolving', 'resolved', 'closed'`;
const statusList = STATUS_LIST_0003;

/**
 * The petition backlog (信访积案): cases, their petitioners, the timeline (events, progress,
 * supervision, close-out), the working-day calendar seeded from the 2026 notice, and a trigram
 * FTS5 index over the summary and the petitioners' names, kept in step by triggers.
 *
 * The FTS rows carry the case id as an UNINDEXED column rather than relying on the rowid of
 * `petitions` (a TEXT-keyed table's rowid may change on VACUUM).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'petitions',
  up(db) {
    db.exec(`
      CREATE TABLE petitions (
        id TEXT PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        item_type TEXT CHECK (item_type IN ('suggestion', 'accusation', 'appeal')),
        category TEXT,
        township_code TEXT NOT NULL REFERENCES regions (code),
        summary TEXT NOT NULL,
        first_petition_date TEXT NOT NULL,
        received_date TEXT NOT NULL,
        petition_count INTEGER NOT NULL DEFAULT 1 CHECK (petition_count >= 1),
        highest_level TEXT NOT NULL DEFAULT 'county' CHECK (highest_level IN ('county', 'city', 'province', 'national')),
        status TEXT NOT NULL CHECK (status IN (${statusList})),
        handling_unit_id TEXT REFERENCES units (id),
        leader_id TEXT REFERENCES people (id),
        responsible_id TEXT REFERENCES people (id),
        assigned_date TEXT,
        due_date TEXT,
        extension_days INTEGER CHECK (extension_days BETWEEN 1 AND 30),
        extension_reason TEXT,
        extension_approved_by TEXT,
        resolution_plan TEXT NOT NULL DEFAULT '',
        stability_measures TEXT NOT NULL DEFAULT '',
        outcome TEXT,
        resolved_date TEXT,
        closed_date TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petitions_received ON petitions (received_date, id);
      CREATE INDEX petitions_due ON petitions (due_date, id);
      CREATE INDEX petitions_status ON petitions (status, due_date);
      CREATE INDEX petitions_township ON petitions (township_code, received_date);
      CREATE INDEX petitions_category ON petitions (category, received_date);
      CREATE INDEX petitions_item_type ON petitions (item_type, received_date);
      CREATE INDEX petitions_unit ON petitions (handling_unit_id, received_date);
      CREATE INDEX petitions_leader ON petitions (leader_id, received_date);
      CREATE INDEX petitions_count ON petitions (petition_count, id);

      CREATE TABLE petitioners (
        id TEXT PRIMARY KEY,
        petition_id TEXT NOT NULL REFERENCES petitions (id),
        name TEXT NOT NULL,
        id_number TEXT,
        phone TEXT,
        address TEXT,
        is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX petitioners_petition ON petitioners (petition_id, sort);
      CREATE INDEX petitioners_id_number ON petitioners (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX petitioners_phone ON petitioners (phone) WHERE phone IS NOT NULL;
      CREATE INDEX petitioners_name ON petitioners (name, phone);

      CREATE TABLE petition_events (
        id TEXT PRIMARY KEY,
        petition_id TEXT NOT NULL REFERENCES petitions (id),
        kind TEXT NOT NULL CHECK (kind IN ('register', 'transition', 'repeat', 'extension', 'update')),
        action TEXT,
        from_status TEXT CHECK (from_status IN (${statusList})),
        to_status TEXT CHECK (to_status IN (${statusList})),
        unit_id TEXT REFERENCES units (id),
        reason TEXT NOT NULL DEFAULT '',
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_events_petition ON petition_events (petition_id, at, id);

      CREATE TABLE petition_progress (
        id TEXT PRIMARY KEY,
        petition_id TEXT NOT NULL REFERENCES petitions (id),
        date TEXT NOT NULL,
        content TEXT NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_progress_petition ON petition_progress (petition_id, date, id);

      CREATE TABLE petition_supervisions (
        id TEXT PRIMARY KEY,
        petition_id TEXT NOT NULL REFERENCES petitions (id),
        kind TEXT NOT NULL CHECK (kind IN ('interview', 'notice', 'listed')),
        reason TEXT NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_supervisions_petition ON petition_supervisions (petition_id, at);

      CREATE TABLE petition_closeouts (
        id TEXT PRIMARY KEY,
        petition_id TEXT NOT NULL REFERENCES petitions (id),
        approved_by TEXT NOT NULL REFERENCES users (id),
        evidence TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX petition_closeouts_petition ON petition_closeouts (petition_id, at);

      CREATE TABLE holidays (
        date TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE petitions_fts USING fts5 (
        petition_id UNINDEXED, summary, names, tokenize = 'trigram'
      );
      CREATE TRIGGER petitions_fts_insert AFTER INSERT ON petitions
      BEGIN
        INSERT INTO petitions_fts (petition_id, summary, names) VALUES (new.id, new.summary, '');
      END;
      CREATE TRIGGER petitions_fts_summary AFTER UPDATE OF summary ON petitions
      BEGIN
        UPDATE petitions_fts SET summary = new.summary WHERE petition_id = new.id;
      END;
      CREATE TRIGGER petitions_fts_delete AFTER DELETE ON petitions
      BEGIN
        DELETE FROM petitions_fts WHERE petition_id = old.id;
      END;
      CREATE TRIGGER petitioners_fts_insert AFTER INSERT ON petitioners
      BEGIN
        UPDATE petitions_fts SET names = (SELECT group_concat(name, ' ') FROM petitioners WHERE petition_id = new.petition_id)
          WHERE petition_id = new.petition_id;
      END;
      CREATE TRIGGER petitioners_fts_update AFTER UPDATE OF name, petition_id ON petitioners
      BEGIN
        UPDATE petitions_fts SET names = coalesce((SELECT group_concat(name, ' ') FROM petitioners WHERE petition_id = old.petition_id), '')
          WHERE petition_id = old.petition_id;
        UPDATE petitions_fts SET names = (SELECT group_concat(name, ' ') FROM petitioners WHERE petition_id = new.petition_id)
          WHERE petition_id = new.petition_id;
      END;
      CREATE TRIGGER petitioners_fts_delete AFTER DELETE ON petitioners
      BEGIN
        UPDATE petitions_fts SET names = coalesce((SELECT group_concat(name, ' ') FROM petitioners WHERE petition_id = old.petition_id), '')
          WHERE petition_id = old.petition_id;
      END;
    `);
    const addDay = db.prepare('INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?)');
    for (const entry of HOLIDAY_SEED_2026.holidays) addDay.run(entry.date, 'holiday', entry.name);
    for (const entry of HOLIDAY_SEED_2026.workdays) addDay.run(entry.date, 'workday', entry.name);
  },
};
