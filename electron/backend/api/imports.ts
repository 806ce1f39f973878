import { assessmentImportKind } from '../features/assessments/import';
import { disputeImportKind } from '../features/disputes/import';
import { hazardImportKind } from '../features/hazards/import';
import { personImport } from '../features/people/import';
import { petitionImportKind } from '../features/petitions/import';
import { regionImport } from '../features/regions/import';
import { unitImport } from '../features/units/import';
import type { ImportKinds } from '../import/dry-run';
import { commitInWorker, previewInWorker, type importCommitJob, type importDryRunJob } from '../import/jobs';
import type { JobBody } from '../workers/job';

/** What each feature lends the import engine, put together here as features may not import one another. */
export const importKinds: ImportKinds = {
  regions: regionImport,
  units: unitImport,
  people: personImport,
  petitions: petitionImportKind,
  hazards: hazardImportKind,
  assessments: assessmentImportKind,
  disputes: disputeImportKind,
};

/** The import jobs' bodies over these kinds, for the worker that runs them (workers/entry.ts). */
export const dryRunImport: JobBody<typeof importDryRunJob> = (input, scope) =>
  previewInWorker(importKinds, input, scope);
export const commitImportFile: JobBody<typeof importCommitJob> = (input, scope) =>
  commitInWorker(importKinds, input, scope);
