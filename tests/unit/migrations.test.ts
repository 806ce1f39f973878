import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyPragmas, openRaw, userVersion } from '../../electron/backend/db/connection';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/types';
import { installCipher, PersonalCipher } from '../../electron/backend/db/personal-cipher';
import { FIGURE_TALLIES } from '../../electron/backend/db/figure-tallies';
import { DAILY_SQL } from '../../electron/backend/features/reports/facts';
import { tempDir } from '../helpers/temp-dir';

function freshDb(dir: string) {
  const db = openRaw(join(dir, 'test.db'));
  applyPragmas(db);
  installCipher(db, new PersonalCipher(randomBytes(32)));
  return db;
}

const addNotes: Migration = {
  version: LATEST_VERSION + 1,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'),
};

const broken: Migration = {
  version: LATEST_VERSION + 1,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
    db.exec('INSERT INTO no_such_table VALUES (1)');
  },
};

describe('migration runner', () => {
  it('numbers migrations 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('takes a backup with the old data before migrating a file that holds data', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS);
    db.prepare("INSERT INTO regions (code, name, level) VALUES ('999901000000', '测试县', 'county')").run();

    const outcome = await migrate(db, join(dir, 'backups'), [...MIGRATIONS, addNotes]);
    expect(outcome.from).toBe(LATEST_VERSION);
    expect(outcome.to).toBe(LATEST_VERSION + 1);
    expect(outcome.backupFile).toMatch(new RegExp(`before-migration-v${LATEST_VERSION}\\.db$`));
    expect(existsSync(outcome.backupFile!)).toBe(true);

    const backup = new Database(outcome.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(backup.prepare('SELECT name FROM regions').pluck().all()).toEqual(['测试县']);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
    db.close();
  });

  it('rolls a failing migration back entirely, leaving the old version', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS);

    await expect(migrate(db, join(dir, 'backups'), [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
    expect(tables).toEqual([]);
    db.close();
  });
});

describe('migration 0001: reference data', () => {
  it('creates the reference tables and seeds the dictionaries', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 1));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['boundaries', 'dict_entries', 'dictionaries', 'people', 'regions', 'units']);
    const itemTypes = db
      .prepare("SELECT label FROM dict_entries WHERE dict_code = 'petition_item_type' ORDER BY sort")
      .pluck()
      .all();
    expect(itemTypes).toEqual(['建议意见', '检举控告', '申诉求决']);
    expect(() =>
      db.prepare("INSERT INTO regions (code, name, level) VALUES ('999901000000', '县', 'province')").run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO regions (code, name, level, parent_code) VALUES ('999901001000', '镇', 'township', 'nope')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 0003: petitions', () => {
  async function migrated() {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 3));
    db.exec(`
      INSERT INTO regions (code, name, level) VALUES ('999901001000', '东镇', 'township');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
    `);
    return db;
  }
  const insertCase = (caseNo: string, extra = "'found'") =>
    `INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date, received_date, status,
       created_by, created_at, updated_at)
     VALUES ('${caseNo}', '${caseNo}', '999901001000', '拖欠工资问题反映', '2026-01-05', '2026-01-05', ${extra},
       'u1', 't', 't')`;

  it('creates STRICT tables, seeds the 2026 calendar and refuses a status the domain does not know', async () => {
    const db = await migrated();
    const strict = db
      .prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name LIKE 'petition%' ORDER BY name")
      .pluck()
      .all();
    expect(strict).toEqual([
      'petition_closeouts',
      'petition_events',
      'petition_progress',
      'petition_supervisions',
      'petitioners',
      'petitions',
    ]);
    expect(db.prepare("SELECT name FROM holidays WHERE date = '2026-10-01'").pluck().get()).toBe('国庆节');
    expect(db.prepare("SELECT kind FROM holidays WHERE date = '2026-02-28'").pluck().get()).toBe('workday');
    expect(() => db.exec(insertCase('XF2026-000001', "'pending'"))).toThrow(/CHECK constraint/);
    db.exec(insertCase('XF2026-000001'));
    expect(() => db.exec(insertCase('XF2026-000001'))).toThrow(/UNIQUE/);
    db.close();
  });

  it('keeps the trigram index in step with the summary and the petitioners’ names', async () => {
    const db = await migrated();
    db.exec(insertCase('XF2026-000001'));
    db.exec("INSERT INTO petitioners (id, petition_id, name) VALUES ('p1', 'XF2026-000001', '欧阳明华')");
    const match = (q: string) =>
      db.prepare('SELECT petition_id FROM petitions_fts WHERE petitions_fts MATCH ?').pluck().all(`"${q}"`);
    expect(match('欧阳明')).toEqual(['XF2026-000001']);
    expect(match('拖欠工资')).toEqual(['XF2026-000001']);
    db.exec("UPDATE petitions SET summary = '征地补偿未到位' WHERE id = 'XF2026-000001'");
    expect(match('拖欠工资')).toEqual([]);
    expect(match('补偿未')).toEqual(['XF2026-000001']);
    db.exec("DELETE FROM petitioners WHERE id = 'p1'");
    expect(match('欧阳明')).toEqual([]);
    db.close();
  });
});

