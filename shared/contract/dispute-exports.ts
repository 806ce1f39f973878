import type { ExportFile } from './audit';
import { defineMethod, figuresInput } from './define';
import { disputesListInput } from './disputes';
import { EXPORT_MAX_ROWS, exportStartInput, type ExportProgress } from './exports';

/** The disputes' exports: the list's filter and order without paging (progress and fetch: exports.ts), and 纠纷统计. */
export const disputeExportFilter = disputesListInput.omit({ page: true, pageSize: true });
export const disputesExportStartInput = exportStartInput(disputeExportFilter);

export const disputeExportContract = {
  'disputes.exportStart': defineMethod<ExportProgress>()({
    input: disputesExportStartInput,
    access: 'disputes.read',
    summary: `按当前筛选开始导出矛盾纠纷台账为 Excel（最多 ${EXPORT_MAX_ROWS} 行；当事人默认脱敏）`,
  }),
  'disputes.figuresExport': defineMethod<ExportFile>()({
    input: figuresInput,
    access: 'disputes.read',
    summary: '导出纠纷统计为 Excel（各表含分子、分母、比率，标题行注明统计周期）',
  }),
};
