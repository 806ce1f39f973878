import type { AssessmentConclusion, RiskLevel } from '@shared/domain/risks/assessment-levels';
import type { AssessmentStatus } from '@shared/domain/risks/assessment-statuses';
import type { TagType } from '@/ledger/labels';

export const ASSESSMENT_STATUS_TAG_TYPES: Record<AssessmentStatus, TagType> = {
  registered: 'info',
  assessing: 'primary',
  pending_decision: 'warning',
  decided: 'success',
  tracking: 'primary',
  archived: 'info',
};

/** 高 red, 中 orange, 低 green. */
export const RISK_LEVEL_TAG_TYPES: Record<RiskLevel, TagType> = { high: 'danger', medium: 'warning', low: 'success' };

export const CONCLUSION_TAG_TYPES: Record<AssessmentConclusion, TagType> = {
  implement: 'success',
  postpone: 'warning',
  reject: 'danger',
};