describe('migration 0007: stability assessments', () => {
  it('creates STRICT tables that refuse a status, level or decision the domain does not know, and an unknown township', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 7));
    expect(userVersion(db)).toBe(7);
    db.exec(`
      INSERT INTO regions (code, name, level) VALUES ('999901001000', '东镇', 'township');
      INSERT INTO units (id, code, name, kind) VALUES ('unit1', 'U1', '东镇人民政府', 'township_government');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
    `);
    const strict = db
      .prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name LIKE 'assessment%' ORDER BY name")
      .pluck()
      .all();
    expect(strict).toEqual([
      'assessment_consultations',
      'assessment_events',
      'assessment_findings',
      'assessment_re_reviews',
      'assessment_risks',
      'assessment_townships',
      'assessments',
    ]);
    const insert = (id: string, status = 'registered', level = 'NULL', decision = 'NULL') =>
      db.exec(`INSERT INTO assessments (id, assessment_no, matter, matter_type, proposing_unit_id, registered_on,
          status, risk_level_after, decision, created_by, created_at, updated_at)
        VALUES ('${id}', '${id}', '棚户区改造', 'project', 'unit1', '2026-11-01', '${status}', ${level}, ${decision},
          'u1', 't', 't')`);
    insert('WP2026-0001', 'tracking', "'low'", "'implement'");
    expect(() => insert('WP2026-0002', 'approved')).toThrow(/CHECK constraint/);
    expect(() => insert('WP2026-0003', 'decided', "'severe'")).toThrow(/CHECK constraint/);
    expect(() => insert('WP2026-0004', 'decided', "'low'", "'maybe'")).toThrow(/CHECK constraint/);
    expect(() => insert('WP2026-0001')).toThrow(/UNIQUE/);
    expect(() =>
      db.exec("INSERT INTO assessment_townships (assessment_id, township_code) VALUES ('WP2026-0001', '999901009000')"),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 0010: the board', () => {
  it('fills the board’s tallies and alerts from the ledgers as they stand, then keeps them by triggers', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 9));
    db.exec(`
      INSERT INTO regions (code, name, level) VALUES ('999901001000', '东镇', 'township');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO hazards (id, hazard_no, title, category, source, level, status, found_on, township_code,
          level_changed_on, created_by, created_at, updated_at) VALUES
        ('h1', 'FX1', '甲', 'wage_arrears', 'grid', 'red', 'found', '2026-11-01', '999901001000', '2026-11-01', 'u1',
          '2026-11-01T01:00:00.000Z', 't'),
        ('h2', 'FX2', '乙', 'wage_arrears', 'grid', 'orange', 'resolving', '2026-11-02', '999901001000', '2026-11-03', 'u1',
          '2026-11-02T01:00:00.000Z', 't'),
        ('h3', 'FX3', '丙', 'pollution', 'grid', 'blue', 'closed', '2026-11-02', '999901001000', '2026-11-02', 'u1',
          '2026-11-02T02:00:00.000Z', 't');
      INSERT INTO hazard_level_changes (id, hazard_id, from_level, to_level, changed_on, reason, by_user, at)
        VALUES ('c1', 'h2', 'yellow', 'orange', '2026-11-03', '升级', 'u1', '2026-11-03T01:00:00.000Z');
      INSERT INTO petitions (id, case_no, category, township_code, summary, first_petition_date, received_date, status,
          created_by, created_at, updated_at) VALUES
        ('p1', 'XF1', 'environment', '999901001000', '诉求', '2026-11-01', '2026-11-01', 'found', 'u1', 't', '2026-11-01T03:00:00.000Z'),
        ('p2', 'XF2', NULL, '999901001000', '诉求', '2026-11-01', '2026-11-01', 'closed', 'u1', 't', 't');
      INSERT INTO petitioners (id, petition_id, name) VALUES ('a', 'p1', '一'), ('b', 'p1', '二'), ('c', 'p1', '三'),
        ('d', 'p1', '四'), ('e', 'p1', '五');
    `);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 10));
    expect(userVersion(db)).toBe(10);
    const tallies = () => ({
      hazards: db.prepare('SELECT level, category, open FROM board_hazard_tallies WHERE open != 0 ORDER BY 1').all(),
      cases: db.prepare('SELECT category, open FROM board_case_categories WHERE open != 0').all(),
      alerts: db.prepare('SELECT kind, source_id AS id, level FROM board_alerts ORDER BY at, id').all(),
    });
    // h2 was found yellow: its alert is the raise, not its finding.
    expect(tallies()).toEqual({
      hazards: [
        { level: 'orange', category: 'wage_arrears', open: 1 },
        { level: 'red', category: 'wage_arrears', open: 1 },
      ],
      cases: [{ category: 'environment', open: 1 }],
      alerts: [
        { kind: 'hazard_found', id: 'h1', level: 'red' },
        { kind: 'collective_petition', id: 'p1', level: null },
        { kind: 'hazard_raised', id: 'h2', level: 'orange' },
      ],
    });
    db.exec(`
      UPDATE hazards SET status = 'resolved' WHERE id = 'h1';
      UPDATE hazards SET category = 'pollution' WHERE id = 'h2';
      UPDATE petitions SET status = 'resolved' WHERE id = 'p1';
      INSERT INTO petitioners (id, petition_id, name) VALUES ('f', 'p1', '六');
    `);
    expect(tallies()).toMatchObject({
      hazards: [{ level: 'orange', category: 'pollution', open: 1 }],
      cases: [],
      alerts: { length: 3 },
    });
    expect(() => db.exec("INSERT INTO duty_roster (date, role, name) VALUES ('2026-11-22', 'chief', '某')")).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });
});

