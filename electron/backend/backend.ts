import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Dispatch } from './api/dispatch';
import type { CallContext, Services } from './api/types';
import type { MigrationOutcome } from './db/migrations';

/**
 * What opening a data folder gives the transports, scripts and tests: the ready backend (app.ts)
 * or, while a damaged data file waits to be restored, the recovery backend (recovery.ts).
 */
export interface Backend {
  /** The transports' entry: any method name, any input, checked and validated inside. */
  dispatch: Dispatch;
  /** The same dispatch, typed by the contract: for scripts, the bench and tests. */
  call<M extends MethodName>(method: M, input: InputOf<M>, context: CallContext): Promise<Result<OutputOf<M>>>;
  services: Services;
  dataDir: string;
  dbFile: string;
  migration: MigrationOutcome;
  /** Set while the data file, found damaged or lost at start-up, waits to be restored from a backup. */
  recovery: { movedTo: string | null; problem: string } | null;
  close(): void;
}
