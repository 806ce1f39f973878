import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { handlers } from './api/handlers';
import { createDispatch, type Dispatch } from './api/dispatch';
import { openDatabase } from './db/database';
import type { MigrationOutcome } from './db/migrations';
import { Sql } from './db/sql';
import type { CallContext } from './api/types';

export interface Backend {
  /** The transports' entry: any method name, any input, validated inside. */
  dispatch: Dispatch;
  /** The same dispatch, typed by the contract: for scripts, the bench and tests. */
  call<M extends MethodName>(method: M, input: InputOf<M>, context: CallContext): Promise<Result<OutputOf<M>>>;
  dataDir: string;
  dbFile: string;
  migration: MigrationOutcome;
  close(): void;
}

/**
 * The whole backend for one data folder: the database (opened, checked, migrated) and the
 * dispatch every transport calls. The same in the desktop data host, web mode, tests and bench.
 */
export async function openBackend(dataDir: string): Promise<Backend> {
  const { db, file, migration } = await openDatabase(dataDir);
  const sql = new Sql(db);
  const dispatch = createDispatch(handlers, { sql, dataDir });
  return {
    dispatch,
    call: (method, input, context) => dispatch(method, input, context) as Promise<Result<OutputOf<typeof method>>>,
    dataDir,
    dbFile: file,
    migration,
    close: () => db.close(),
  };
}
