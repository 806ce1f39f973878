import { defineMethod } from './define';
import { EXPORT_MAX_ROWS, exportStartInput, type ExportProgress } from './exports';
import { petitionsListInput } from './petitions';

export { EXPORT_STATES, type ExportProgress, type ExportState } from './exports';

/** The largest export: the whole backlog of a large county. */
export const PETITION_EXPORT_MAX_ROWS = EXPORT_MAX_ROWS;

/** The list's filter and order, without paging: the export is of everything the search finds. */
export const petitionExportFilter = petitionsListInput.omit({ page: true, pageSize: true });

export const petitionsExportStartInput = exportStartInput(petitionExportFilter);

export const petitionExportContract = {
  'petitions.exportStart': defineMethod<ExportProgress>()({
    input: petitionsExportStartInput,
    access: 'petitions.read',
    summary: `按当前筛选开始导出积案台账为 Excel（最多 ${PETITION_EXPORT_MAX_ROWS} 行；默认脱敏）`,
  }),
};
