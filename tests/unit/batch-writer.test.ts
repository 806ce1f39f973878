import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas, openRaw, type Db } from '../../electron/backend/db/connection';
import { BatchWriter, writeRows, type SqlValue } from '../../electron/backend/demo/batch-writer';

const COLUMNS = ['id', 'region_code', 'event_date', 'summary', 'amount'];

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zz-'));
  db = openRaw(join(dir, 'batch.db'));
  applyPragmas(db);
  db.exec(`
    CREATE TABLE ledger (
      id TEXT PRIMARY KEY,
      region_code TEXT NOT NULL,
      event_date TEXT NOT NULL,
      summary TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount >= 0)
    ) STRICT;
  `);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (i: number): SqlValue[] => [
  `id-${String(i).padStart(6, '0')}`,
  '999901001001',
  '2026-03-01',
  `事项${i}`,
  i,
];
const count = () => (db.prepare('SELECT count(*) AS n FROM ledger').get() as { n: number }).n;

describe('BatchWriter', () => {
  it('writes every row, through full multi-row statements and the remainder, in batches', () => {
    const writer = new BatchWriter(db, 'ledger', COLUMNS, { rowsPerTransaction: 1000 });
    for (let i = 0; i < 12_345; i++) writer.add(row(i));
    expect(writer.finish()).toEqual({ table: 'ledger', rows: 12_345, batches: 13 });

    expect(count()).toBe(12_345);
    const stats = db.prepare('SELECT sum(amount) AS total, min(id) AS first, max(id) AS last FROM ledger').get();
    expect(stats).toEqual({ total: (12_344 * 12_345) / 2, first: 'id-000000', last: 'id-012344' });
    expect(db.prepare('SELECT * FROM ledger WHERE amount = 12344').get()).toEqual({
      id: 'id-012344',
      region_code: '999901001001',
      event_date: '2026-03-01',
      summary: '事项12344',
      amount: 12_344,
    });
  });

  it('writes nothing and counts nothing when given no rows', () => {
    expect(writeRows(db, 'ledger', COLUMNS, [])).toEqual({ table: 'ledger', rows: 0, batches: 0 });
    expect(count()).toBe(0);
  });

  it('inside an outer transaction writes into it, so a failing row leaves nothing written', () => {
    const load = db.transaction(() => {
      const writer = new BatchWriter(db, 'ledger', COLUMNS, { rowsPerTransaction: 100 });
      for (let i = 0; i < 500; i++) writer.add(row(i));
      writer.add(row(3)); // duplicate id: UNIQUE constraint
      writer.finish();
    });
    expect(() => load.immediate()).toThrow(/UNIQUE constraint failed: ledger\.id/);
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(0);
  });

  it('inside an outer transaction is undone with it', () => {
    db.exec('BEGIN IMMEDIATE');
    expect(
      writeRows(
        db,
        'ledger',
        COLUMNS,
        Array.from({ length: 300 }, (_, i) => row(i)),
        { rowsPerTransaction: 50 },
      ),
    ).toMatchObject({ rows: 300, batches: 6 });
    expect(count()).toBe(300);
    db.exec('ROLLBACK');
    expect(count()).toBe(0);
  });

  it('on its own commits each batch, so a failing batch rolls back alone', () => {
    const writer = new BatchWriter(db, 'ledger', COLUMNS, { rowsPerTransaction: 100 });
    for (let i = 0; i < 200; i++) writer.add(row(i));
    for (let i = 200; i < 250; i++) writer.add(row(i));
    writer.add([...row(250).slice(0, 4), -1]); // CHECK (amount >= 0) fails
    expect(() => writer.finish()).toThrow(/CHECK constraint failed/);
    expect(db.inTransaction).toBe(false);
    expect(count()).toBe(200);
  });

  it('binds null, bigint and blob values', () => {
    db.exec('CREATE TABLE mixed (a TEXT, b INTEGER, c BLOB) STRICT');
    writeRows(db, 'mixed', ['a', 'b', 'c'], [[null, 2n ** 40n, Buffer.from([1, 2, 3])]]);
    expect(db.prepare('SELECT a, b, c FROM mixed').get()).toEqual({ a: null, b: 2 ** 40, c: Buffer.from([1, 2, 3]) });
  });

  it('rejects a table or column name that is not a plain identifier', () => {
    expect(() => new BatchWriter(db, 'ledger; DROP TABLE ledger', COLUMNS)).toThrow(/表名或列名不合法/);
    expect(() => new BatchWriter(db, 'ledger', ['id', 'summary"--'])).toThrow(/表名或列名不合法/);
    expect(() => new BatchWriter(db, 'ledger', ['id', 'event date'])).toThrow(/表名或列名不合法/);
    expect(() => new BatchWriter(db, '', COLUMNS)).toThrow(/表名或列名不合法/);
    expect(() => new BatchWriter(db, 'ledger', [])).toThrow(/至少需要一列/);
    expect(() => new BatchWriter(db, 'ledger', ['id', 'id'])).toThrow(/列名重复/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ledger'").get()).toEqual({ n: 1 });
  });

  it('rejects a row with the wrong number of values', () => {
    const writer = new BatchWriter(db, 'ledger', COLUMNS);
    expect(() => writer.add(['only-id'])).toThrow(/每行应有 5 个值，收到 1 个/);
  });
});
