import { z } from 'zod';
import type { ExportFile } from './audit';
import { defineMethod } from './define';
import { personalRevealInput } from './personal';
import { petitionsListInput } from './petitions';

/** The largest export: the whole backlog of a large county. */
export const PETITION_EXPORT_MAX_ROWS = 100_000;

/** The list's filter and order, without paging: the export is of everything the search finds. */
export const petitionExportFilter = petitionsListInput.omit({ page: true, pageSize: true });

export const petitionsExportStartInput = petitionExportFilter
  .extend({
    /** Full names, ID numbers and phones: needs personal.reveal and a reason, and is audited. */
    unmasked: z.boolean().default(false),
    reason: personalRevealInput.shape.reason.optional(),
  })
  .strict()
  .refine((input) => !input.unmasked || input.reason, {
    path: ['reason'],
    error: '不脱敏导出须填写“导出原因”（至少 4 个字）',
  });

const jobId = z.object({ jobId: z.uuid({ error: '导出任务编号格式不正确' }) }).strict();

export const EXPORT_STATES = ['running', 'done', 'failed'] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

/** Where an export job stands: `done` of `total` rows written; `message` says what failed. */
export interface ExportProgress {
  jobId: string;
  state: ExportState;
  done: number;
  total: number;
  message: string;
}

export const petitionExportContract = {
  'petitions.exportStart': defineMethod<ExportProgress>()({
    input: petitionsExportStartInput,
    access: 'petitions.read',
    summary: `按当前筛选开始导出积案台账为 Excel（最多 ${PETITION_EXPORT_MAX_ROWS} 行；默认脱敏）`,
  }),
  'petitions.exportProgress': defineMethod<ExportProgress>()({
    input: jobId,
    access: 'petitions.read',
    summary: '查询本人导出任务的进度',
  }),
  'petitions.exportFetch': defineMethod<ExportFile>()({
    input: jobId,
    access: 'petitions.read',
    summary: '取回本人已完成的导出文件（取回后任务即删除，记入审计日志）',
  }),
};
