import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import type { Schema } from './schema';

/**
 * Kysely as a typed query *builder* only: it compiles, better-sqlite3 runs the SQL synchronously
 * with cached prepared statements. That keeps transactions synchronous (one `BEGIN IMMEDIATE`
 * around the whole write) and the hot paths as close to raw SQL as they can be.
 */
export const qb = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** Distinct SQL texts are few (one per filter combination); the cap only guards against a leak. */
const STATEMENT_CACHE_LIMIT = 1000;

export class Sql {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).all(...parameters) as R[];
  }

  get<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).get(...parameters) as R | undefined;
  }

  run(query: Compilable<unknown>): { changes: number } {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).run(...parameters);
  }

  /**
   * Runs `fn` in one `BEGIN IMMEDIATE` transaction: all of it commits, or none of it. Inside an
   * open transaction it simply joins it (an error still rolls back the whole outer one).
   */
  transaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn).immediate();
  }
}
