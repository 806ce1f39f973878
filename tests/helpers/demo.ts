import { cipherOf, installCipher } from '../../electron/backend/db/personal-cipher';
import Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { openBackend } from '../../electron/backend/app';
import { ADMIN, signInAdmin, signInWith, testBackend } from './backend';
import { TEST_PASSWORD_HASH_COST } from './hash-cost';
import { dataTemplate } from './template';

/** The demo county the demo tests load unless told otherwise. */
export const DEMO_OPTIONS = { scale: 'small', seed: 20261122 } as const;

/**
 * The county's date the tests' demo is loaded on (the app loads it around the real today): a fixed
 * day, so the same seed gives the same ledgers on any day the tests run.
 */
export const DEMO_TODAY = '2026-11-20';
/** Noon of DEMO_TODAY in the county (UTC+8). */
const demoClock = () => new Date(`${DEMO_TODAY}T04:00:00.000Z`);

/** Reads the backend's database through a separate read-only connection, closed afterwards. */
export function readOnly<T>(backend: Backend, read: (db: Database.Database) => T): T {
  const db = new Database(backend.dbFile, { readonly: true });
  installCipher(db, cipherOf(backend.services.sql.db));
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A row as the app reads it: sealed values opened, blind indexes (they differ with the key) left out. */
export const inClear = (db: Database.Database, row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => !column.endsWith('_bi'))
      .map(([column, value]) => [
        column,
        typeof value === 'string' && value.startsWith('e1:') ? cipherOf(db).open(value) : value,
      ]),
  );

async function loadDemo(backend: Backend, options: { scale: 'small' | 'large'; seed: number }): Promise<CallContext> {
  const admin = await signInAdmin(backend);
  const result = await backend.dispatch('system.loadDemo', options, admin);
  if (!result.ok) throw new Error(result.error.message);
  return admin;
}

/** A fresh backend with the demo county loaded afresh by the administrator, who stays signed in. */
export async function loadedDemoBackend(
  options: { scale: 'small' | 'large'; seed: number } = DEMO_OPTIONS,
): Promise<{ backend: Backend; admin: CallContext }> {
  const backend = await testBackend({ now: demoClock });
  return { backend, admin: await loadDemo(backend, options) };
}

/** The demo county of DEMO_OPTIONS, loaded once per test file. */
const demoTemplate = dataTemplate(async (dataDir) => {
  const backend = await openBackend(dataDir, { passwordHashCost: TEST_PASSWORD_HASH_COST, now: demoClock });
  try {
    await loadDemo(backend, DEMO_OPTIONS);
  } finally {
    backend.close();
  }
});

/**
 * A backend with the demo county of DEMO_OPTIONS loaded by the administrator, who is signed in: a
 * fresh copy of the file's template.
 */
export async function demoBackend(): Promise<{ backend: Backend; admin: CallContext }> {
  const { dataDir } = await demoTemplate();
  const backend = await testBackend({}, dataDir);
  return { backend, admin: await signInWith(backend, ADMIN) };
}

/** Queries on a test's demo database through a separate read-only connection: every row, or one value. */
export function demoQueries(backend: () => Backend) {
  return {
    all: <T>(query: string, ...params: unknown[]): T[] =>
      readOnly(backend(), (db) => db.prepare(query).all(...params) as T[]),
    one: <T = unknown>(query: string, ...params: unknown[]): T =>
      readOnly(backend(), (db) =>
        db
          .prepare(query)
          .pluck()
          .get(...params),
      ) as T,
  };
}

/**
 * Every row of a ledger's tables in clear, in the order `clause` gives each table (with what it
 * keeps), without the `userColumns` naming the account that loaded the demo (they differ between
 * databases): two loads of one seed compare equal.
 */
export function demoRows(
  backend: Backend,
  tables: readonly string[],
  userColumns: readonly string[],
  clause: (table: string) => string = () => 'ORDER BY id',
): Record<string, Array<Record<string, unknown>>> {
  return readOnly(backend, (db) =>
    Object.fromEntries(
      tables.map((table) => [
        table,
        (db.prepare(`SELECT * FROM ${table} ${clause(table)}`).all() as Array<Record<string, unknown>>).map((row) =>
          Object.fromEntries(Object.entries(inClear(db, row)).filter(([column]) => !userColumns.includes(column))),
        ),
      ]),
    ),
  );
}
