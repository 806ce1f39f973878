import type { Page } from '@shared/contract';
import type { AssessmentRow } from '@shared/contract/assessments';
import { ASSESSMENT_MATTER_TYPE_LABELS } from '@shared/domain/risks/assessment-content';
import { ASSESSMENT_CONCLUSION_LABELS, RISK_LEVEL_LABELS } from '@shared/domain/risks/assessment-levels';
import { ASSESSMENT_STATUS_LABELS } from '@shared/domain/risks/assessment-statuses';
import type { Paging } from '@/composables/useTableState';
import { describeFilters, labelled, townshipFilter, type ListPrint } from '@/ledger/print/listPrint';

/** 打印当前列表 of 稳评台账: its columns and its filter in words (the figure behind it included). */
export const assessmentListPrint = (
  fetch: (paging: Paging) => Promise<Page<AssessmentRow>>,
  applied: () => Readonly<Record<string, unknown>>,
  figure: () => string,
): ListPrint<AssessmentRow> => ({
  title: '社会稳定风险评估台账',
  fetch,
  describe: async () => {
    const text = await describeFilters(applied(), {
      keyword: '关键词',
      status: labelled('状态', ASSESSMENT_STATUS_LABELS),
      riskLevel: labelled('风险等级', RISK_LEVEL_LABELS),
      decision: labelled('决策结果', ASSESSMENT_CONCLUSION_LABELS),
      townshipCode: townshipFilter,
      matterType: labelled('事项类型', ASSESSMENT_MATTER_TYPE_LABELS),
      registeredFrom: '立项日期自',
      registeredTo: '立项日期至',
      voided: { label: '范围', show: (v) => (v === 'only' ? '只看已作废' : '') },
    });
    return figure() ? `${text}；统计口径：${figure()}` : text;
  },
  columns: [
    { label: '稳评编号', value: (r) => r.assessmentNo, width: '14%' },
    { label: '事项名称', value: (r) => r.matter },
    { label: '事项类型', value: (r) => ASSESSMENT_MATTER_TYPE_LABELS[r.matterType], width: '11%' },
    { label: '提出单位', value: (r) => r.proposingUnitName, width: '13%' },
    { label: '状态', value: (r) => ASSESSMENT_STATUS_LABELS[r.status], width: '8%' },
    {
      label: '风险等级',
      value: (r) => (r.riskLevelBefore ? RISK_LEVEL_LABELS[r.riskLevelBefore] : null),
      width: '8%',
    },
    {
      label: '决策结果',
      value: (r) => (r.decision ? ASSESSMENT_CONCLUSION_LABELS[r.decision] : '未决策'),
      width: '10%',
    },
    { label: '立项日期', value: (r) => r.registeredOn, width: '12%' },
  ],
});
