import { z } from 'zod';
import type { Permission } from '../domain/roles';
import type { ExportFile } from './audit';
import { defineMethod, pageFields, type Page } from './define';

/**
 * Bringing a county's data in from Excel (issue 13): a template per kind, a dry run (预览) that
 * reads the centre's own workbook and lists every problem by row and column, then an
 * all-or-nothing commit kept in the import log and undoable the same day.
 */
export const IMPORT_KINDS = ['regions', 'units', 'people', 'petitions', 'hazards', 'assessments', 'disputes'] as const;
export type ImportKindKey = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKindKey, string> = {
  regions: '行政区划',
  units: '承办单位',
  people: '领导与责任人',
  petitions: '信访积案',
  hazards: '风险隐患',
  assessments: '稳评',
  disputes: '矛盾纠纷',
};

/**
 * Who may import each kind: what creating one by hand needs (reference data the administrator,
 * cases, risks and disputes whoever registers them). The methods are open to any session and the backend
 * checks the kind's permission on every call; the import log lists only the kinds one may import.
 */
export const IMPORT_KIND_ACCESS: Record<ImportKindKey, Permission> = {
  regions: 'reference.manage',
  units: 'reference.manage',
  people: 'reference.manage',
  petitions: 'petitions.write',
  hazards: 'risks.write',
  assessments: 'risks.write',
  disputes: 'disputes.write',
};

/** Files over this size are refused before reading (a 20,000-row ledger is well under). */
export const IMPORT_MAX_BYTES = 15 * 1024 * 1024;
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

export interface ImportProblem {
  /** The sheet's row number as Excel shows it; null for the sheet as a whole. */
  row: number | null;
  /** The column's letter (A, B … AA); null when no column is at fault. */
  column: string | null;
  /** The field's name, when one field is at fault. */
  field: string | null;
  message: string;
  level: 'error' | 'warning';
}

export interface ImportFieldInfo {
  key: string;
  label: string;
  required: boolean;
}

export interface ImportHeaderCell {
  column: string;
  text: string;
  /** The field the column is mapped to, or null when it is not imported. */
  field: string | null;
}

export interface ImportPreview {
  kind: ImportKindKey;
  sheets: string[];
  sheet: string;
  /** The header row as Excel numbers it; null when none was found. */
  headerRow: number | null;
  header: ImportHeaderCell[];
  fields: ImportFieldInfo[];
  /** Data rows read (empty rows skipped). */
  rows: number;
  creates: number;
  /** Rows found again whose record changes. */
  updates: number;
  /** Rows found again whose record already holds every value (nothing is written for them). */
  unchanged: number;
  errors: number;
  warnings: number;
  /** The first problems in row order (at most IMPORT_PROBLEMS_SHOWN); the counts say how many in all. */
  problems: ImportProblem[];
  sha256: string;
}

export const IMPORT_PROBLEMS_SHOWN = 500;

export interface ImportLogEntry {
  id: string;
  kind: ImportKindKey;
  fileName: string;
  sha256: string;
  sheet: string;
  rows: number;
  creates: number;
  updates: number;
  byName: string;
  at: string;
  undoneAt: string | null;
  /** Whether it can still be undone (the same county day, not undone yet). */
  undoable: boolean;
}

const kind = z.enum(IMPORT_KINDS, { error: '请选择导入类别' });

export const importFileFields = {
  kind,
  fileName: z.string().trim().min(1, { error: '请提供文件名' }).max(200, { error: '文件名不能超过 200 个字符' }),
  base64: z
    .string()
    .min(1, { error: '文件是空的，请选择有内容的 Excel 文件' })
    .max(IMPORT_MAX_BASE64, { error: '文件超过 15 MB 上限，请拆分后分次导入' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容编码不正确，请重新选择文件' }),
  /** The sheet to read; the first one whose header is found when absent. */
  sheet: z.string().max(100).optional(),
  /**
   * Header text → field key ('' to leave the column out): the user's corrections to the automatic
   * mapping, kept for the next import of the same kind.
   */
  mapping: z.record(z.string().max(100), z.string().max(40)).default({}),
};

export const importPreviewInput = z.object(importFileFields).strict();
export const importCommitInput = z
  .object({
    ...importFileFields,
    /** The previewed file's digest: a commit imports exactly what was previewed. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '请先预览再导入' }),
  })
  .strict();

export const importsContract = {
  'imports.template': defineMethod<ExportFile>()({
    input: z.object({ kind }).strict(),
    access: 'session',
    summary: '下载导入模板（中文表头与填写说明）',
  }),
  'imports.preview': defineMethod<ImportPreview>()({
    input: importPreviewInput,
    access: 'session',
    summary: '预览导入：找出表头、对应列，逐行列出错误与提醒，统计将新增和更新的条数（不写入）',
  }),
  'imports.commit': defineMethod<ImportLogEntry>()({
    input: importCommitInput,
    access: 'session',
    summary: '正式导入：全部成功或全部不写入，记入导入记录',
  }),
  'imports.list': defineMethod<Page<ImportLogEntry>>()({
    input: z.object({ ...pageFields }).strict(),
    access: 'session',
    summary: '导入记录（本人可导入的类别：文件、摘要、导入人、时间、条数）',
  }),
  'imports.undo': defineMethod<ImportLogEntry>()({
    input: z.object({ id: z.uuid({ error: '导入记录编号格式不正确' }) }).strict(),
    access: 'session',
    summary: '当日撤销一次导入（新增的记录停用或作废，更新的不变）',
  }),
};
