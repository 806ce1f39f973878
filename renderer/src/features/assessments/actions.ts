import type { AssessmentDetail } from '@shared/contract/assessments';
import type { Access } from '@shared/domain/roles';
import {
  allowedAssessmentActions,
  ASSESSMENT_ACTION_LABELS,
  type AssessmentAction,
} from '@shared/domain/risks/assessment-statuses';

/** What the drawer offers: a workflow step, an edit of the content, or a re-review. */
export type AssessmentDrawerAction = AssessmentAction | 'edit' | 'reReview';

export interface AssessmentButton {
  action: AssessmentDrawerAction;
  label: string;
  type: 'primary' | 'success' | 'warning' | 'default';
}

const BUTTON_TYPES: Partial<Record<AssessmentAction, AssessmentButton['type']>> = {
  decide: 'success',
  sendBack: 'warning',
  reassess: 'warning',
  archive: 'default',
};

/**
 * The buttons for an assessment the user may change (risks.write): the steps its status allows
 * (the domain's `allowedAssessmentActions`), editing while the content is still open (立项、评估中)
 * and recording a re-review while tracking.
 */
export function assessmentButtons(detail: AssessmentDetail, can: (access: Access) => boolean): AssessmentButton[] {
  if (!can('risks.write')) return [];
  const buttons: AssessmentButton[] = allowedAssessmentActions(detail.status).map((action) => ({
    action,
    label: ASSESSMENT_ACTION_LABELS[action],
    type: BUTTON_TYPES[action] ?? 'primary',
  }));
  if (detail.status === 'registered' || detail.status === 'assessing') {
    buttons.push({ action: 'edit', label: '更正', type: 'default' });
  }
  if (detail.status === 'tracking') buttons.push({ action: 'reReview', label: '登记复评', type: 'default' });
  return buttons;
}
