import type { MessagePort } from 'node:worker_threads';
import type { Principal } from '../../auth/sessions';
import type { SettingValues } from '../../db/settings';
import { jobOf } from '../../workers/job';

/** What an export's worker is handed: plain data only (the ledger by its key, the caller's scope as data). */
export interface ExportJobInput {
  ledger: string;
  /** The database file the worker reads through a snapshot of its own. */
  file: string;
  filter: Record<string, unknown>;
  unmasked: boolean;
  fileName: string;
  scope: { principal: Principal | null; at: string; settings: SettingValues };
  /** Where the rows go: the sheet's writer in another worker (export/sheet-pipe.ts). */
  port: MessagePort;
}

/** A ledger's export read by a worker thread (its body is in api/exports.ts, which knows the ledgers). */
export const ledgerExportJob = jobOf<ExportJobInput, { rows: number }>('ledger.export');
