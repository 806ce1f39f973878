import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw } from '../../electron/backend/db/connection';
import { Lru, named, qb, Sql } from '../../electron/backend/db/sql';
import { tempDir } from '../helpers/temp-dir';

/** A real SQLite file with the regions table the queries read. */
function regionsDb(): Sql {
  const db = openRaw(join(tempDir(), 'sql.db'));
  db.exec(`CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
    INSERT INTO regions VALUES ('01', '城关镇'), ('02', '河东乡'), ('03', '城西街道');`);
  return new Sql(db);
}

const byName = () =>
  qb.selectFrom('regions').select(['code', 'name']).where('name', 'like', named('pattern')).orderBy('code');

describe('Sql.shaped: statements compiled once per shape', () => {
  it('binds the named values of each call to the statement of its shape', () => {
    const sql = regionsDb();
    let builds = 0;
    const run = (pattern: string) =>
      sql
        .shaped('regions by name', () => {
          builds += 1;
          return byName();
        })
        .all({ pattern });
    expect(run('城%').map((r) => r.code)).toEqual(['01', '03']);
    expect(run('%乡').map((r) => r.code)).toEqual(['02']);
    expect(builds).toBe(1);
  });

  it('refuses a query holding a positional value, which the cache would replay for every call', () => {
    const sql = regionsDb();
    expect(() => sql.shaped('by code', () => qb.selectFrom('regions').selectAll().where('code', '=', '01'))).toThrow(
      /只能使用命名参数/,
    );
  });

  it('binds named values beside positional ones in an ordinary query', () => {
    const sql = regionsDb();
    const rows = sql.all(byName().where('code', '!=', '01'), { pattern: '城%' });
    expect(rows.map((r) => r.code)).toEqual(['03']);
  });
});

describe('Lru: the statement caches keep what is used', () => {
  it('drops the least recently used key when full, not the whole cache, and makes nothing on a hit', () => {
    const cache = new Lru<string>(3);
    const made: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        made.push(key);
        return key.toUpperCase();
      });
    for (const key of ['hot', 'a', 'b']) get(key);
    expect(get('hot')).toBe('HOT');
    get('c'); // full: evicts 'a', the least recently used, and keeps 'hot'
    get('hot');
    get('b');
    expect(made).toEqual(['hot', 'a', 'b', 'c']);
    get('a');
    expect(made).toEqual(['hot', 'a', 'b', 'c', 'a']);
  });

  it('keeps a hot shape compiled while a thousand one-off shapes overflow the cache', () => {
    const sql = regionsDb();
    let builds = 0;
    const hot = () =>
      sql
        .shaped('hot list', () => {
          builds += 1;
          return byName();
        })
        .all({ pattern: '城%' });
    for (let i = 0; i < 1500; i++) {
      if (i % 100 === 0) expect(hot().map((r) => r.code)).toEqual(['01', '03']);
      sql.shaped(`one-off ${i}`, () => qb.selectFrom('regions').select('code').where('code', '=', named('code')));
    }
    hot();
    expect(builds).toBe(1);
  });
});
