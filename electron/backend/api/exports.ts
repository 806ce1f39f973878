import { PersonalCipher } from '../db/personal-cipher';
import { readExport, type LedgerExport } from '../ledger/exports/export';
import type { ledgerExportJob } from '../ledger/exports/job';
import type { JobBody } from '../workers/job';
import { assessmentExport } from '../features/assessments/export';
import { disputeExport } from '../features/disputes/export';
import { hazardExport } from '../features/hazards/export';
import { petitionExport } from '../features/petitions/export';

/** Each ledger's export by the ledger's key, for the worker that reads its rows (workers/entry.ts). */
const EXPORTS: Record<string, LedgerExport<never, { id: string }, string>> = {
  petition: petitionExport as never,
  hazard: hazardExport as never,
  assessment: assessmentExport as never,
  dispute: disputeExport as never,
};

export const writeLedgerExport: JobBody<typeof ledgerExportJob> = (job, scope) => {
  const ledger = EXPORTS[job.ledger];
  // The job list (export/jobs.ts) answers any error but an AppError with its own 导出失败 message.
  if (!ledger || !scope.key) throw new Error(`no export for ledger ${job.ledger}, or no key`);
  return readExport(ledger, job, new PersonalCipher(scope.key), scope.progress);
};
