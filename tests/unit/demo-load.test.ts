import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app';
import type { CallContext } from '../../electron/backend/api/types';
import { openDatabase } from '../../electron/backend/db/database';
import { Sql } from '../../electron/backend/db/sql';
import { loadDemoCounty } from '../../electron/backend/demo';
import { generateDemoCounty } from '../../electron/backend/demo/generate';

const cli: CallContext = { transport: 'ipc', client: 'cli' };
const cleanups: Array<() => void> = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zz-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshBackend(): Promise<Backend> {
  const backend = await openBackend(tempDir());
  cleanups.unshift(() => backend.close());
  return backend;
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

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
    const backend = await freshBackend();
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

  it('refuses a second load with CONFLICT and leaves the data as it was', async () => {
    const backend = await freshBackend();
    expect(await backend.dispatch('system.loadDemo', { scale: 'small', seed: 3 }, cli)).toMatchObject({ ok: true });
    const before = dump(backend.dbFile);

    const again = await backend.dispatch('system.loadDemo', { scale: 'large', seed: 4 }, cli);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已有县区数据') },
    });
    expect(dump(backend.dbFile)).toEqual(before);
  });

  it('writes the same rows, id for id, for the same seed in two databases', async () => {
    const [first, second] = [await freshBackend(), await freshBackend()];
    await first.dispatch('system.loadDemo', { scale: 'large', seed: 77 }, cli);
    await second.dispatch('system.loadDemo', { scale: 'large', seed: 77 }, cli);
    const [a, b] = [dump(first.dbFile), dump(second.dbFile)];
    expect(a.regions.length).toBeGreaterThan(3000);
    expect(b).toEqual(a);
  });

  it('writes nothing at all when any row fails', async () => {
    const { db } = await openDatabase(tempDir());
    cleanups.unshift(() => db.close());
    // A unit already holding a name the demo uses: the units insert fails after the regions went in.
    db.prepare(
      "INSERT INTO units (id, code, name, kind) VALUES ('u-1', 'X1', '青禾县信访局', 'county_department')",
    ).run();

    expect(() => loadDemoCounty(new Sql(db), { scale: 'small', seed: 1 })).toThrow(
      /UNIQUE constraint failed: units\.name/,
    );
    expect(db.inTransaction).toBe(false);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('regions'), count('units'), count('people'), count('boundaries')]).toEqual([0, 1, 0, 0]);
  });
});
