/**
 * The workflow of a stability assessment: 立项 → 评估中 → 待决策 → 已决策 → 跟踪中 → 已归档.
 * The backend applies a transition only if `assessmentTransitionProblems` is empty; forms call the
 * same function, so both give the same answer in the same words.
 */
import { compact, choiceProblem } from './fields';
import { dateProblem, todayBound } from '../ledger/dates';
import { defineStateMachine, isBlank, type FieldInput, type FieldProblem } from '../ledger/state-machine';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  ASSESSMENT_CONCLUSIONS,
  ASSESSMENT_DECISIONS,
  DEFAULT_CONCLUSION_MAPPING,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  riskLevelRank,
  suggestConclusion,
  type AssessmentConclusion,
  type AssessmentDecision,
  type ConclusionMapping,
  type RiskLevel,
} from './assessment-levels';
import { readinessProblems, type AssessmentContent, type ReadinessSettings } from './assessment-content';

export const ASSESSMENT_STATUSES = [
  'registered',
  'assessing',
  'pending_decision',
  'decided',
  'tracking',
  'archived',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

// 已归档 rather than 归档, so the status never reads like the action of the same name.
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  registered: '立项',
  assessing: '评估中',
  pending_decision: '待决策',
  decided: '已决策',
  tracking: '跟踪中',
  archived: '已归档',
};

