import { z } from 'zod';
import type { ExportFile } from './audit';
import { defineMethod } from './define';
import { personalRevealInput } from './personal';

/**
 * The ledger exports: each ledger starts its own job (`<ledger>.exportStart`, with that ledger's
 * filter and permission); following and fetching a job are the same for every ledger, and only the
 * user who started it may (the backend's ExportJobs).
 */

/** The largest export: the whole backlog of a large county. */
export const EXPORT_MAX_ROWS = 100_000;

/** How an export treats personal data: masked unless asked, and then only with a reason. */
export const exportModeFields = {
  /** Full names, ID numbers and phones: needs personal.reveal and a reason, and is audited. */
  unmasked: z.boolean().default(false),
  reason: personalRevealInput.shape.reason.optional(),
};

const REASON_REQUIRED = '不脱敏导出须填写“导出原因”（至少 4 个字）';

const needsReason = (input: { unmasked: boolean; reason?: string | undefined }) => !input.unmasked || !!input.reason;

/** The dialog's own form: the mode and the reason, checked as the backend checks them. */
export const exportModeInput = z
  .object(exportModeFields)
  .strict()
  .refine(needsReason, { path: ['reason'], error: REASON_REQUIRED });

/** A ledger's export input: its list's filter (without paging) and the mode. */
export const exportStartInput = <Shape extends z.ZodRawShape>(filter: z.ZodObject<Shape>) =>
  filter
    .extend(exportModeFields)
    .strict()
    .refine((input) => needsReason(input as { unmasked: boolean; reason?: string }), {
      path: ['reason'],
      error: REASON_REQUIRED,
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

export const exportsContract = {
  'exports.progress': defineMethod<ExportProgress>()({
    input: jobId,
    access: 'session',
    summary: '查询本人导出任务的进度（任何台账的导出）',
  }),
  'exports.fetch': defineMethod<ExportFile>()({
    input: jobId,
    access: 'session',
    summary: '取回本人已完成的导出文件（取回后任务即删除，记入审计日志）',
  }),
};
