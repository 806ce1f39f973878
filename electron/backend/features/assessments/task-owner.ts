import type { TaskOwnerLookup } from '../../ledger/registry';
import { findAssessment, townshipCodesOf } from './repo';

/** An assessment as the owner of mitigation measures: its townships; no new or changed measures once archived. */
export const assessmentTaskOwner: TaskOwnerLookup = (sql, id) => {
  const row = findAssessment(sql, id);
  if (!row) return undefined;
  return {
    townshipCodes: townshipCodesOf(sql, id),
    frozenReason: row.status === 'archived' ? '该稳评已归档，化解措施不能再增加或办理' : null,
  };
};
