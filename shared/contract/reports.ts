import { z } from 'zod';
import { REPORT_KINDS, type ReportDocument, type ReportKind } from '../domain/reports/document';
import type { ExportFile } from './audit';
import { defineMethod, pageFields, type Page } from './define';

export interface SavedReport {
  id: string;
  kind: ReportKind;
  date: string;
  title: string;
  issueNo: string;
  createdByName: string;
  createdAt: string;
}

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}最多 ${max} 个字` });
const date = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const table = z
  .object({
    caption: text('表题', 60),
    columns: z.array(z.string().max(40)).min(1).max(10),
    rows: z.array(z.array(z.string().max(200)).max(10)).max(60),
  })
  .strict();

/** A report as edited in the app before it is saved: bounded, so a pasted novel is refused. */
export const reportDocumentSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    masthead: text('报头', 40),
    issueNo: text('期号', 20),
    issuer: text('编发单位', 60),
    date,
    title: text('标题', 100),
    sections: z
      .array(
        z
          .object({
            heading: text('小标题', 60),
            paragraphs: z.array(text('段落', 4000)).min(1, { error: '每一部分至少一段' }).max(50),
            tables: z.array(table).max(4).optional(),
          })
          .strict(),
      )
      .min(1, { error: '至少一个部分' })
      .max(20),
    figures: table,
    signer: text('签发人', 20),
    drafter: text('拟稿人', 20),
  })
  .strict() satisfies z.ZodType<ReportDocument>;

export const reportsContract = {
  'reports.draft': defineMethod<ReportDocument>()({
    input: z.object({ kind: z.enum(REPORT_KINDS).default('daily'), date: date.optional() }).strict(),
    access: 'reports.write',
    summary: '按台账数据生成日报、周点评或月通报草稿（可修改后保存）',
  }),
  'reports.save': defineMethod<SavedReport>()({
    input: z.object({ document: reportDocumentSchema }).strict(),
    access: 'reports.write',
    summary: '保存报告（期号按年、按类型顺延）',
  }),
  'reports.list': defineMethod<Page<SavedReport>>()({
    input: z.object({ kind: z.enum(REPORT_KINDS).optional(), ...pageFields }).strict(),
    access: 'reports.read',
    summary: '已保存的日报、周点评和月通报',
  }),
  'reports.get': defineMethod<{ report: SavedReport; document: ReportDocument }>()({
    input: z.object({ id: z.uuid({ error: '编号格式不正确' }) }).strict(),
    access: 'reports.read',
    summary: '查看一份已保存的报告',
  }),
  'reports.docx': defineMethod<ExportFile>()({
    input: z.object({ id: z.uuid({ error: '编号格式不正确' }) }).strict(),
    access: 'reports.read',
    summary: '下载一份已保存报告的 Word 文件（公文格式）',
  }),
};
