import type { z } from 'zod';
import type { AssessmentDetail, assessmentsEmergencyPlanInput } from '../../../../shared/contract/assessments';
import { emergencyPlanProblems } from '../../../../shared/domain/risks/emergency-plan';
import { AppError } from '../../../../shared/errors';
import { assertNoProblems, invalidField } from '../../api/problems';
import type { HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { todayOf } from '../../ledger/clock';
import { ledgerWrite } from '../../ledger/write';
import { detailOf } from './common';
import { addEvent } from './events';
import { assessmentStore } from './store';

type Input = z.output<typeof assessmentsEmergencyPlanInput>;

/**
 * Records the assessment's emergency plan (应急预案), or replaces it: the summary, the day it was
 * drawn up and the file, which must be one of this assessment's attachments uploaded as 应急预案.
 * Version-checked; an archived assessment keeps the plan it was archived with.
 */
export function setEmergencyPlan(ctx: HandlerContext, input: Input): AssessmentDetail {
  ledgerWrite(ctx, assessmentStore, input, { action: 'assessments.setEmergencyPlan' }, (row) => {
    if (row.status === 'archived') {
      throw new AppError('CONFLICT', '该稳评已归档，不能再更换应急预案。', [{ path: 'status', message: '已归档' }]);
    }
    assertNoProblems(emergencyPlanProblems(input, todayOf(ctx)));
    const file = input.attachmentId
      ? ctx.sql.get(
          qb
            .selectFrom('attachments')
            .select('file_name')
            .where('id', '=', input.attachmentId)
            .where('entity', '=', 'assessment')
            .where('entity_id', '=', row.id)
            .where('purpose', '=', 'emergency_plan'),
        )
      : undefined;
    if (input.attachmentId && !file) {
      invalidField('attachmentId', '所选预案文件不是本稳评上传的应急预案，请重新上传。');
    }
    addEvent(ctx, {
      assessment_id: row.id,
      kind: 'update',
      note: `应急预案（${input.drawnUpOn}制定）：${input.summary}${file ? `\n预案文件：${file.file_name}` : ''}`,
    });
    return {
      set: {
        emergency_plan_summary: input.summary,
        emergency_plan_on: input.drawnUpOn,
        emergency_plan_attachment_id: input.attachmentId,
      },
      fields: ['emergencyPlan'],
    };
  });
  return detailOf(ctx, input.id);
}
