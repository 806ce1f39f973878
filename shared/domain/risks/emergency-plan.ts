/**
 * A 稳评's emergency plan (应急预案) as the 2492 document asks for it: a document with its summary
 * and the day it was drawn up, its file attached to the assessment (purpose 应急预案). A plan
 * recorded before files were kept has a summary and no file.
 */
import { dateProblem, todayBound } from '../ledger/dates';
import { isBlank, type FieldProblem } from '../ledger/state-machine';

export const EMERGENCY_PLAN_SUMMARY_MAX = 500;

export const EMERGENCY_PLAN_FIELD_LABELS = {
  summary: '预案摘要',
  drawnUpOn: '制定日期',
  attachmentId: '预案文件',
} as const;

export interface EmergencyPlanDraft {
  summary?: string | null;
  drawnUpOn?: string | null;
}

/** What is wrong with a plan as entered: a summary and a date drawn up, not after today. */
export function emergencyPlanProblems(draft: EmergencyPlanDraft, today?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isBlank(draft.summary)) problems.push({ path: 'summary', message: '请填写“预案摘要”' });
  if (isBlank(draft.drawnUpOn)) problems.push({ path: 'drawnUpOn', message: '请填写“制定日期”' });
  const date = dateProblem('drawnUpOn', EMERGENCY_PLAN_FIELD_LABELS.drawnUpOn, draft.drawnUpOn, {
    notAfter: todayBound(today),
  });
  if (date) problems.push(date);
  return problems;
}
