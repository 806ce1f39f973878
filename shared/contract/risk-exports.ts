import { assessmentsListInput } from './assessments';
import { defineMethod } from './define';
import { EXPORT_MAX_ROWS, exportStartInput, type ExportProgress } from './exports';
import { hazardsListInput } from './hazards';

/** The risk ledgers' exports: each list's filter and order, without paging (job progress and fetch: exports.ts). */
export const hazardExportFilter = hazardsListInput.omit({ page: true, pageSize: true });
export const hazardsExportStartInput = exportStartInput(hazardExportFilter);

export const assessmentExportFilter = assessmentsListInput.omit({ page: true, pageSize: true });
/** Assessments hold no personal data: the export is of the filter alone. */
export const assessmentsExportStartInput = assessmentExportFilter.strict();

export const riskExportContract = {
  'hazards.exportStart': defineMethod<ExportProgress>()({
    input: hazardsExportStartInput,
    access: 'risks.read',
    summary: `按当前筛选开始导出风险隐患台账为 Excel（最多 ${EXPORT_MAX_ROWS} 行；涉及人员默认脱敏）`,
  }),
  'assessments.exportStart': defineMethod<ExportProgress>()({
    input: assessmentsExportStartInput,
    access: 'risks.read',
    summary: `按当前筛选开始导出稳评台账为 Excel（最多 ${EXPORT_MAX_ROWS} 行）`,
  }),
};
