import type { z } from 'zod';
import type { AssessmentDetail, assessmentsTransitionInput } from '../../../../shared/contract/assessments';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  RISK_LEVEL_LABELS,
  type AssessmentConclusion,
  type RiskLevel,
} from '../../../../shared/domain/risks/assessment-levels';
import {
  ASSESSMENT_TRANSITION_FIELDS,
  assessmentTransitionProblems,
  nextAssessmentStatus,
  type AssessmentAction,
  type AssessmentTransitionInput,
} from '../../../../shared/domain/risks/assessment-statuses';
import type { HandlerContext } from '../../api/types';
import { transitionRecord } from '../../ledger/transition';
import { notify } from '../../ledger/notifications/notify';
import type { ColumnChanges } from '../../ledger/write';
import { todayOf } from '../../ledger/clock';
import { detailOf } from './common';
import { assessmentStore } from './store';
import { contentOf, measureCounts, type AssessmentTableRow } from './repo';

type Input = z.output<typeof assessmentsTransitionInput>;
type Changes = ColumnChanges;

/** The content fields a step may confirm or change; absent from the request, they read as stored. */
const storedFields = (row: AssessmentTableRow): AssessmentTransitionInput => ({
  assessingBody: row.assessing_body,
  riskLevelBefore: row.risk_level_before,
  riskLevelAfter: row.risk_level_after,
  recommendedConclusion: row.recommended_conclusion,
  recommendationReason: row.recommendation_reason,
});

/** What each step writes, from its checked fields. */
function changesOf(action: AssessmentAction, f: AssessmentTransitionInput, today: string): Changes {
  switch (action) {
    case 'startAssessment':
      return { assessing_body: f.assessingBody! };
    case 'submitForDecision':
      return {
        risk_level_before: f.riskLevelBefore as RiskLevel,
        risk_level_after: f.riskLevelAfter as RiskLevel,
        recommended_conclusion: f.recommendedConclusion as AssessmentConclusion,
        recommendation_reason: f.recommendationReason ?? '',
      };
    case 'decide':
      return {
        decision: f.decision as AssessmentConclusion,
        decided_by: f.decidedBy!,
        decided_on: f.decidedOn!,
        decision_reason: f.decisionReason || null,
      };
    // Assessed anew: the postponed decision stays in the timeline, not on the record.
    case 'reassess':
      return { decision: null, decided_by: null, decided_on: null, decision_reason: null };
    case 'startTracking':
      return { implemented_on: f.implementedOn!, next_re_review_on: f.nextReReviewOn!, last_reviewed_on: null };
    case 'archive':
      return { archive_note: f.archiveNote!, archived_on: today };
    case 'sendBack':
      return {};
  }
}

/** The timeline's line for a step. */
function noteOf(action: AssessmentAction, f: AssessmentTransitionInput, row: AssessmentTableRow): string {
  const conclusion = (value: string | null | undefined) =>
    value ? ASSESSMENT_CONCLUSION_LABELS[value as AssessmentConclusion] : '—';
  const level = (value: string | null | undefined) => (value ? RISK_LEVEL_LABELS[value as RiskLevel] : '—');
  switch (action) {
    case 'startAssessment':
      return `评估主体：${f.assessingBody}`;
    case 'submitForDecision':
      return [
        `评估风险等级：${level(f.riskLevelBefore)}，剩余风险等级：${level(f.riskLevelAfter)}，建议结论：${conclusion(f.recommendedConclusion)}`,
        f.recommendationReason ? `建议理由：${f.recommendationReason}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'decide':
      return [
        `决策结果：${conclusion(f.decision)}（${f.decidedBy}，${f.decidedOn}）`,
        f.decisionReason ? `决策说明：${f.decisionReason}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    case 'reassess':
      return `原决策：${conclusion(row.decision)}（${row.decided_by ?? '—'}，${row.decided_on ?? '—'}）\n原因：${f.reason}`;
    case 'sendBack':
      return `原因：${f.reason}`;
    case 'startTracking':
      return `实施日期：${f.implementedOn}，下次复评：${f.nextReReviewOn}`;
    case 'archive':
      return `归档说明：${f.archiveNote}`;
  }
}

/**
 * One step of the workflow (立项 → 评估中 → 待决策 → 已决策 → 跟踪中 → 已归档). The domain's
 * `assessmentTransitionProblems` decides: a refused state is a CONFLICT with its message, missing
 * or wrong fields a VALIDATION naming them. The change, its timeline entry and its audit row
 * commit together.
 */
export function transitionAssessment(ctx: HandlerContext, input: Input): AssessmentDetail {
  const today = todayOf(ctx);
  const given: AssessmentTransitionInput = {};
  for (const field of ASSESSMENT_TRANSITION_FIELDS) if (input[field] !== undefined) given[field] = input[field];
  transitionRecord(ctx, assessmentStore, input, (row: AssessmentTableRow) => {
    const fields: AssessmentTransitionInput = { ...storedFields(row), ...given };
    const counts = measureCounts(ctx.sql, row.id);
    return {
      problems: assessmentTransitionProblems(row.status, input.action, fields, {
        today,
        content: { ...contentOf(ctx.sql, row.id), measureCount: counts.measureCount },
        mapping: ctx.settings.work.conclusionMapping,
        recommendedConclusion: row.recommended_conclusion,
        riskLevelAfter: row.risk_level_after,
        hasEmergencyPlan: row.emergency_plan_summary !== null,
        decision: row.decision,
        decidedOn: row.decided_on,
        openMeasureCount: counts.openMeasureCount,
      }),
      to: nextAssessmentStatus(row.status, input.action),
      set: changesOf(input.action, fields, today),
      fields: Object.keys(given),
      note: noteOf(input.action, fields, row),
      afterwards: () => {
        if (input.action !== 'sendBack') return;
        notify(ctx, {
          kind: 'returned',
          ledger: 'assessment',
          recordId: row.id,
          recordNo: row.assessment_no,
          townshipCode: null,
          userId: row.created_by,
          unitId: row.proposing_unit_id,
          text: `稳评 ${row.assessment_no}「${row.matter}」退回补充评估：${input.reason ?? ''}`,
        });
      },
    };
  });
  return detailOf(ctx, input.id);
}