export const ASSESSMENT_ACTIONS = [
  'startAssessment',
  'submitForDecision',
  'sendBack',
  'decide',
  'reassess',
  'startTracking',
  'archive',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const ASSESSMENT_ACTION_LABELS: Record<AssessmentAction, string> = {
  startAssessment: '开始评估',
  submitForDecision: '提请决策',
  sendBack: '退回补充评估',
  decide: '作出决策',
  reassess: '重新评估',
  startTracking: '开始跟踪',
  archive: '归档',
};

/**
 * from-status → to-status for each action. Which of the decided paths is open depends on the
 * decision taken (checked by `assessmentTransitionProblems`):
 * - 实施: startTracking (follow-up after implementation), archived only after tracking;
 * - 暂缓实施: reassess (the matter comes back, assessed anew) or archive;
 * - 不实施: archive.
 * sendBack: the leadership returns the assessment for more work before deciding.
 */
export const ASSESSMENT_TRANSITIONS: Record<AssessmentAction, Partial<Record<AssessmentStatus, AssessmentStatus>>> = {
  startAssessment: { registered: 'assessing' },
  submitForDecision: { assessing: 'pending_decision' },
  sendBack: { pending_decision: 'assessing' },
  decide: { pending_decision: 'decided' },
  reassess: { decided: 'assessing' },
  startTracking: { decided: 'tracking' },
  archive: { decided: 'archived', tracking: 'archived' },
};

export const ASSESSMENT_TRANSITION_FIELDS = [
  'assessingBody',
  'riskLevelBefore',
  'riskLevelAfter',
  'recommendedConclusion',
  'recommendationReason',
  'reason',
  'decision',
  'decidedBy',
  'decidedOn',
  'decisionReason',
  'implementedOn',
  'nextReReviewOn',
  'archiveNote',
] as const;
export type AssessmentTransitionField = (typeof ASSESSMENT_TRANSITION_FIELDS)[number];

export const ASSESSMENT_TRANSITION_FIELD_LABELS: Record<AssessmentTransitionField, string> = {
  assessingBody: '评估主体',
  riskLevelBefore: '评估风险等级（采取措施前）',
  riskLevelAfter: '剩余风险等级（采取措施后）',
  recommendedConclusion: '建议结论',
  recommendationReason: '建议理由',
  reason: '原因',
  decision: '决策结果',
  decidedBy: '决策机关',
  decidedOn: '决策日期',
  decisionReason: '决策说明',
  implementedOn: '实施日期',
  nextReReviewOn: '下次复评日期',
  archiveNote: '归档说明',
};

export const ASSESSMENT_MACHINE = defineStateMachine({
  statuses: ASSESSMENT_STATUSES,
  statusLabels: ASSESSMENT_STATUS_LABELS,
  actions: ASSESSMENT_ACTIONS,
  actionLabels: ASSESSMENT_ACTION_LABELS,
  transitions: ASSESSMENT_TRANSITIONS,
  requiredFields: {
    startAssessment: ['assessingBody'],
    submitForDecision: ['riskLevelBefore', 'riskLevelAfter', 'recommendedConclusion'],
    sendBack: ['reason'],
    decide: ['decision', 'decidedBy', 'decidedOn'],
    reassess: ['reason'],
    startTracking: ['implementedOn', 'nextReReviewOn'],
    archive: ['archiveNote'],
  },
  fieldLabels: ASSESSMENT_TRANSITION_FIELD_LABELS,
});

export const canAssessmentTransition = ASSESSMENT_MACHINE.canTransition;
export const nextAssessmentStatus = ASSESSMENT_MACHINE.nextStatus;
export const allowedAssessmentActions = ASSESSMENT_MACHINE.allowedActions;
export const assessmentTransitionError = ASSESSMENT_MACHINE.transitionError;
export const assessmentRequiredFields = (action: AssessmentAction): readonly AssessmentTransitionField[] =>
  ASSESSMENT_MACHINE.requiredFields[action];

/** Statuses past the decision: the decision field is set. */
export const DECIDED_ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['decided', 'tracking', 'archived'];

export type AssessmentTransitionInput = FieldInput<AssessmentTransitionField>;

/** The assessment as it stands, for the checks that compare with it. */
export interface AssessmentTransitionContext {
  /** Today (`YYYY-MM-DD`, the county's date). */
  today?: string;
  /** For submitForDecision: the findings, consultations, risks and measures recorded. */
  content?: AssessmentContent;
  readiness?: ReadinessSettings;
  /** The centre's residual level → suggested conclusion mapping (default: 低 实施, 中 暂缓, 高 不实施). */
  mapping?: ConclusionMapping;
  /** The recommendation submitted (for decide). */
  recommendedConclusion?: AssessmentConclusion | null;
  /** The residual level submitted (for decide). */
  riskLevelAfter?: RiskLevel | null;
  /** Whether an emergency plan (应急预案) is recorded. */
  hasEmergencyPlan?: boolean;
  /** The decision taken (for reassess, startTracking, archive). */
  decision?: AssessmentDecision | null;
  /** The day the decision was taken: implementation cannot start before it. */
  decidedOn?: string | null;
  /** Measures not yet completed or cancelled (for archiving after tracking). */
  openMeasureCount?: number;
}

const label = (field: AssessmentTransitionField) => ASSESSMENT_TRANSITION_FIELD_LABELS[field];

/**
 * Everything wrong with applying `action` to an assessment in status `from` with `input`; empty when
 * the transition may go ahead. The state error comes alone: fields do not matter for a refused action.
 */
export function assessmentTransitionProblems(
  from: AssessmentStatus,
  action: AssessmentAction,
  input: AssessmentTransitionInput,
  current: AssessmentTransitionContext = {},
): FieldProblem[] {
  const stateError = assessmentTransitionError(from, action);
  if (stateError) return [{ path: 'status', message: stateError }];
  const problems = ASSESSMENT_MACHINE.missingFieldProblems(action, input);
  const today = todayBound(current.today);
  problems.push(
    ...compact([
      choiceProblem('riskLevelBefore', label('riskLevelBefore'), input.riskLevelBefore, RISK_LEVELS, RISK_LEVEL_LABELS),
      choiceProblem('riskLevelAfter', label('riskLevelAfter'), input.riskLevelAfter, RISK_LEVELS, RISK_LEVEL_LABELS),
      choiceProblem(
        'recommendedConclusion',
        label('recommendedConclusion'),
        input.recommendedConclusion,
        ASSESSMENT_CONCLUSIONS,
        ASSESSMENT_CONCLUSION_LABELS,
      ),
      choiceProblem('decision', label('decision'), input.decision, ASSESSMENT_DECISIONS, ASSESSMENT_CONCLUSION_LABELS),
      dateProblem('decidedOn', label('decidedOn'), input.decidedOn, { notAfter: today }),
    ]),
  );
  const decision = current.decision ?? null;

  switch (action) {
    case 'submitForDecision':
      problems.push(...submissionProblems(input, current));
      break;
    case 'decide':
      problems.push(...decisionProblems(input, current));
      break;
    case 'reassess':
      if (decision !== 'postpone') {
        problems.push({ path: 'decision', message: '只有决定“暂缓实施”的事项可以重新评估' });
      }
      break;
    case 'startTracking': {
      if (decision !== 'implement') {
        problems.push({ path: 'decision', message: '只有决定“实施”的事项才进入跟踪' });
      }
      const decided = current.decidedOn ? { date: current.decidedOn, label: '决策日期' } : undefined;
      const implemented = dateProblem('implementedOn', label('implementedOn'), input.implementedOn, {
        notBefore: decided,
        notAfter: today,
      });
      if (implemented) problems.push(implemented);
      const implementedOn = input.implementedOn?.trim();
      const reReview = dateProblem('nextReReviewOn', label('nextReReviewOn'), input.nextReReviewOn, {
        notBefore: implementedOn && !implemented ? { date: implementedOn, label: '实施日期' } : today,
      });
      if (reReview) problems.push(reReview);
      break;
    }
    case 'archive':
      if (from === 'decided' && decision === 'implement') {
        problems.push({ path: 'decision', message: '决定“实施”的事项须先跟踪，跟踪结束后再归档' });
      }
      if (from === 'tracking' && (current.openMeasureCount ?? 0) > 0) {
        problems.push({
          path: 'measures',
          message: `还有 ${current.openMeasureCount} 项化解措施未完成，请完成或撤销后再归档`,
        });
      }
      break;
    default:
      break;
  }
  return problems;
}

function submissionProblems(input: AssessmentTransitionInput, current: AssessmentTransitionContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const before = asLevel(input.riskLevelBefore);
  const after = asLevel(input.riskLevelAfter);
  if (before && after && riskLevelRank(after) > riskLevelRank(before)) {
    problems.push({
      path: 'riskLevelAfter',
      message: '“剩余风险等级（采取措施后）”不能高于“评估风险等级（采取措施前）”',
    });
  }
  const recommended = asConclusion(input.recommendedConclusion);
  if (after && recommended) {
    const suggested = suggestConclusion(after, current.mapping ?? DEFAULT_CONCLUSION_MAPPING);
    if (recommended !== suggested && isBlank(input.recommendationReason)) {
      problems.push({
        path: 'recommendationReason',
        message:
          `剩余风险等级为“${RISK_LEVEL_LABELS[after]}”时推荐“${ASSESSMENT_CONCLUSION_LABELS[suggested]}”，` +
          `建议“${ASSESSMENT_CONCLUSION_LABELS[recommended]}”请填写“建议理由”`,
      });
    }
  }
  if (current.content) problems.push(...readinessProblems(current.content, { before, after }, current.readiness));
  return problems;
}

function decisionProblems(input: AssessmentTransitionInput, current: AssessmentTransitionContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const decision = asConclusion(input.decision);
  if (!decision) return problems;
  const recommended = current.recommendedConclusion ?? null;
  if (recommended && decision !== recommended && isBlank(input.decisionReason)) {
    problems.push({
      path: 'decisionReason',
      message:
        `评估建议“${ASSESSMENT_CONCLUSION_LABELS[recommended]}”，` +
        `决策为“${ASSESSMENT_CONCLUSION_LABELS[decision]}”，请填写“决策说明”`,
    });
  }
  const residual = current.riskLevelAfter ?? null;
  if (decision === 'implement' && residual && residual !== 'low' && !current.hasEmergencyPlan) {
    problems.push({
      path: 'emergencyPlan',
      message: `剩余风险等级为“${RISK_LEVEL_LABELS[residual]}”，决定实施前须制定应急预案`,
    });
  }
  return problems;
}

const asLevel = (value: string | null | undefined): RiskLevel | null =>
  (RISK_LEVELS as readonly string[]).includes(value?.trim() ?? '') ? (value!.trim() as RiskLevel) : null;

const asConclusion = (value: string | null | undefined): AssessmentConclusion | null =>
  (ASSESSMENT_CONCLUSIONS as readonly string[]).includes(value?.trim() ?? '')
    ? (value!.trim() as AssessmentConclusion)
    : null;
