import Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { signInAdmin, testBackend } from './backend';

/** The demo county the demo tests load unless told otherwise. */
export const DEMO_OPTIONS = { scale: 'small', seed: 20261122 } as const;

/** Reads the backend's database through a separate read-only connection, closed afterwards. */
export function readOnly<T>(backend: Backend, read: (db: Database.Database) => T): T {
  const db = new Database(backend.dbFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A fresh backend with the demo county loaded by the administrator, who stays signed in. */
export async function demoBackend(
  options: { scale: 'small' | 'large'; seed: number } = DEMO_OPTIONS,
): Promise<{ backend: Backend; admin: CallContext }> {
  const backend = await testBackend();
  const admin = await signInAdmin(backend);
  const result = await backend.dispatch('system.loadDemo', options, admin);
  if (!result.ok) throw new Error(result.error.message);
  return { backend, admin };
}
