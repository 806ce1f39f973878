import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { openDatabase } from '../../electron/backend/db/database';
import { searchableText } from '../../electron/backend/db/search-text';
import { Sql } from '../../electron/backend/db/sql';
import { ledgers } from '../../electron/backend/api/ledgers';
import { loadDemoCounty } from '../../electron/backend/demo';
import { DEMO_PETITION_COUNTS } from '../../electron/backend/demo/petitions';
import { signInAdmin, signInAs, testBackend } from '../helpers/backend';
import {
  DEMO_OPTIONS,
  DEMO_TODAY,
  demoBackend,
  demoQueries,
  demoRows,
  loadedDemoBackend,
  readOnly,
} from '../helpers/demo';
import { TALLIES_BY_TRIGGERS, TALLIES_RECOUNTED } from '../helpers/petitions';
import { tempDir } from '../helpers/temp-dir';

const TABLES = [
  'petitions',
  'petitioners',
  'petition_events',
  'petition_progress',
  'petition_supervisions',
  'petition_closeouts',
] as const;
/** Columns naming the account that loaded the demo: differs between databases. */
const USER_COLUMNS = ['created_by', 'by_user', 'approved_by'];

/** Every backlog table's rows by id, without the loading account. */
const backlog = (backend: Backend) => demoRows(backend, TABLES, USER_COLUMNS);