describe('migration 0011: the daily report’s speed', () => {
  it('lets every statement of the daily facts read the large tables through an index, never a full scan', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS);
    const params = { date: '2026-11-20', soon: '2026-11-23', dayStart: 'a', dayEnd: 'b' };
    const fullScan = /^SCAN (petitions|hazards|risk_tasks|hazard_level_changes|hazard_notes)$/;
    for (const text of DAILY_SQL) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(params) as Array<{ detail: string }>).map(
        (row) => row.detail,
      );
      expect(plan.filter((detail) => fullScan.test(detail))).toEqual([]);
    }
    db.close();
  });
});

describe('migration 0012: versions, voiding and the kernel’s change log', () => {
  it('gives every record version 1, and takes a voided record out of the tallies and partial indexes', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 11));
    db.exec(`
      INSERT INTO regions (code, name, level) VALUES ('999901001000', '东镇', 'township');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO hazards (id, hazard_no, title, category, source, level, status, found_on, township_code, lng, lat,
          level_changed_on, created_by, created_at, updated_at) VALUES
        ('h1', 'FX1', '甲', 'wage_arrears', 'grid', 'red', 'found', '2026-11-01', '999901001000', 113.2, 34.6,
          '2026-11-01', 'u1', 't', 't');
      INSERT INTO petitions (id, case_no, category, township_code, summary, first_petition_date, received_date, status,
          due_date, created_by, created_at, updated_at) VALUES
        ('p1', 'XF1', 'environment', '999901001000', '诉求', '2026-11-01', '2026-11-01', 'assigned', '2026-11-10',
          'u1', 't', 't');
    `);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 12));
    expect(userVersion(db)).toBe(12);
    expect(db.prepare('SELECT version, voided_at FROM petitions').get()).toEqual({ version: 1, voided_at: null });
    const counts = () => ({
      cases: (db.prepare('SELECT sum(cases) AS n FROM petition_tallies').get() as { n: number }).n,
      categories: (db.prepare('SELECT sum(open) AS n FROM board_case_categories').get() as { n: number }).n,
      hazards: (db.prepare('SELECT sum(open) AS n FROM board_hazard_tallies').get() as { n: number }).n,
      overdue: (
        db
          .prepare(
            `SELECT count(*) AS n FROM petitions INDEXED BY petitions_open_due
             WHERE status NOT IN ('resolved', 'closed') AND due_date IS NOT NULL AND voided_at IS NULL`,
          )
          .get() as { n: number }
      ).n,
    });
    expect(counts()).toEqual({ cases: 1, categories: 1, hazards: 1, overdue: 1 });
    db.exec("UPDATE petitions SET voided_at = 't' WHERE id = 'p1'; UPDATE hazards SET voided_at = 't' WHERE id = 'h1'");
    expect(counts()).toEqual({ cases: 0, categories: 0, hazards: 0, overdue: 0 });
    db.exec(
      "UPDATE petitions SET voided_at = NULL WHERE id = 'p1'; UPDATE hazards SET voided_at = NULL WHERE id = 'h1'",
    );
    expect(counts()).toEqual({ cases: 1, categories: 1, hazards: 1, overdue: 1 });
    // A count that forgets the voided records cannot use the partial index meant for it.
    expect(() =>
      db.prepare("SELECT count(*) FROM petitions INDEXED BY petitions_open_due WHERE status = 'assigned'").get(),
    ).toThrow(/no query solution/);
    expect(() =>
      db.exec(
        "INSERT INTO ledger_changes (id, ledger, record_id, kind, by_user, at) VALUES ('c', 'x', 'p1', 'edit', 'u1', 't')",
      ),
    ).toThrow(/CHECK constraint/);
    db.close();
  });

  it('ends every index of a ledger with voided_at, and keeps no index of the live rows alone', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS);
    const indexes = db
      .prepare(
        `SELECT i.tbl_name AS ledger, i.name, i.sql FROM sqlite_schema i WHERE i.type = 'index' AND i.sql IS NOT NULL
          AND i.tbl_name IN ('petitions', 'hazards', 'assessments') AND i.name != i.tbl_name || '_voided'`,
      )
      .all() as Array<{ ledger: string; name: string; sql: string }>;
    expect(indexes.length).toBeGreaterThan(30);
    const lastColumn = (name: string) =>
      (db.prepare(`PRAGMA index_info(${name})`).all() as Array<{ name: string | null }>).at(-1)!.name;
    expect(indexes.filter((index) => lastColumn(index.name) !== 'voided_at').map((index) => index.name)).toEqual([]);
    // Such an index would lure a query reading every live row (a list sorted by an unindexed column).
    expect(indexes.filter((index) => /WHERE voided_at IS NULL$/.test(index.sql)).map((index) => index.name)).toEqual(
      [],
    );
    db.close();
  });
});

