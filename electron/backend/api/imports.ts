import { assessmentImportKind } from '../features/assessments/import';
import { hazardImportKind } from '../features/hazards/import';
import { personImport } from '../features/people/import';
import { petitionImportKind } from '../features/petitions/import';
import { regionImport } from '../features/regions/import';
import { unitImport } from '../features/units/import';
import type { ImportKinds } from '../import/service';

/** What each feature lends the import engine, put together here as features may not import one another. */
export const importKinds: ImportKinds = {
  regions: regionImport,
  units: unitImport,
  people: personImport,
  petitions: petitionImportKind,
  hazards: hazardImportKind,
  assessments: assessmentImportKind,
};
