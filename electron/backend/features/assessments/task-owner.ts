import type { HandlerContext } from '../../api/types';
import type { TaskOwnerLookup } from '../risk-tasks/task-owner';
import { findAssessment, townshipCodesOf } from './repo';

/** An assessment as the owner of mitigation measures: its townships; no new or changed measures once archived. */
export const assessmentTaskOwner: TaskOwnerLookup = (ctx: HandlerContext, id: string) => {
  const row = findAssessment(ctx.sql, id);
  if (!row) return undefined;
  return {
    townshipCodes: townshipCodesOf(ctx.sql, id),
    frozenReason: row.status === 'archived' ? '该稳评已归档，化解措施不能再增加或办理' : null,
  };
};