describe('migration 0014: ledgers imported from Excel', () => {
  it('keeps the change log with its rows and index while letting it take 导入, and files records under an import', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 13));
    db.exec(`
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO ledger_changes (id, ledger, record_id, kind, fields, reason, by_user, at)
        VALUES ('c1', 'petition', 'p1', 'void', '[]', '重复录入', 'u1', '2026-11-01T00:00:00Z');
      INSERT INTO imports (id, kind, file_name, sha256, sheet, rows, creates, updates, by_user, at, county_date)
        VALUES ('i1', 'units', 'a.xlsx', 'x', 's', 1, 1, 0, 'u1', 't', '2026-11-01');
      INSERT INTO import_records (import_id, record_key) VALUES ('i1', 'U01');
    `);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 14));
    expect(userVersion(db)).toBe(14);
    expect(db.prepare('SELECT id, kind, reason FROM ledger_changes').all()).toEqual([
      { id: 'c1', kind: 'void', reason: '重复录入' },
    ]);
    db.exec(`INSERT INTO ledger_changes (id, ledger, record_id, kind, reason, by_user, at)
      VALUES ('c2', 'hazard', 'h1', 'import', '从“a.xlsx”第 2 行导入', 'u1', 't')`);
    expect(() =>
      db.exec(
        "INSERT INTO ledger_changes (id, ledger, record_id, kind, by_user, at) VALUES ('c3', 'petition', 'p1', 'x', 'u1', 't')",
      ),
    ).toThrow(/CHECK constraint/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM ledger_changes WHERE ledger = 'petition' AND record_id = 'p1' ORDER BY at",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('ledger_changes_record');
    expect(db.prepare('SELECT entity FROM import_records').get()).toEqual({ entity: 'record' });
    for (const table of ['petitions', 'hazards', 'assessments']) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      expect(columns.map((c) => c.name)).toContain('import_id');
    }
    db.close();
  });
});

