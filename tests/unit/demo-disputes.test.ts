import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { cipherOf } from '../../electron/backend/db/personal-cipher';
import { DEMO_DISPUTE_COUNTS, DEMO_DISPUTE_STALL_DAYS } from '../../electron/backend/demo/disputes';
import { DEFAULT_DISPUTE_TIME_LIMITS } from '../../shared/domain/disputes/handling';
import { DISPUTE_CATEGORY_SEED, DISPUTE_CHANNELS } from '../../shared/domain/disputes/intake';
import { addDays } from '../../shared/domain/ledger/calendar';
import { signInAs } from '../helpers/backend';
import { DISPUTE_TALLY_PAIRS } from '../helpers/disputes';
import { DEMO_TODAY, demoBackend, demoQueries, demoRows, inClear, loadedDemoBackend, readOnly } from '../helpers/demo';

const TABLES = ['disputes', 'dispute_parties', 'dispute_events', 'dispute_transfers', 'dispute_units', 'dispute_links'];
/** Columns naming the account that loaded the demo: differs between databases. */
const USER_COLUMNS = ['created_by', 'by_user'];

const ledger = (backend: Backend) => demoRows(backend, TABLES, USER_COLUMNS, () => 'ORDER BY 1, 2');

describe('the demo disputes', () => {
  let backend: Backend;
  let admin: CallContext;
  const { all, one: value } = demoQueries(() => backend);
  const one = (query: string, ...params: unknown[]) => value<number>(query, ...params);
  const broken = (where: string) =>
    all<{ dispute_no: string }>(`SELECT dispute_no FROM disputes d WHERE ${where}`).map((r) => r.dispute_no);

  // Each test gets its own copy of the demo database, loaded once for the file (seconds on a busy machine).
  beforeEach(async () => {
    ({ backend, admin } = await demoBackend());
  }, 60_000);

  it('is the same, row for row, for the same seed', { timeout: 60_000 }, async () => {
    const again = await loadedDemoBackend();
    expect(ledger(again.backend)).toStrictEqual(ledger(backend));
  });

  it('has a year of intake in the right mix: channels, categories, townships, levels', () => {
    expect(DEMO_DISPUTE_COUNTS).toStrictEqual({ small: 3_000, large: 108_000 });
    expect(one('SELECT count(*) FROM disputes')).toBe(3_000);
    expect(
      one('SELECT min(received_on) >= ? AND max(received_on) = ? FROM disputes', addDays(DEMO_TODAY, -365), DEMO_TODAY),
    ).toBe(1);
    expect(one('SELECT count(*) FROM disputes WHERE received_on = ?', DEMO_TODAY)).toBeGreaterThan(0);
    for (const channel of DISPUTE_CHANNELS) {
      expect(one('SELECT count(*) FROM disputes WHERE channel = ?', channel), channel).toBeGreaterThan(0);
    }
    // All 15 categories, 邻里, 婚姻家庭, 房屋宅基地 and 劳动争议 the most.
    const categories = all<{ category: string }>('SELECT category FROM disputes GROUP BY 1 ORDER BY count(*) DESC');
    expect(categories.map((c) => c.category).sort()).toStrictEqual(DISPUTE_CATEGORY_SEED.map(([code]) => code).sort());
    expect(new Set(categories.slice(0, 4).map((c) => c.category))).toStrictEqual(
      new Set(['neighbour', 'marriage_family', 'housing_land', 'labour']),
    );
    expect(one('SELECT count(DISTINCT township_code) FROM disputes')).toBe(
      one("SELECT count(*) FROM regions WHERE level = 'township'"),
    );
    expect(
      broken(`(village_code IS NOT NULL AND (SELECT parent_code FROM regions WHERE code = village_code) != township_code)
        OR (grid_code IS NOT NULL AND (SELECT parent_code FROM regions WHERE code = grid_code) != village_code)`),
    ).toStrictEqual([]);
    expect(readOnly(backend, (db) => db.pragma('foreign_key_check'))).toStrictEqual([]);
  });

  it('concludes about 95% settled, keeps some open and late today, moves some up and some jointly', () => {
    const concluded = one('SELECT count(*) FROM disputes WHERE result IS NOT NULL');
    const share = one("SELECT count(*) FROM disputes WHERE result = 'settled'") / concluded;
    expect(share).toBeGreaterThan(0.93);
    expect(share).toBeLessThan(0.97);
    expect(one("SELECT count(DISTINCT result) FROM disputes WHERE result != 'settled'")).toBe(4);
    expect(one("SELECT count(*) FROM disputes WHERE status IN ('received', 'routed', 'mediating')")).toBeGreaterThan(
      50,
    );
    expect(
      one("SELECT count(*) FROM disputes WHERE status IN ('routed', 'mediating') AND due_date < ?", DEMO_TODAY),
    ).toBeGreaterThan(10);
    expect(one("SELECT count(*) FROM disputes WHERE status = 'closed'")).toBeGreaterThan(2_000);
    // 上交: to the county and the city, a few 下交; the flag and the level follow the transfers.
    const escalated = one('SELECT count(*) FROM disputes WHERE escalated = 1') / 3_000;
    expect(escalated).toBeGreaterThan(0.03);
    expect(escalated).toBeLessThan(0.12);
    expect(
      one("SELECT count(*) FROM dispute_transfers WHERE direction = 'up' AND to_level = 'county'"),
    ).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM dispute_transfers WHERE direction = 'up' AND to_level = 'city'")).toBeGreaterThan(
      0,
    );
    expect(one("SELECT count(*) FROM dispute_transfers WHERE direction = 'down'")).toBeGreaterThan(0);
    expect(
      broken(`escalated != EXISTS (SELECT 1 FROM dispute_transfers t WHERE t.dispute_id = d.id AND t.direction = 'up')
        OR level != coalesce((SELECT t.to_level FROM dispute_transfers t WHERE t.dispute_id = d.id
          ORDER BY t.at DESC LIMIT 1), level)`),
    ).toStrictEqual([]);
    // 协同: the co-units beside the lead, never the lead itself.
    expect(one("SELECT count(*) FROM disputes WHERE coordination = 'joint'")).toBeGreaterThan(100);
    expect(
      broken(`(coordination = 'joint') != EXISTS (SELECT 1 FROM dispute_units u WHERE u.dispute_id = d.id)
        OR EXISTS (SELECT 1 FROM dispute_units u WHERE u.dispute_id = d.id AND u.unit_id = d.unit_id)`),
    ).toStrictEqual([]);
  });

  it('leaves only recent disputes at an early stage: older ones were routed, concluded and visited as a centre would', () => {
    const since = addDays(DEMO_TODAY, -DEMO_DISPUTE_STALL_DAYS);
    expect(
      one("SELECT count(*) FROM disputes WHERE status = 'received' AND received_on = ?", DEMO_TODAY),
    ).toBeGreaterThan(0);
    expect(broken(`status = 'received' AND received_on < '${since}'`)).toStrictEqual([]);
    expect(broken(`status = 'visited' AND visited_on < '${since}'`)).toStrictEqual([]);
    // The demo's late disputes end within weeks of their 办理时限, not years after it.
    expect(
      broken(`status IN ('routed', 'mediating') AND due_date < '${addDays(since, -DEMO_DISPUTE_STALL_DAYS)}'`),
    ).toStrictEqual([]);
  });

  it('keeps every dispute’s fields and timeline in step with its status', () => {
    expect(
      broken(`dispute_no NOT GLOB 'JF[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'
        OR substr(dispute_no, 3, 4) != substr(received_on, 1, 4)`),
    ).toStrictEqual([]);
    expect(
      broken(`(status IN ('received', 'routed', 'mediating')) != (result IS NULL)
        OR (routed_on IS NOT NULL) != (handling_kind IS NOT NULL AND unit_id IS NOT NULL AND due_date IS NOT NULL)
        OR (status IN ('routed', 'mediating') AND routed_on IS NULL)
        OR (result = 'guided' AND routed_on IS NOT NULL)
        OR (status IN ('visited', 'closed')) != (satisfaction IS NOT NULL AND visited_on IS NOT NULL)
        OR (status = 'closed') != (closed_on IS NOT NULL)
        OR routed_on < received_on OR result_on < coalesce(routed_on, received_on) OR visited_on < result_on
        OR closed_on < visited_on OR max(received_on, result_on, visited_on, closed_on) > '${DEMO_TODAY}'
        OR (result = 'settled') != (agreement IS NOT NULL)
        OR (result IN ('guided', 'unsettled')) != (legal_path IS NOT NULL)
        OR (result = 'converted') != (converted_to IS NOT NULL)
        OR (prevented_criminal = 1 AND prevented_criminal_people < 1)`),
    ).toStrictEqual([]);
    for (const [kind, days] of Object.entries(DEFAULT_DISPUTE_TIME_LIMITS)) {
      const rows = all<{ routed_on: string; due_date: string }>(
        'SELECT routed_on, due_date FROM disputes WHERE handling_kind = ?',
        kind,
      );
      expect(rows.length, kind).toBeGreaterThan(0);
      for (const row of rows) expect(row.due_date).toBe(addDays(row.routed_on, days));
    }
    expect(
      broken(`status != (SELECT e.to_status FROM dispute_events e WHERE e.dispute_id = d.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
        OR 1 != (SELECT count(*) FROM dispute_events e WHERE e.dispute_id = d.id AND e.action = 'register')
        OR updated_at != (SELECT max(e.at) FROM dispute_events e WHERE e.dispute_id = d.id)`),
    ).toStrictEqual([]);
  });

  it('seals every party’s ID number and phone with their blind indexes, and links repeat applicants', () => {
    expect(
      broken(`NOT EXISTS (SELECT 1 FROM dispute_parties p WHERE p.dispute_id = d.id AND p.side = 'applicant')
        OR NOT EXISTS (SELECT 1 FROM dispute_parties p WHERE p.dispute_id = d.id AND p.side = 'respondent')`),
    ).toStrictEqual([]);
    const parties = readOnly(backend, (db) =>
      (db.prepare('SELECT * FROM dispute_parties').all() as Array<Record<string, string | null>>).map((row) => ({
        row,
        clear: inClear(db, row) as Record<string, string | null>,
      })),
    );
    const blind = (kind: 'id' | 'phone', value: string | null) => cipherOf(backend.services.sql.db).blind(kind, value);
    expect(parties.length).toBeGreaterThan(6_000);
    let sealed = 0;
    for (const { row, clear } of parties) {
      for (const [column, kind] of [
        ['id_number', 'id'],
        ['phone', 'phone'],
      ] as const) {
        if (row[column] === null) {
          expect(row[`${column}_bi`]).toBeNull();
          continue;
        }
        expect(row[column]).toMatch(/^e1:/);
        expect(row[`${column}_bi`]).toBe(blind(kind, clear[column]!));
        sealed++;
      }
      if (row.kind === 'organisation') expect(row.id_number).toBeNull();
      else if (clear.id_number) expect(clear.id_number).toMatch(/^999901\d{11}[\dX]$/);
    }
    expect(sealed).toBeGreaterThan(5_000);
    // A repeat applicant's new dispute is linked to each earlier one of the same ID number.
    const links = one("SELECT count(*) FROM dispute_links WHERE reason = 'same_party'");
    expect(links).toBeGreaterThan(30);
    expect(
      one(`SELECT count(*) FROM dispute_links k JOIN disputes n ON n.id = k.dispute_id JOIN disputes o ON o.id = k.related_id
        WHERE o.id >= n.id OR NOT EXISTS (SELECT 1 FROM dispute_parties a JOIN dispute_parties b ON b.id_number_bi = a.id_number_bi
          WHERE a.dispute_id = n.id AND b.dispute_id = o.id)`),
    ).toBe(0);
  });

  it('reads through the app: the list, its overdue queue, a keyword and the figures', async () => {
    const { client } = await signInAs(backend, admin, ['duty_officer']);
    const list = await backend.call('disputes.list', {}, client);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.total).toBe(3_000);
    expect(list.data.items[0]!.receivedOn).toBe(DEMO_TODAY);
    const overdue = await backend.call('disputes.list', { overdue: true }, client);
    if (!overdue.ok) throw new Error(overdue.error.message);
    expect(overdue.data.total).toBeGreaterThan(10);
    const keyword = await backend.call('disputes.list', { keyword: '宅基地' }, client);
    if (!keyword.ok) throw new Error(keyword.error.message);
    expect(keyword.data.total).toBeGreaterThan(0);
    const figures = await backend.call('disputes.figures', {}, client);
    if (!figures.ok) throw new Error(figures.error.message);
    const rate = figures.data.figures.resolution_rate;
    expect(rate.denominator).toBe(3_000);
    expect(rate.numerator).toBe(one("SELECT count(*) FROM disputes WHERE result = 'settled'"));
    // The bulk load keeps the figure tallies by their triggers: each equals its recount.
    for (const pair of DISPUTE_TALLY_PAIRS) expect(all(pair.byTriggers), pair.table).toEqual(all(pair.recounted));
  });
});
