import {
  DISPUTE_CATEGORY_SEED,
  DISPUTE_CHANNELS,
  DISPUTE_RISK_COLOURS,
  DISPUTE_URGENCIES,
  PARTY_KINDS,
  PARTY_SIDES,
} from '../../../../shared/domain/disputes/intake';
import { COORDINATIONS, HANDLING_KINDS, LEGAL_PATHS } from '../../../../shared/domain/disputes/handling';
import { DISPUTE_LEVELS } from '../../../../shared/domain/disputes/levels';
import {
  CONVERSION_TARGETS,
  DISPUTE_RESULTS,
  DISPUTE_STATUSES,
  SATISFACTIONS,
} from '../../../../shared/domain/disputes/statuses';
// Unreleased so far, this migration reads its value lists from the domain. A migration that has
// shipped must never change: the first release freezes them into this file.
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The fourth ledger, disputes (矛盾纠纷多元化解), with the kernel's columns from the start:
 * - `disputes`: intake, routing, handling, result, follow-up visit and close-out, its level and
 *   whether it was ever moved up (`escalated`, the 上交率 counts it whatever followed);
 * - `dispute_parties`: persons (ID number and phone sealed, blind indexes for the repeat-party match)
 *   or organisations; `dispute_events` (its timeline), `dispute_transfers` (every move up or down
 *   with its reason), `dispute_units` (the units of a 协同 handling beside the lead),
 *   `dispute_links` (a repeat party or the same matter found at intake);
 * - `disputes_search`, its keyword index; `ledger_changes` takes the key `dispute` (a CHECK cannot
 *   be altered: the table is rebuilt with its rows and its index);
 * - the `dispute_category` dictionary, seeded with the 15 commonly counted types.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'disputes',
  up(db) {
    db.exec(`
      CREATE TABLE disputes (
        id TEXT PRIMARY KEY,
        dispute_no TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL CHECK (channel IN (${list(DISPUTE_CHANNELS)})),
        category TEXT NOT NULL,
        summary TEXT NOT NULL,
        received_on TEXT NOT NULL,
        township_code TEXT NOT NULL REFERENCES regions (code),
        village_code TEXT REFERENCES regions (code),
        grid_code TEXT REFERENCES regions (code),
        people_involved INTEGER CHECK (people_involved >= 0),
        amount_involved INTEGER CHECK (amount_involved >= 0),
        urgency TEXT NOT NULL CHECK (urgency IN (${list(DISPUTE_URGENCIES)})),
        risk_colour TEXT NOT NULL CHECK (risk_colour IN (${list(DISPUTE_RISK_COLOURS)})),
        level TEXT NOT NULL CHECK (level IN (${list(DISPUTE_LEVELS)})),
        escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN (${list(DISPUTE_STATUSES)})),
        result TEXT CHECK (result IN (${list(DISPUTE_RESULTS)})),
        handling_kind TEXT CHECK (handling_kind IN (${list(HANDLING_KINDS)})),
        unit_id TEXT REFERENCES units (id),
        legal_path TEXT CHECK (legal_path IN (${list(LEGAL_PATHS)})),
        coordination TEXT CHECK (coordination IN (${list(COORDINATIONS)})),
        mediator TEXT,
        agreement TEXT,
        judicial_confirmation INTEGER CHECK (judicial_confirmation IN (0, 1)),
        converted_to TEXT CHECK (converted_to IN (${list(CONVERSION_TARGETS)})),
        prevented_criminal INTEGER NOT NULL DEFAULT 0 CHECK (prevented_criminal IN (0, 1)),
        prevented_criminal_people INTEGER NOT NULL DEFAULT 0 CHECK (prevented_criminal_people >= 0),
        prevented_collective INTEGER NOT NULL DEFAULT 0 CHECK (prevented_collective IN (0, 1)),
        satisfaction TEXT CHECK (satisfaction IN (${list(SATISFACTIONS)})),
        visit_note TEXT,
        routed_on TEXT,
        due_date TEXT,
        result_on TEXT,
        visited_on TEXT,
        closed_on TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        voided_at TEXT,
        void_reason TEXT,
        import_id TEXT REFERENCES imports (id)
      ) STRICT;
      CREATE INDEX disputes_received ON disputes (received_on, id, voided_at);
      CREATE INDEX disputes_status_received ON disputes (status, received_on, id, voided_at);
      CREATE INDEX disputes_township ON disputes (township_code, received_on, voided_at);
      CREATE INDEX disputes_category ON disputes (category, received_on, voided_at);
      CREATE INDEX disputes_unit ON disputes (unit_id, received_on, voided_at);
      CREATE INDEX disputes_due ON disputes (due_date, voided_at) WHERE status IN ('routed', 'mediating');
      -- Intake's same-matter check: an open dispute of the same village (or township) and category.
      CREATE INDEX disputes_open_matter ON disputes (township_code, category, village_code, voided_at)
        WHERE status IN ('received', 'routed', 'mediating');
      CREATE INDEX disputes_voided ON disputes (voided_at, id) WHERE voided_at IS NOT NULL;

      CREATE TABLE dispute_parties (
        id TEXT PRIMARY KEY,
        dispute_id TEXT NOT NULL REFERENCES disputes (id),
        kind TEXT NOT NULL CHECK (kind IN (${list(PARTY_KINDS)})),
        side TEXT NOT NULL CHECK (side IN (${list(PARTY_SIDES)})),
        name TEXT NOT NULL,
        -- sealed (db/personal-cipher.ts); the blind indexes match a repeat party
        id_number TEXT,
        phone TEXT,
        id_number_bi TEXT,
        phone_bi TEXT,
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX dispute_parties_dispute ON dispute_parties (dispute_id, sort);
      CREATE INDEX dispute_parties_id_number_bi ON dispute_parties (id_number_bi) WHERE id_number_bi IS NOT NULL;

      CREATE TABLE dispute_events (
        id TEXT PRIMARY KEY,
        dispute_id TEXT NOT NULL REFERENCES disputes (id),
        action TEXT NOT NULL,
        from_status TEXT CHECK (from_status IN (${list(DISPUTE_STATUSES)})),
        to_status TEXT NOT NULL CHECK (to_status IN (${list(DISPUTE_STATUSES)})),
        note TEXT NOT NULL DEFAULT '',
        unit_id TEXT REFERENCES units (id),
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dispute_events_dispute ON dispute_events (dispute_id, at, id);

      CREATE TABLE dispute_transfers (
        id TEXT PRIMARY KEY,
        dispute_id TEXT NOT NULL REFERENCES disputes (id),
        from_level TEXT NOT NULL CHECK (from_level IN (${list(DISPUTE_LEVELS)})),
        to_level TEXT NOT NULL CHECK (to_level IN (${list(DISPUTE_LEVELS)})),
        direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
        reason TEXT NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dispute_transfers_dispute ON dispute_transfers (dispute_id, at);

      CREATE TABLE dispute_units (
        dispute_id TEXT NOT NULL REFERENCES disputes (id),
        unit_id TEXT NOT NULL REFERENCES units (id),
        PRIMARY KEY (dispute_id, unit_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dispute_links (
        dispute_id TEXT NOT NULL REFERENCES disputes (id),
        related_id TEXT NOT NULL REFERENCES disputes (id),
        reason TEXT NOT NULL CHECK (reason IN ('same_party', 'same_matter')),
        PRIMARY KEY (dispute_id, related_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dispute_links_related ON dispute_links (related_id);

      CREATE VIRTUAL TABLE disputes_search USING fts5 (dispute_no, summary, names, tokenize = 'trigram');

      CREATE TABLE ledger_changes_rebuilt (
        id TEXT PRIMARY KEY,
        ledger TEXT NOT NULL CHECK (ledger IN ('petition', 'hazard', 'assessment', 'dispute')),
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'void', 'restore', 'import')),
        -- JSON: [{ field, label, from, to }], personal values already masked
        fields TEXT NOT NULL DEFAULT '[]',
        reason TEXT NOT NULL DEFAULT '',
        by_user TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      INSERT INTO ledger_changes_rebuilt (id, ledger, record_id, kind, fields, reason, by_user, at)
        SELECT id, ledger, record_id, kind, fields, reason, by_user, at FROM ledger_changes;
      DROP TABLE ledger_changes;
      ALTER TABLE ledger_changes_rebuilt RENAME TO ledger_changes;
      CREATE INDEX ledger_changes_record ON ledger_changes (ledger, record_id, at, id);
    `);
    const sort = db.prepare('SELECT coalesce(max(sort), 0) + 1 FROM dictionaries').pluck().get() as number;
    db.prepare("INSERT INTO dictionaries (code, name, sort) VALUES ('dispute_category', '矛盾纠纷类别', ?)").run(sort);
    const addEntry = db.prepare(
      "INSERT INTO dict_entries (dict_code, code, label, sort) VALUES ('dispute_category', ?, ?, ?)",
    );
    DISPUTE_CATEGORY_SEED.forEach(([code, label], index) => addEntry.run(code, label, index + 1));
  },
};