describe('migration 0015: the views gathered per method', () => {
  it('keeps older consultations with their counts and their views unknown, never guessed', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 14));
    db.exec(`
      INSERT INTO units (id, code, name, kind) VALUES ('n1', 'N1', '东镇人民政府', 'township_government');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO assessments (id, assessment_no, matter, matter_type, proposing_unit_id, registered_on, status,
          created_by, created_at, updated_at)
        VALUES ('a1', 'WP1', '老街改造', 'project', 'n1', '2026-11-01', 'assessing', 'u1', 't', 't');
      INSERT INTO assessment_consultations (assessment_id, method, count, participants) VALUES ('a1', 'forum', 2, 40);
    `);
    await migrate(db, join(dir, 'backups'));
    expect(db.prepare('SELECT * FROM assessment_consultations').all()).toEqual([
      {
        assessment_id: 'a1',
        method: 'forum',
        count: 2,
        participants: 40,
        supporters: null,
        opponents: null,
        neutrals: null,
      },
    ]);
    expect(() =>
      db.prepare("UPDATE assessment_consultations SET opponents = -1 WHERE assessment_id = 'a1'").run(),
    ).toThrow(/CHECK constraint failed/);
  });
});

describe('migration 0016: attachments of every ledger, the emergency plan as a document', () => {
  it('keeps every attachment and close-out citation of a version-15 file, and turns a plan’s yes into a summary', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 15));
    const sha = '0'.repeat(64);
    db.exec(`
      INSERT INTO regions (code, name, level, parent_code) VALUES ('999901000000', '测试县', 'county', NULL);
      INSERT INTO regions (code, name, level, parent_code) VALUES ('999901001000', '东镇', 'township', '999901000000');
      INSERT INTO units (id, code, name, kind) VALUES ('n1', 'N1', '东镇人民政府', 'township_government');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date, received_date, status,
          created_by, created_at, updated_at)
        VALUES ('p1', 'XF2026-000001', '999901001000', '讨薪', '2026-10-01', '2026-10-02', 'closed', 'u1', 't', 't');
      INSERT INTO attachments (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
          uploaded_by, uploaded_at)
        VALUES ('f1', 'petition', 'p1', 'material', '材料.pdf', 'application/pdf', 10, '${sha}', 'ab/f1', 'u1', 't1'),
               ('f2', 'petition', 'p1', 'evidence', '协议.pdf', 'application/pdf', 20, '${sha}', 'ab/f2', 'u1', 't2');
      INSERT INTO petition_closeouts (id, petition_id, approved_by, evidence, at) VALUES ('c1', 'p1', 'u1', '协议', 't');
      INSERT INTO petition_closeout_attachments (closeout_id, attachment_id) VALUES ('c1', 'f2');
      INSERT INTO assessments (id, assessment_no, matter, matter_type, proposing_unit_id, registered_on, status,
          has_emergency_plan, created_by, created_at, updated_at)
        VALUES ('a1', 'WP1', '老街改造', 'project', 'n1', '2026-11-01', 'assessing', 1, 'u1', 't', 't'),
               ('a2', 'WP2', '新桥', 'project', 'n1', '2026-11-01', 'assessing', 0, 'u1', 't', 't');
    `);
    const before = db.prepare('SELECT * FROM attachments ORDER BY id').all();
    await migrate(db, join(dir, 'backups'));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT * FROM attachments ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT * FROM petition_closeout_attachments').all()).toEqual([
      { closeout_id: 'c1', attachment_id: 'f2' },
    ]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(
      db
        .prepare('SELECT id, emergency_plan_summary, emergency_plan_on, emergency_plan_attachment_id FROM assessments')
        .all(),
    ).toEqual([
      {
        id: 'a1',
        emergency_plan_summary: '预案已制定（迁移前未上传文件）',
        emergency_plan_on: null,
        emergency_plan_attachment_id: null,
      },
      { id: 'a2', emergency_plan_summary: null, emergency_plan_on: null, emergency_plan_attachment_id: null },
    ]);
    const columns = db.prepare('PRAGMA table_info(assessments)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('has_emergency_plan');
    const insert = (id: string, entity: string, purpose: string) =>
      db.exec(`INSERT INTO attachments (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
        uploaded_by, uploaded_at) VALUES ('${id}', '${entity}', 'a1', '${purpose}', 'a.pdf', 'application/pdf', 10,
        '${sha}', 'ab/${id}', 'u1', 't')`);
    insert('f3', 'assessment', 'emergency_plan');
    expect(() => insert('f4', 'hazard', 'material')).toThrow(/CHECK constraint/);
    expect(() => insert('f5', 'assessment', 'receipt')).toThrow(/CHECK constraint/);
    expect(() =>
      db.exec("INSERT INTO petition_closeout_attachments (closeout_id, attachment_id) VALUES ('c1', 'nope')"),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("UPDATE assessments SET emergency_plan_attachment_id = 'nope' WHERE id = 'a2'")).toThrow(
      /FOREIGN KEY/,
    );
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM attachments WHERE entity = 'petition' AND entity_id = 'p1'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('attachments_entity');
    db.close();
  });
});

