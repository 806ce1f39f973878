import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { openDatabase } from '../../electron/backend/db/database';
import { Sql } from '../../electron/backend/db/sql';
import { ledgers } from '../../electron/backend/api/ledgers';
import { loadDemoCounty } from '../../electron/backend/demo';
import { addDays } from '../../shared/domain/ledger/calendar';
import { generateDemoCounty } from '../../electron/backend/demo/generate';
import { ADMIN, newClient, seed, signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
});

/** A fresh backend with its administrator signed in: only `demo.load` holders may load. */
async function freshBackend() {
  const backend = await testBackend();
  return { backend, admin: await signInAdmin(backend) };
}

interface AuditRow {
  seq: number;
  username: string | null;
  roles: string;
  client: string;
  action: string;
  entity: string | null;
  result: string;
  detail: string;
}

/** The audit log, read through a second, read-only connection. */
function auditRows(backend: Backend, action?: string): AuditRow[] {
  const db = new Database(backend.dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    return action ? rows.filter((row) => row.action === action) : rows;
  } finally {
    db.close();
  }
}

function countRows(backend: Backend, table: string): number {
  const db = new Database(backend.dbFile, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Every reference table's rows in a stable order, read through a second, read-only connection. */
function dump(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const all = (query: string) => db.prepare(query).all();
    return {
      regions: all('SELECT * FROM regions ORDER BY code'),
      units: all('SELECT * FROM units ORDER BY id'),
      people: all('SELECT * FROM people ORDER BY id'),
      boundaries: all('SELECT id, source_unit, approval_no, crs, data_date, geojson, active FROM boundaries'),
      dictEntries: all('SELECT * FROM dict_entries ORDER BY dict_code, code'),
      brokenReferences: all('PRAGMA foreign_key_check'),
    };
  } finally {
    db.close();
  }
}

describe('system.loadDemo', () => {
  it('fills an empty database with the whole made-up county and reports the counts', async () => {
    const { backend, admin: cli } = await freshBackend();
    const result = await backend.dispatch('system.loadDemo', { scale: 'small', seed: 20261122 }, cli);
    const demo = generateDemoCounty({ scale: 'small', seed: 20261122 });
    const summary = {
      county: '青禾县',
      townships: demo.townships.length,
      villages: demo.villages.length,
      grids: demo.grids.length,
      units: demo.units.length,
      people: demo.people.length,
    };
    expect(result).toEqual({ ok: true, data: summary });

    const tables = dump(backend.dbFile);
    expect(tables.regions).toHaveLength(1 + summary.townships + summary.villages + summary.grids);
    expect(tables.units).toHaveLength(summary.units);
    expect(tables.people).toHaveLength(summary.people);
    expect(tables.brokenReferences).toEqual([]);
    expect(tables.regions).toContainEqual({
      code: demo.villages[0]!.code,
      name: demo.villages[0]!.name,
      level: 'village',
      parent_code: demo.townships[0]!.code,
      sort: 1,
      disabled_at: null,
    });

    const info = await backend.dispatch('system.info', {}, cli);
    expect(info).toMatchObject({
      ok: true,
      data: {
        county: { code: '999901000000', name: '青禾县' },
        counts: {
          townships: 15,
          villages: summary.villages,
          grids: summary.grids,
          units: summary.units,
          people: summary.people,
        },
      },
    });
    const boundary = await backend.dispatch('board.boundary', {}, cli);
    expect(boundary).toEqual({
      ok: true,
      data: {
        source: { sourceUnit: '演示数据（虚构县，非真实边界）', approvalNo: '', crs: 'WGS84', dataDate: '2026-01-01' },
        geojson: demo.boundary.collection,
      },
    });
    const leaders = await backend.dispatch('people.list', { role: 'leader', keyword: demo.people[3]!.name }, cli);
    expect(leaders).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ title: '县委常委、政法委书记', unitName: '青禾县委政法委员会' }] },
    });
  });

  it('rosters a leader and two officers a day for a week either side of the day it is loaded', async () => {
    // 2026-12-01 10:00 in the county.
    const backend = await testBackend({ now: () => new Date('2026-12-01T02:00:00Z') });
    const admin = await signInAdmin(backend);
    expect(await backend.call('system.loadDemo', { scale: 'small', seed: 3 }, admin)).toMatchObject({ ok: true });

    const listed = await backend.call('duty.list', { from: '2026-11-20', to: '2026-12-12' }, admin);
    const days = listed.ok ? listed.data : [];
    expect(days.map((d) => d.date)).toEqual(Array.from({ length: 15 }, (_, i) => addDays('2026-11-24', i)));
    for (const day of days) {
      expect(day.entries.map((e) => e.role)).toEqual(['leader', 'officer', 'officer']);
      expect(day.entries.every((e) => /^[\u4e00-\u9fa5]{2,3}$/.test(e.name) && e.phone === null)).toBe(true);
    }
    const snapshot = await backend.call('board.snapshot', {}, admin);
    expect(snapshot.ok && snapshot.data.duty).toEqual(
      days.find((d) => d.date === '2026-12-01')!.entries.map(({ role, name }) => ({ role, name })),
    );
  });

  it('records the load as one audit row of the signed-in administrator', async () => {
    const { backend, admin } = await freshBackend();
    const before = auditRows(backend).length;
    expect(await backend.call('system.loadDemo', { scale: 'small', seed: 5 }, admin)).toMatchObject({ ok: true });

    const after = auditRows(backend);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'system.loadDemo',
      entity: 'county',
      result: 'success',
      username: ADMIN.username,
      roles: 'sysadmin',
      client: 'admin-client',
      detail: '规模 small，种子 5',
    });
  });

  it('refuses a client that has not signed in with UNAUTHENTICATED and writes nothing', async () => {
    const backend = await testBackend();
    const result = await backend.call('system.loadDemo', { scale: 'small', seed: 1 }, newClient());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(countRows(backend, 'regions')).toBe(0);
    expect(auditRows(backend, 'system.loadDemo')).toEqual([]);
  });

  it('refuses a signed-in user without demo.load with FORBIDDEN and loads nothing', async () => {
    const { backend, admin } = await freshBackend();
    const { client: officer, username } = await signInAs(backend, admin, ['duty_officer']);
    const result = await backend.call('system.loadDemo', { scale: 'small', seed: 1 }, officer);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dump(backend.dbFile)).toMatchObject({ regions: [], units: [], people: [], boundaries: [] });
    // Only the refusal is on record (the guard audits denials); no load happened.
    expect(auditRows(backend, 'system.loadDemo')).toEqual([
      expect.objectContaining({ result: 'denied', username, roles: 'duty_officer' }),
    ]);
  });

  it('refuses a second load with CONFLICT and leaves the data and the audit log as they were', async () => {
    const { backend, admin: cli } = await freshBackend();
    expect(await backend.dispatch('system.loadDemo', { scale: 'small', seed: 3 }, cli)).toMatchObject({ ok: true });
    const before = dump(backend.dbFile);
    const audit = auditRows(backend);

    const again = await backend.dispatch('system.loadDemo', { scale: 'large', seed: 4 }, cli);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已有县区数据') },
    });
    expect(dump(backend.dbFile)).toEqual(before);
    expect(auditRows(backend)).toEqual(audit);
    expect(auditRows(backend, 'system.loadDemo')).toHaveLength(1);
  });

  it('writes no audit row when the load fails part-way, and no data either', async () => {
    const { backend, admin } = await freshBackend();
    // A unit already holding a name the demo uses: the units insert fails after the regions went in.
    seed(backend, "INSERT INTO units (id, code, name, kind) VALUES ('u-1', 'X1', '青禾县信访局', 'county_department')");
    const audit = auditRows(backend);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const result = await backend.call('system.loadDemo', { scale: 'small', seed: 1 }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveBeenCalled();
    expect([countRows(backend, 'regions'), countRows(backend, 'units'), countRows(backend, 'people')]).toEqual([
      0, 1, 0,
    ]);
    expect(auditRows(backend)).toEqual(audit);
  });

  it('commits the data and its audit row together: if the audit row cannot be written, nothing is loaded', async () => {
    const { backend, admin } = await freshBackend();
    seed(
      backend,
      `CREATE TRIGGER test_refuse_demo_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'system.loadDemo'
       BEGIN SELECT RAISE(ABORT, 'audit refused'); END;`,
    );
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const result = await backend.call('system.loadDemo', { scale: 'small', seed: 1 }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(dump(backend.dbFile)).toMatchObject({ regions: [], units: [], people: [], boundaries: [] });
    expect(auditRows(backend, 'system.loadDemo')).toEqual([]);
  });

  it('writes the same rows, id for id, for the same seed in two databases', async () => {
    // Straight through loadDemoCounty on databases without an account: the county without its
    // petition backlog, which at large scale takes half a minute (tests/unit/demo-petitions.test.ts
    // checks the backlog's own determinism at small scale).
    const files = [tempDir(), tempDir()].map(async (dir) => {
      const { db } = await openDatabase(dir);
      loadDemoCounty(new Sql(db), { scale: 'large', seed: 77 }, ledgers.searchIndexes);
      const file = db.name;
      db.close();
      return file;
    });
    const [a, b] = (await Promise.all(files)).map(dump);
    expect(a!.regions.length).toBeGreaterThan(3000);
    expect(b).toEqual(a);
  });

  it('writes nothing at all when any row fails', async () => {
    const { db } = await openDatabase(tempDir());
    cleanups.unshift(() => db.close());
    // A unit already holding a name the demo uses: the units insert fails after the regions went in.
    db.prepare(
      "INSERT INTO units (id, code, name, kind) VALUES ('u-1', 'X1', '青禾县信访局', 'county_department')",
    ).run();

    expect(() => loadDemoCounty(new Sql(db), { scale: 'small', seed: 1 }, ledgers.searchIndexes)).toThrow(
      /UNIQUE constraint failed: units\.name/,
    );
    expect(db.inTransaction).toBe(false);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('regions'), count('units'), count('people'), count('boundaries')]).toEqual([0, 1, 0, 0]);
  });
});