describe('the demo petition backlog', () => {
  let backend: Backend;
  let admin: CallContext;
  const { all, one } = demoQueries(() => backend);

  // Each test gets its own copy of the demo database, loaded once for the file (seconds on a busy machine).
  beforeEach(async () => {
    ({ backend, admin } = await demoBackend());
  }, 60_000);

  // Two more demo loads afresh: seconds on a busy machine.
  it('is the same, row for row, for the same seed, and different for another', { timeout: 60_000 }, async () => {
    const again = await loadedDemoBackend();
    expect(backlog(again.backend)).toStrictEqual(backlog(backend));
    const other = await loadedDemoBackend({ scale: 'small', seed: 7 });
    expect(backlog(other.backend).petitions).not.toStrictEqual(backlog(backend).petitions);
  });

  it('has the small scale’s counts, spread over the whole loop, with nothing broken', () => {
    expect(DEMO_PETITION_COUNTS).toStrictEqual({ small: 300, large: 100_000 });
    expect(one('SELECT count(*) FROM petitions')).toBe(300);
    const petitioners = one('SELECT count(*) FROM petitioners') as number;
    expect(petitioners).toBeGreaterThan(330);
    expect(petitioners).toBeLessThan(600);
    const progress = one('SELECT count(*) FROM petition_progress') as number;
    expect(progress).toBeGreaterThan(2000);
    expect(progress).toBeLessThan(5000);
    expect(one('SELECT count(*) FROM petition_events')).toBeGreaterThan(1000);
    expect(one('SELECT count(*) FROM petition_supervisions')).toBeGreaterThan(0);
    const byStatus = new Map(
      all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM petitions GROUP BY status').map((r) => [
        r.status,
        r.n,
      ]),
    );
    // The demo's cases run the loop without 受理 apart, 复查 or 复核: reply and resolution fall on one day.
    for (const status of ['found', 'classified', 'assigned', 'resolving', 'resolved', 'closed'])
      expect(byStatus.get(status), status).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM petitions WHERE status IN ('resolved', 'closed') AND reply_date IS NULL")).toBe(0);
    expect(byStatus.get('closed')).toBeLessThan(250);
    expect(readOnly(backend, (db) => db.pragma('foreign_key_check'))).toStrictEqual([]);
    // Spread: every township, every category, every item type, repeats and higher levels.
    expect(one('SELECT count(DISTINCT township_code) FROM petitions')).toBe(
      one("SELECT count(*) FROM regions WHERE level = 'township'"),
    );
    expect(
      one(`SELECT count(*) FROM petitions WHERE category IS NOT NULL
        AND category NOT IN (SELECT code FROM dict_entries WHERE dict_code = 'petition_category')`),
    ).toBe(0);
    expect(one('SELECT count(DISTINCT category) FROM petitions')).toBeGreaterThanOrEqual(8);
    expect(one('SELECT count(DISTINCT item_type) FROM petitions')).toBe(3);
    expect(one('SELECT max(petition_count) FROM petitions')).toBeLessThanOrEqual(10);
    expect(one('SELECT count(*) FROM petitions WHERE petition_count = 1')).toBeGreaterThan(150);
    expect(one('SELECT count(*) FROM petitions WHERE petition_count > 1')).toBeGreaterThan(30);
    expect(
      one("SELECT count(DISTINCT highest_level) FROM petitions WHERE highest_level != 'county'"),
    ).toBeGreaterThanOrEqual(2);
    expect(one("SELECT count(*) FROM petitions WHERE highest_level != 'county'")).toBeGreaterThan(10);
  });

  it('keeps every case’s fields in step with its status and every date on or before the reference day', () => {
    const broken = (where: string) =>
      all<{ case_no: string }>(`SELECT case_no FROM petitions WHERE ${where}`).map((r) => r.case_no);
    const at = (status: string) => `status IN (${status})`;
    const assignedPlus = at("'assigned', 'resolving', 'resolved', 'closed'");
    expect(broken(`status = 'found' AND (item_type IS NOT NULL OR handling_unit_id IS NOT NULL)`)).toStrictEqual([]);
    expect(broken(`status != 'found' AND (item_type IS NULL OR category IS NULL)`)).toStrictEqual([]);
    expect(
      broken(
        `${assignedPlus} AND (handling_unit_id IS NULL OR leader_id IS NULL OR assigned_date IS NULL OR due_date IS NULL
          OR due_date <= assigned_date OR assigned_date < received_date)`,
      ),
    ).toStrictEqual([]);
    expect(broken(`NOT ${assignedPlus} AND (assigned_date IS NOT NULL OR due_date IS NOT NULL)`)).toStrictEqual([]);
    expect(
      broken(
        `${at("'resolved', 'closed'")} AND (outcome IS NULL OR resolved_date IS NULL OR resolved_date < assigned_date)`,
      ),
    ).toStrictEqual([]);
    expect(
      broken(`${at("'found', 'classified', 'assigned', 'resolving'")} AND resolved_date IS NOT NULL`),
    ).toStrictEqual([]);
    expect(
      broken(`status = 'closed' AND (closed_date IS NULL OR closed_date < resolved_date
        OR NOT EXISTS (SELECT 1 FROM petition_closeouts c WHERE c.petition_id = petitions.id))`),
    ).toStrictEqual([]);
    expect(
      broken(`status != 'closed' AND (closed_date IS NOT NULL
        OR EXISTS (SELECT 1 FROM petition_closeouts c WHERE c.petition_id = petitions.id))`),
    ).toStrictEqual([]);
    // 化解中 and after always have progress; before it, none.
    const hasProgress = 'EXISTS (SELECT 1 FROM petition_progress g WHERE g.petition_id = petitions.id)';
    expect(broken(`${at("'resolving', 'resolved', 'closed'")} AND NOT ${hasProgress}`)).toStrictEqual([]);
    expect(broken(`${at("'found', 'classified', 'assigned'")} AND ${hasProgress}`)).toStrictEqual([]);
    // The timeline ends in the case's status, starts with its registration, and has one repeat per extra petition.
    expect(
      broken(`status != coalesce((SELECT e.to_status FROM petition_events e WHERE e.petition_id = petitions.id
        AND e.to_status IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1), '')`),
    ).toStrictEqual([]);
    expect(
      broken(`petition_count - 1 != (SELECT count(*) FROM petition_events e WHERE e.petition_id = petitions.id AND e.kind = 'repeat')
        OR 1 != (SELECT count(*) FROM petition_events e WHERE e.petition_id = petitions.id AND e.kind = 'register')`),
    ).toStrictEqual([]);
    expect(broken(`extension_days IS NOT NULL AND (item_type != 'appeal' OR extension_reason IS NULL)`)).toStrictEqual(
      [],
    );
    expect(broken(`first_petition_date > received_date`)).toStrictEqual([]);
    expect(
      broken(
        `received_date > ?1 OR assigned_date > ?1 OR resolved_date > ?1 OR closed_date > ?1
        OR received_date < date(?1, '-730 days')`.replace(/\?1/g, `'${DEMO_TODAY}'`),
      ),
    ).toStrictEqual([]);
    expect(
      one(`SELECT max(d) FROM (SELECT max(date) AS d FROM petition_progress
        UNION ALL SELECT max(substr(at, 1, 10)) FROM petition_events
        UNION ALL SELECT max(substr(at, 1, 10)) FROM petition_supervisions
        UNION ALL SELECT max(substr(at, 1, 10)) FROM petition_closeouts)`),
    ).toBe(DEMO_TODAY);
    // Some open cases are overdue on the reference day; some are not.
    const open = at("'assigned', 'resolving'");
    expect(one(`SELECT count(*) FROM petitions WHERE ${open} AND due_date < ?`, DEMO_TODAY)).toBeGreaterThan(0);
    expect(one(`SELECT count(*) FROM petitions WHERE ${open} AND due_date >= ?`, DEMO_TODAY)).toBeGreaterThan(0);
    // Case numbers run per year of receipt.
    expect(
      broken(
        `substr(case_no, 3, 4) != substr(received_date, 1, 4) OR case_no NOT GLOB 'XF[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'`,
      ),
    ).toStrictEqual([]);
  });

  it('makes up petitioners with obviously fake identity numbers and phones, and a few groups', () => {
    const people = all<{ name: string; id_number: string | null; phone: string | null }>(
      'SELECT name, zz_open(id_number) AS id_number, zz_open(phone) AS phone FROM petitioners',
    );
    for (const person of people) {
      expect(person.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      if (person.id_number !== null) expect(person.id_number).toMatch(/^999901\d{11}[\dX]$/);
      if (person.phone !== null) expect(person.phone).toMatch(/^199\d{8}$/);
    }
    const perCase = all<{ n: number }>('SELECT count(*) AS n FROM petitioners GROUP BY petition_id').map((r) => r.n);
    expect(perCase).toHaveLength(300);
    expect(Math.min(...perCase)).toBe(1);
    expect(Math.max(...perCase)).toBeLessThanOrEqual(8);
    expect(perCase.filter((n) => n >= 5).length).toBeGreaterThan(0);
    expect(perCase.filter((n) => n === 4)).toStrictEqual([]);
    expect(
      one(
        'SELECT count(*) FROM petitions p WHERE (SELECT count(*) FROM petitioners k WHERE k.petition_id = p.id AND k.is_primary = 1) != 1',
      ),
    ).toBe(0);
  });

  it('fills the keyword index as the write paths would, and the figure tallies as their triggers would', async () => {
    const indexed = all<{ id: string; case_no: string; summary: string; names: string }>(
      `SELECT p.id, s.case_no, s.summary, s.names FROM petitions p JOIN petitions_search s ON s.rowid = p.rowid`,
    );
    expect(indexed).toHaveLength(300);
    const source = new Map(
      all<{ id: string; case_no: string; summary: string; names: string }>(
        `SELECT p.id, p.case_no, p.summary, (SELECT group_concat(name, char(31) ORDER BY is_primary DESC, sort)
          FROM petitioners WHERE petition_id = p.id) AS names FROM petitions p`,
      ).map((row) => [row.id, row]),
    );
    for (const row of indexed) {
      const from = source.get(row.id)!;
      expect(row).toStrictEqual({
        id: row.id,
        case_no: searchableText(from.case_no),
        summary: searchableText(from.summary),
        names: searchableText(...from.names.split('\u001f')),
      });
    }
    expect(all(TALLIES_BY_TRIGGERS)).toStrictEqual(all(TALLIES_RECOUNTED));
  });

  it('is laid out around the day it is loaded: that day’s new cases, deadlines and overdue ones', async () => {
    const day = '2027-03-15';
    const later = await testBackend({ now: () => new Date(`${day}T04:00:00.000Z`) });
    const result = await later.dispatch('system.loadDemo', DEMO_OPTIONS, await signInAdmin(later));
    expect(result.ok).toBe(true);
    const db = later.services.sql.db;
    const count = (where: string) => db.prepare(`SELECT count(*) FROM petitions WHERE ${where}`).pluck().get(day);
    expect(db.prepare('SELECT max(received_date) FROM petitions').pluck().get()).toBe(day);
    expect(count('received_date = ?')).toBeGreaterThan(0);
    expect(count("status IN ('assigned', 'resolving') AND due_date < ?")).toBeGreaterThan(0);
    expect(count("status IN ('assigned', 'resolving') AND due_date >= ?")).toBeGreaterThan(0);
    expect(count(`received_date > ? OR resolved_date > '${day}' OR closed_date > '${day}'`)).toBe(0);
  });

  it('loads no backlog when no account exists yet (npm run demo before first-run setup)', async () => {
    const { db } = await openDatabase(tempDir());
    const sql = new Sql(db);
    try {
      loadDemoCounty(sql, DEMO_OPTIONS, ledgers.searchIndexes, DEMO_TODAY);
      expect(sql.db.prepare('SELECT count(*) FROM regions').pluck().get()).toBeGreaterThan(0);
      expect(sql.db.prepare('SELECT count(*) FROM petitions').pluck().get()).toBe(0);
    } finally {
      sql.db.close();
    }
  });

  it('answers petitions.list, search and figures for a duty officer and a leader', async () => {
    for (const role of ['duty_officer', 'leader'] as const) {
      const { client } = await signInAs(backend, admin, [role]);
      const first = await backend.call('petitions.list', {}, client);
      if (!first.ok) throw new Error(first.error.message);
      expect(first.data.total).toBe(300);
      expect(first.data.items).toHaveLength(first.data.pageSize);
      const township = first.data.items[0]!.townshipCode;
      const filtered = await backend.call('petitions.list', { townshipCode: township, status: 'closed' }, client);
      if (!filtered.ok) throw new Error(filtered.error.message);
      expect(filtered.data.total).toBe(
        one("SELECT count(*) FROM petitions WHERE township_code = ? AND status = 'closed'", township),
      );
      // Three characters go through the trigram index, two through LIKE: both find the same names.
      const name = one('SELECT name FROM petitioners ORDER BY id LIMIT 1') as string;
      for (const keyword of [name, name.slice(0, 2)]) {
        const found = await backend.call('petitions.list', { keyword, pageSize: 100 }, client);
        if (!found.ok) throw new Error(found.error.message);
        expect(found.data.total, keyword).toBeGreaterThan(0);
      }
      const figures = await backend.call('petitions.figures', {}, client);
      if (!figures.ok) throw new Error(figures.error.message);
      expect(figures.data.byTownship.length).toBeGreaterThan(0);
      expect(figures.data.byUnit.length).toBeGreaterThan(0);
      const queue = await backend.call('petitions.supervisionQueue', {}, client);
      if (!queue.ok) throw new Error(queue.error.message);
      expect(queue.data.items.length).toBeGreaterThan(0);
      expect(queue.data.total).toBeGreaterThanOrEqual(queue.data.items.length);
    }
  });
});
