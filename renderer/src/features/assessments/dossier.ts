import type { AssessmentDetail } from '@shared/contract/assessments';
import type { RiskTask } from '@shared/contract/risk-tasks';
import { ASSESSMENT_MATTER_TYPE_LABELS } from '@shared/domain/risks/assessment-content';
import { ASSESSMENT_CONCLUSION_LABELS, RISK_LEVEL_LABELS } from '@shared/domain/risks/assessment-levels';
import { ASSESSMENT_STATUS_LABELS } from '@shared/domain/risks/assessment-statuses';
import { TASK_STATUS_LABELS } from '@shared/domain/risks/tasks';
import type { DossierSource } from '@/ledger/print/dossier';

/** An assessment's 一案一档 fields as the drawer shows them, its measures included. */
export const assessmentDossier = (detail: AssessmentDetail, measures: readonly RiskTask[]): DossierSource => ({
  entity: 'assessment',
  attachments: 'assessment',
  fields: [
    { label: '事项名称', value: detail.matter, wide: true },
    { label: '状态', value: ASSESSMENT_STATUS_LABELS[detail.status] },
    { label: '事项类型', value: ASSESSMENT_MATTER_TYPE_LABELS[detail.matterType] },
    { label: '提出单位', value: detail.proposingUnitName },
    { label: '评估主体', value: detail.assessingBody },
    { label: '涉及乡镇/街道', value: detail.townships.map((t) => t.name).join('、') },
    { label: '涉及人数', value: detail.peopleAffected },
    { label: '立项日期', value: detail.registeredOn },
    { label: '实施日期', value: detail.implementedOn },
    { label: '事项概况', value: detail.description, wide: true },
    { label: '评估风险等级', value: detail.riskLevelBefore ? RISK_LEVEL_LABELS[detail.riskLevelBefore] : null },
    { label: '剩余风险等级', value: detail.riskLevelAfter ? RISK_LEVEL_LABELS[detail.riskLevelAfter] : null },
    {
      label: '评估建议结论',
      value: detail.recommendedConclusion ? ASSESSMENT_CONCLUSION_LABELS[detail.recommendedConclusion] : null,
    },
    { label: '决策结果', value: detail.decision ? ASSESSMENT_CONCLUSION_LABELS[detail.decision] : '未决策' },
    { label: '建议理由', value: detail.recommendationReason, wide: true },
    {
      label: '决策机关、日期',
      value: detail.decidedBy ? `${detail.decidedBy}，${detail.decidedOn}` : null,
      wide: true,
    },
    { label: '决策说明', value: detail.decisionReason, wide: true },
    { label: '下次复评', value: detail.nextReReviewOn },
    { label: '归档日期', value: detail.archivedOn },
    { label: '归档说明', value: detail.archiveNote, wide: true },
    {
      label: '风险防范化解措施',
      value: measures
        .map((t) => `${t.title}（${t.unitName}，${t.startDate} 至 ${t.dueDate}，${TASK_STATUS_LABELS[t.status]}）`)
        .join('\n'),
      wide: true,
    },
  ],
});
