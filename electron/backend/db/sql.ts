import {
  DummyDriver,
  Kysely,
  sql as rawSql,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type RawBuilder,
} from 'kysely';
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

/**
 * `@name`: a value bound by name when the statement runs. A query whose values are all named has
 * the same SQL text for every value, so it can be built and compiled once per shape (`Sql.shaped`).
 */
export const named = <T = never>(name: string): RawBuilder<T> => rawSql<T>`${rawSql.raw(`@${name}`)}`;

/** Named parameters, bound by `Sql.shaped` statements (unused names are ignored). */
export type NamedParams = Record<string, unknown>;

/** Distinct SQL texts are few (one per filter combination); the cap only guards against a leak. */
const STATEMENT_CACHE_LIMIT = 1000;

/**
 * Values by key, the least recently used dropped when full: a burst of one-off statements evicts
 * the cold ones, never the hot lists' (which clearing the whole cache would make prepare again).
 */
export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value under `key`, made and kept on a miss. */
  get(key: string, make: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    } else {
      // Re-inserted: a Map keeps insertion order, so its first key is the least recently used.
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    return value;
  }
}

export class Sql {
  private readonly statements = new Lru<Statement>(STATEMENT_CACHE_LIMIT);
  private readonly shapes = new Lru<Statement>(STATEMENT_CACHE_LIMIT);

  constructor(readonly db: Db) {}

  prepare(text: string): Statement {
    return this.statements.get(text, () => this.db.prepare(text));
  }

  /** Runs a query; `params` binds the `named` parameters it holds beside its positional ones. */
  all<R>(query: Compilable<R>, params?: NamedParams): R[] {
    const { sql, parameters } = query.compile();
    const statement = this.prepare(sql);
    return (params ? statement.all(...parameters, params) : statement.all(...parameters)) as R[];
  }

  get<R>(query: Compilable<R>, params?: NamedParams): R | undefined {
    const { sql, parameters } = query.compile();
    const statement = this.prepare(sql);
    return (params ? statement.get(...parameters, params) : statement.get(...parameters)) as R | undefined;
  }

  /**
   * The statement of a query whose SQL depends only on `shape` (which filters, which order, which
   * page size) and whose values are all `named`: built and compiled on first use, then run straight
   * from the cache — on the hottest lists Kysely's building and compiling cost more than SQLite.
   * A query with a positional value would replay the first call's value, so it is refused.
   */
  shaped<R>(
    shape: string,
    build: () => Compilable<R>,
  ): { all(params: NamedParams): R[]; get(params: NamedParams): R | undefined } {
    const statement = this.shapes.get(shape, () => {
      const { sql, parameters } = build().compile();
      if (parameters.length > 0) throw new Error(`按形状缓存的查询只能使用命名参数：${shape}`);
      return this.db.prepare(sql);
    });
    return statement as unknown as { all(params: NamedParams): R[]; get(params: NamedParams): R | undefined };
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
