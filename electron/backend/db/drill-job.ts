import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditVerification } from '../../../shared/contract/audit';
import { verifyChain } from '../audit/verify';
import { heldKeyring } from '../keys/keyring';
import { jobOf, type JobBody } from '../workers/job';
import { DB_FILE_NAME, openDatabase } from './database';
import { countRows } from './integrity';
import { Sql } from './sql';

export interface DrillInput {
  /** The backup restored. */
  backup: string;
  /** An empty folder inside the data folder: the drill's data folder. */
  scratch: string;
  /** Where the data folder's key files are, and how the ring wraps them. */
  keyring: { dir: string; wrapper: string };
  /** The audit key's bytes, to verify the restored chain (held in the worker's memory only). */
  auditKey: Uint8Array;
  /** The caller's clock. */
  at: string;
}

export interface DrillOutcome {
  counts: Record<string, number>;
  chain: AuditVerification;
}

/**
 * A restore drill's heavy part in a worker: the backup copied into the scratch folder and opened
 * through the app's own open path (start-up check, migrations), its rows counted and its audit
 * chain verified. The caller compares, records and audits.
 */
export const drillJob = jobOf<DrillInput, DrillOutcome>('backup.drill');

export const drillBackup: JobBody<typeof drillJob> = async (input, scope) => {
  if (!scope.key) throw new Error('a restore drill needs the personal data key');
  copyFileSync(input.backup, join(input.scratch, DB_FILE_NAME));
  const keyring = heldKeyring(input.keyring.dir, input.keyring.wrapper, scope.key);
  const { db } = await openDatabase(input.scratch, keyring);
  try {
    const counts = countRows(db);
    return { counts, chain: verifyChain(new Sql(db), Buffer.from(input.auditKey), new Date(input.at)) };
  } finally {
    db.close();
  }
};
