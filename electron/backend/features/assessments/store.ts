import type { AssessmentAction } from '../../../../shared/domain/risks/assessment-statuses';
import { searchIndex } from '../../ledger/search-index';
import type { AttachmentOwner, LedgerSearch, RegionReference } from '../../ledger/registry';
import type { LedgerStore } from '../../ledger/store';
import { addEvent } from './events';
import { findAssessment, townshipCodesOf, type AssessmentTableRow } from './repo';

/** The stability assessments as the ledger kernel sees them: in scope through any township they affect. */
export const assessmentStore: LedgerStore<AssessmentTableRow> = {
  key: 'assessment',
  table: 'assessments',
  find: findAssessment,
  townshipsOf: (sql, row) => townshipCodesOf(sql, row.id),
  search: searchIndex({
    table: 'assessments_search',
    ledger: 'assessments',
    columns: { assessment_no: 'assessment_no', matter: 'matter', description: 'description' },
  }),
  addEvent: (ctx, event) =>
    addEvent(ctx, {
      assessment_id: event.recordId,
      kind: 'transition',
      action: event.action as AssessmentAction,
      from_status: event.from as AssessmentTableRow['status'],
      to_status: event.to as AssessmentTableRow['status'],
      note: event.note,
    }),
};

/** Who may read and add an assessment's files (its emergency plan among them): the risk ledger's users. */
export const assessmentAttachmentOwner: AttachmentOwner = {
  read: 'risks.read',
  upload: ['risks.write'],
  uploadDenied: '您没有为稳评上传附件的权限。',
};

/** The townships each assessment affects, which a township's merge re-points. */
export const assessmentRegions: RegionReference = {
  noun: '稳评',
  table: 'assessment_townships',
  columns: { township: 'township_code' },
  link: true,
};

/** The assessments in the one search box: number, matter and description; in scope through any township. */
export const assessmentSearch: LedgerSearch = {
  key: 'assessment',
  title: '稳评',
  read: 'risks.read',
  ledger: 'assessments',
  index: 'assessments_search',
  number: { column: 'assessment_no', prefix: 'WP' },
  texts: ['matter', 'description'],
  scope: 'r.id IN (SELECT assessment_id FROM assessment_townships WHERE township_code LIKE @scopePrefix)',
};
