import type { AssessmentAction } from '../../../../shared/domain/risks/assessment-statuses';
import type { LedgerStore } from '../../ledger/store';
import { addEvent } from './events';
import { findAssessment, townshipCodesOf, type AssessmentTableRow } from './repo';
import { indexAssessment } from './search-index';

/** The stability assessments as the ledger kernel sees them: in scope through any township they affect. */
export const assessmentStore: LedgerStore<AssessmentTableRow> = {
  key: 'assessment',
  table: 'assessments',
  find: findAssessment,
  townshipsOf: (sql, row) => townshipCodesOf(sql, row.id),
  reindex: indexAssessment,
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
