import type { AssessmentRow } from '../../../../shared/contract/assessments';
import { ASSESSMENT_MATTER_TYPE_LABELS } from '../../../../shared/domain/risks/assessment-content';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  ASSESSMENT_DECISION_LABELS,
  RISK_LEVEL_LABELS,
} from '../../../../shared/domain/risks/assessment-levels';
import { ASSESSMENT_STATUS_LABELS } from '../../../../shared/domain/risks/assessment-statuses';
import { principalOf } from '../../api/types';
import type { LedgerExport } from '../../ledger/exports/export';
import { assessmentClockOf } from './common';
import { listAssessments, type ListInput } from './repo';
import { assessmentStore } from './store';

const level = (value: AssessmentRow['riskLevelAfter']) => (value ? RISK_LEVEL_LABELS[value] : null);

/**
 * The assessment ledger's export (稳评台账): the list's filter and order, the assessing body and the
 * emergency plan (its summary and the day it was drawn up); no personal data.
 */
export const assessmentExport: LedgerExport<ListInput, AssessmentRow, 'assessingBody' | 'planSummary' | 'planOn'> = {
  store: assessmentStore,
  title: '稳评台账',
  noun: '稳评事项',
  filterLabels: {
    keyword: '关键字',
    status: '状态',
    riskLevel: '评估后等级',
    decision: '决策',
    townshipCode: '涉及乡镇',
    matterType: '类型',
    registeredFrom: '立项日期起',
    registeredTo: '立项日期止',
    figure: '统计口径',
    figureKey: '口径分项',
    figurePart: '口径部分',
  },
  valueLabels: {
    status: ASSESSMENT_STATUS_LABELS,
    riskLevel: RISK_LEVEL_LABELS,
    decision: ASSESSMENT_DECISION_LABELS,
    matterType: ASSESSMENT_MATTER_TYPE_LABELS,
  },
  list: (ctx) => {
    const scope = principalOf(ctx).regionCode;
    const clock = assessmentClockOf(ctx);
    return (sql, input) => listAssessments(sql, input, scope, clock);
  },
  more: { assessingBody: 'assessing_body', planSummary: 'emergency_plan_summary', planOn: 'emergency_plan_on' },
  columns: () => [
    { header: '编号', width: 14, value: (r) => r.assessmentNo },
    { header: '事项', width: 36, value: (r) => r.matter },
    { header: '类型', width: 14, value: (r) => ASSESSMENT_MATTER_TYPE_LABELS[r.matterType] },
    { header: '状态', width: 10, value: (r) => ASSESSMENT_STATUS_LABELS[r.status] },
    { header: '提出单位', width: 20, value: (r) => r.proposingUnitName },
    { header: '评估主体', width: 20, value: (r) => r.assessingBody },
    { header: '涉及乡镇', width: 20, value: (r) => r.townships.map((t) => t.name).join('、') || null },
    { header: '涉及人数', width: 8, value: (r) => r.peopleAffected },
    { header: '立项日期', width: 12, kind: 'date', value: (r) => r.registeredOn },
    { header: '评估前等级', width: 10, value: (r) => level(r.riskLevelBefore) },
    { header: '评估后等级', width: 10, value: (r) => level(r.riskLevelAfter) },
    {
      header: '建议结论',
      width: 14,
      value: (r) => (r.recommendedConclusion ? ASSESSMENT_CONCLUSION_LABELS[r.recommendedConclusion] : null),
    },
    { header: '决策', width: 14, value: (r) => (r.decision ? ASSESSMENT_DECISION_LABELS[r.decision] : null) },
    { header: '决策日期', width: 12, kind: 'date', value: (r) => r.decidedOn },
    { header: '下次复评日期', width: 12, kind: 'date', value: (r) => r.nextReReviewOn },
    {
      header: '应急预案',
      width: 36,
      value: (r) => (r.planSummary ? `${r.planSummary}${r.planOn ? `（${r.planOn}制定）` : ''}` : null),
    },
  ],
};