describe('migration 0026: disputes’ files and the links between ledgers', () => {
  it('widens the attachments’ lists in place, keeping every row and citation, and adds record_links', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 25));
    const sha = '0'.repeat(64);
    db.exec(`
      INSERT INTO regions (code, name, level, parent_code) VALUES ('999901000000', '测试县', 'county', NULL);
      INSERT INTO regions (code, name, level, parent_code) VALUES ('999901001000', '东镇', 'township', '999901000000');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date, received_date, status,
          created_by, created_at, updated_at)
        VALUES ('p1', 'XF2026-000001', '999901001000', '讨薪', '2026-10-01', '2026-10-02', 'closed', 'u1', 't', 't');
      INSERT INTO attachments (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
          uploaded_by, uploaded_at)
        VALUES ('f1', 'petition', 'p1', 'evidence', '协议.pdf', 'application/pdf', 20, '${sha}', 'ab/f1', 'u1', 't1');
      INSERT INTO petition_closeouts (id, petition_id, approved_by, evidence, at) VALUES ('c1', 'p1', 'u1', '协议', 't');
      INSERT INTO petition_closeout_attachments (closeout_id, attachment_id) VALUES ('c1', 'f1');
    `);
    const before = db.prepare('SELECT * FROM attachments').all();
    await migrate(db, join(dir, 'backups'));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT * FROM attachments').all()).toEqual(before);
    expect(db.prepare('SELECT * FROM petition_closeout_attachments').all()).toEqual([
      { closeout_id: 'c1', attachment_id: 'f1' },
    ]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    const insert = (id: string, entity: string, purpose: string) =>
      db.exec(`INSERT INTO attachments (id, entity, entity_id, purpose, file_name, mime, size, sha256, stored_name,
        uploaded_by, uploaded_at) VALUES ('${id}', '${entity}', 'd1', '${purpose}', 'a.pdf', 'application/pdf', 10,
        '${sha}', 'ab/${id}', 'u1', 't')`);
    insert('f2', 'dispute', 'agreement');
    expect(() => insert('f3', 'hazard', 'material')).toThrow(/CHECK constraint/);
    expect(() => insert('f4', 'dispute', 'receipt')).toThrow(/CHECK constraint/);
    db.exec(`INSERT INTO record_links (id, from_ledger, from_id, to_ledger, to_id, kind, by_user, at)
      VALUES ('l1', 'dispute', 'd1', 'petition', 'p1', 'converted', 'u1', 't')`);
    expect(() =>
      db.exec(`INSERT INTO record_links (id, from_ledger, from_id, to_ledger, to_id, kind, by_user, at)
        VALUES ('l2', 'dispute', 'd1', 'meeting', 'p1', 'converted', 'u1', 't')`),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});

describe('migration 0017: the procedure on every case', () => {
  it('gives existing cases in every status their acceptance, reply and Art. 34 dates, and recounts the tallies', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(db, join(dir, 'backups'), MIGRATIONS.slice(0, 15));
    const cases = [
      // id, status, item type, assigned, due, extension, resolved, closed
      ['p1', 'found', null, null, null, null, null, null],
      ['p2', 'classified', 'appeal', null, null, null, null, null],
      ['p3', 'assigned', 'appeal', '2026-10-05', '2027-12-31', null, null, null],
      ['p4', 'resolving', 'appeal', '2026-10-05', '2026-12-10', 20, null, null],
      ['p5', 'resolved', 'suggestion', '2026-10-05', '2026-11-30', null, '2026-11-10', null],
      ['p6', 'closed', 'appeal', '2026-10-05', '2026-11-30', null, '2026-11-12', '2026-11-15'],
    ] as const;
    db.exec(`
      INSERT INTO regions (code, name, level) VALUES ('999901001000', '东镇', 'township');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
    `);
    const insert = db.prepare(`INSERT INTO petitions (id, case_no, item_type, category, township_code, summary,
        first_petition_date, received_date, status, assigned_date, due_date, extension_days, resolved_date,
        closed_date, leader_id, created_by, created_at, updated_at)
      VALUES (?, ?, ?, 'environment', '999901001000', '诉求', '2026-10-01', '2026-10-01', ?, ?, ?, ?, ?, ?, NULL,
        'u1', 't', 't')`);
    for (const [id, status, type, assigned, due, ext, resolved, closed] of cases) {
      insert.run(id, `XF-${id}`, type, status, assigned, due, ext, resolved, closed);
    }
    expect(() => db.prepare("UPDATE petitions SET status = 'final' WHERE id = 'p1'").run()).toThrow(/CHECK/);

    await migrate(db, join(dir, 'backups'));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(
      db
        .prepare('SELECT id, accepted_date, reply_date, reply_kind, conclusion_due_date FROM petitions ORDER BY id')
        .raw()
        .all(),
    ).toEqual([
      ['p1', null, null, null, null],
      ['p2', null, null, null, null],
      // Accepted on receipt, the earliest the law allows: Art. 34 runs 60 days from 2026-10-01.
      ['p3', '2026-10-01', null, null, '2026-11-30'],
      ['p4', '2026-10-01', null, null, '2026-12-20'],
      // Resolved history: replied on the resolution day, the kind unknown; no Art. 34 for a suggestion.
      ['p5', '2026-10-01', '2026-11-10', null, null],
      ['p6', '2026-10-01', '2026-11-12', null, '2026-11-30'],
    ]);
    // The widened CHECK takes the procedure's statuses and still refuses an unknown one.
    db.prepare("UPDATE petitions SET status = 'final' WHERE id = 'p1'").run();
    db.prepare("UPDATE petitions SET status = 'found' WHERE id = 'p1'").run();
    expect(() => db.prepare("UPDATE petitions SET status = 'bogus' WHERE id = 'p1'").run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const tallies = db
      .prepare(
        'SELECT sum(cases) AS cases, sum(concluded) AS concluded, sum(resolved) AS resolved, sum(on_time) AS on_time, sum(open_due) AS open_due FROM petition_tallies',
      )
      .get();
    // Concluded: p5 and p6 (replied); on time: both replied by their dates; open with a due date: p3, p4.
    expect(tallies).toEqual({ cases: 6, concluded: 2, resolved: 2, on_time: 2, open_due: 2 });
    expect(db.prepare('SELECT sum(open) AS n FROM board_case_categories').get()).toEqual({ n: 4 });
    const overdue = db
      .prepare(
        `SELECT count(*) AS n FROM petitions INDEXED BY petitions_open_due
         WHERE status IN ('found', 'classified', 'accepted', 'assigned', 'resolving') AND due_date IS NOT NULL
           AND voided_at IS NULL`,
      )
      .get();
    expect(overdue).toEqual({ n: 2 });

    // A fresh database given the same cases through its triggers keeps the same tallies (0017, 0018).
    const freshDir = tempDir();
    const fresh = freshDb(freshDir);
    await migrate(fresh, join(freshDir, 'backups'));
    fresh.exec(`ATTACH '${join(dir, 'test.db')}' AS old;
      INSERT INTO regions SELECT * FROM old.regions; INSERT INTO users SELECT * FROM old.users;
      INSERT INTO petitions SELECT * FROM old.petitions; DETACH old;`);
    const tables = ['petition_tallies', 'board_case_categories', ...FIGURE_TALLIES.map((t) => t.table)];
    const rows = (of: Database.Database) =>
      tables.map((table) => [table, of.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all()]);
    expect(rows(fresh)).toEqual(rows(db));
    // Six received on 1 October; p5 and p6 resolved, and replied, on their resolution days.
    expect(
      db
        .prepare('SELECT day, township_code, received, resolved, concluded FROM petition_day_tallies ORDER BY 1')
        .raw()
        .all(),
    ).toEqual([
      ['2026-10-01', '999901001000', 6, 0, 0],
      ['2026-11-10', '999901001000', 0, 1, 1],
      ['2026-11-12', '999901001000', 0, 1, 1],
    ]);
    fresh.close();
    db.close();
  });
});

describe('migration 0027: notices of disputes', () => {
  it('keeps the notices and their read states while letting a notice name a dispute', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    const before = MIGRATIONS.filter((m) => m.version < 27);
    await migrate(db, join(dir, 'backups'), before);
    db.exec(`
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
      INSERT INTO notifications (id, kind, ledger, record_id, record_no, user_id, text, due_date, created_at)
        VALUES ('n1', 'overdue', 'petition', 'p1', 'XF2026-000001', 'u1', '已超期', '2026-11-20', 't');
      INSERT INTO notification_reads (user_id, notification_id, read_at) VALUES ('u1', 'n1', 't');
    `);
    await migrate(
      db,
      join(dir, 'backups'),
      MIGRATIONS.filter((m) => m.version <= 27),
    );
    expect(userVersion(db)).toBe(27);
    expect(db.prepare('SELECT id, ledger, due_date FROM notifications').all()).toEqual([
      { id: 'n1', ledger: 'petition', due_date: '2026-11-20' },
    ]);
    expect(db.prepare('SELECT notification_id FROM notification_reads').pluck().all()).toEqual(['n1']);
    expect(db.prepare('PRAGMA foreign_key_list(notification_reads)').all()).toContainEqual(
      expect.objectContaining({ table: 'notifications', from: 'notification_id' }),
    );
    db.exec(`INSERT INTO notifications (id, kind, ledger, record_id, record_no, user_id, text, due_date, created_at)
      VALUES ('n2', 'overdue', 'dispute', 'd1', 'JF2026-000001', 'u1', '已超期', '2026-11-20', 't')`);
    // The deadline index still refuses a second notice of the same record, kind and due date.
    expect(() =>
      db.exec(`INSERT INTO notifications (id, kind, ledger, record_id, record_no, user_id, text, due_date, created_at)
        VALUES ('n3', 'overdue', 'dispute', 'd1', 'JF2026-000001', 'u1', '已超期', '2026-11-20', 't')`),
    ).toThrow(/UNIQUE/);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});

describe('migration 0028: the disputes’ figure tallies', () => {
  it('counts the disputes already held, voided ones left out, and keeps counting by its triggers', async () => {
    const dir = tempDir();
    const db = freshDb(dir);
    await migrate(
      db,
      join(dir, 'backups'),
      MIGRATIONS.filter((m) => m.version < 28),
    );
    db.exec(`
      INSERT INTO regions (code, name, level) VALUES ('999901001000', '东镇', 'township');
      INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
        VALUES ('u1', 'u1', '用户', 'x', 't', 't', 't');
    `);
    const insert = db.prepare(`INSERT INTO disputes (id, dispute_no, channel, category, summary, received_on,
        township_code, urgency, risk_colour, level, status, result, satisfaction, prevented_criminal,
        prevented_criminal_people, voided_at, created_by, created_at, updated_at)
      VALUES (?, ?, 'visit', 'neighbour', '纠纷', ?, '999901001000', 'normal', 'blue', 'village', ?, ?, ?, ?, ?, ?,
        'u1', 't', 't')`);
    insert.run('d1', 'JF2026-000001', '2026-10-01', 'received', null, null, 0, 0, null);
    insert.run('d2', 'JF2026-000002', '2026-10-02', 'visited', 'settled', 'satisfied', 1, 3, null);
    insert.run('d3', 'JF2026-000003', '2026-11-05', 'unsettled', 'unsettled', null, 0, 0, null);
    insert.run('d4', 'JF2026-000004', '2026-11-06', 'settled', 'settled', null, 0, 0, 't');

    await migrate(db, join(dir, 'backups'));
    expect(userVersion(db)).toBe(LATEST_VERSION);
    const totals = `SELECT sum(accepted) AS accepted, sum(settled) AS settled, sum(concluded) AS concluded,
      sum(visited) AS visited, sum(satisfied) AS satisfied, sum(prevented_criminal) AS pc,
      sum(prevented_criminal_people) AS people`;
    expect(db.prepare(`${totals} FROM dispute_figure_tallies`).get()).toEqual({
      accepted: 3,
      settled: 1,
      concluded: 2,
      visited: 1,
      satisfied: 1,
      pc: 1,
      people: 3,
    });
    expect(
      db.prepare('SELECT received_month, accepted, settled FROM dispute_month_tallies ORDER BY 1').raw().all(),
    ).toEqual([
      ['2026-10', 2, 1],
      ['2026-11', 1, 0],
    ]);
    expect(db.prepare('SELECT received_on, accepted FROM dispute_day_tallies ORDER BY 1').raw().all()).toEqual([
      ['2026-10-01', 1],
      ['2026-10-02', 1],
      ['2026-11-05', 1],
    ]);
    // Restored, the voided one counts again, in its day and month.
    db.exec("UPDATE disputes SET voided_at = NULL WHERE id = 'd4'");
    expect(db.prepare(`${totals} FROM dispute_month_tallies WHERE received_month = '2026-11'`).get()).toMatchObject({
      accepted: 2,
      settled: 1,
      concluded: 2,
    });
    db.close();
  });
});
