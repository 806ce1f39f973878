import { z } from 'zod';
import { defineMethod } from './define';

/** The documents the app prints (the print kernel's previews), as the audit log names them. */
export const PRINT_DOCUMENTS = ['assignment', 'supervision', 'dossier', 'ledger', 'duty'] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];
export const PRINT_DOCUMENT_LABELS: Record<PrintDocument, string> = {
  assignment: '交办单',
  supervision: '督办通知',
  dossier: '一案一档',
  ledger: '台账列表',
  duty: '值班表',
};

/** Where a printed document went: a PDF file (desktop), a printer (desktop), the browser's print (web mode). */
export const PRINT_OUTPUTS = ['pdf', 'printer', 'browser'] as const;
export type PrintOutput = (typeof PRINT_OUTPUTS)[number];
export const PRINT_OUTPUT_LABELS: Record<PrintOutput, string> = {
  pdf: '保存为 PDF',
  printer: '打印',
  browser: '浏览器打印',
};

/** What a printed document is, for its audit row: the kind, its title, the record it shows, how many rows. */
export const printDocumentFields = {
  document: z.enum(PRINT_DOCUMENTS, { error: '请选择要打印的文书' }),
  title: z.string().trim().min(1, '请填写文书标题').max(100, '文书标题不能超过 100 个字'),
  /** The ledger key of the record shown (petition, hazard, assessment), when one record is. */
  entity: z
    .string()
    .regex(/^[a-z]{1,20}$/, '记录类型格式不正确')
    .optional(),
  recordId: z.uuid({ error: '编号格式不正确' }).optional(),
  rows: z.number().int().min(0).max(100_000).optional(),
};

export const printRecordInput = z
  .object({ ...printDocumentFields, output: z.enum(PRINT_OUTPUTS, { error: '请选择打印方式' }) })
  .strict();
export const printDocumentInput = z.object(printDocumentFields).strict();

export interface PdfSaved {
  /** False when the user closed the save dialog: nothing was written or recorded. */
  saved: boolean;
  /** The file's name (not its folder) when saved. */
  fileName: string | null;
}

export interface Printed {
  /** False when the print dialog was cancelled: nothing was recorded. */
  printed: boolean;
}

export const printContract = {
  'print.record': defineMethod<{ recorded: true }>()({
    input: printRecordInput,
    access: 'session',
    summary: '记录一份文书离开系统（打印或保存为 PDF），写入审计日志',
  }),
  'print.toPdf': defineMethod<PdfSaved>()({
    input: printDocumentInput,
    access: 'session',
    summary: '把打印预览中的文书保存为 PDF 文件（仅桌面程序；选择保存位置后写入审计日志）',
  }),
  'print.toPrinter': defineMethod<Printed>()({
    input: printDocumentInput,
    access: 'session',
    summary: '打印预览中的文书（仅桌面程序；打印后写入审计日志）',
  }),
};
