/**
 * The bench's import section (issue 13): a petition workbook in a centre's own layout, generated
 * here, previewed and committed through `dispatch` as the duty officer would, into the county the
 * bench loaded. 10,000 rows must preview and commit in under 30 s on the 2-core machine, 100 rows
 * preview in under 1 s.
 */
import ExcelJS from 'exceljs';
import type { Backend } from '../electron/backend/backend';
import type { CallContext } from '../electron/backend/api/types';
import { idCheckCharacter } from '../shared/domain/id-number';
import { addDays } from '../shared/domain/ledger/calendar';
import type { ImportLogEntry, ImportPreview } from '../shared/contract/imports';

export const IMPORT_LIMITS = { large: { rows: 10_000, seconds: 30 }, small: { rows: 100, seconds: 1 } } as const;

const HEADER = [
  '案号',
  '乡镇(街道)',
  '姓名',
  '公民身份号码',
  '手机',
  '受理日期',
  '事项类型',
  '问题分类',
  '责任单位',
  '包保领导',
  '交办日期',
  '办结时限',
  '化解日期',
  '主要诉求',
];

/** A resident ID number with its check character, different per row. */
function idNumber(i: number): string {
  const first17 = `410122${1960 + (i % 40)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * Rows over the county's townships and units, dates in the forms centres write, a third resolved;
 * numbered `LS<rows>-00001` …, so each workbook brings new cases.
 */
export async function petitionWorkbook(backend: Backend, rows: number): Promise<string> {
  const sql = backend.services.sql;
  const townships = (
    sql.prepare("SELECT name FROM regions WHERE level = 'township' AND disabled_at IS NULL").all() as { name: string }[]
  ).map((t) => t.name);
  const units = (sql.prepare('SELECT name FROM units LIMIT 20').all() as { name: string }[]).map((u) => u.name);
  const leaders = (
    sql.prepare("SELECT name FROM people WHERE role = 'leader' LIMIT 20").all() as { name: string }[]
  ).map((p) => p.name);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('积案台账');
  sheet.addRow(['本县信访积案台账（导入基准）']);
  sheet.mergeCells(1, 1, 1, HEADER.length);
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    const received = addDays('2024-01-02', i % 600);
    const assigned = addDays(received, 3);
    const resolved = i % 3 === 0 ? addDays(assigned, 20 + (i % 50)) : '';
    sheet.addRow([
      `LS${rows}-${String(i + 1).padStart(5, '0')}`,
      townships[i % townships.length],
      i % 7 === 0 ? '张某甲、李某乙' : `王某${i % 100}`,
      i % 7 === 0 ? '' : idNumber(i),
      `138${String(i).padStart(8, '0')}`,
      i % 2 === 0 ? new Date(`${received}T00:00:00Z`) : received.replace(/-/g, '/'),
      '申诉求决',
      '劳动社保',
      // Every fiftieth row names a unit the county does not have yet: made on the spot.
      i % 50 === 0 ? `新建单位${i % 5}` : units[i % units.length],
      leaders[i % leaders.length],
      assigned,
      addDays(received, 60),
      resolved,
      `反映第 ${i + 1} 件诉求：拖欠工资、补偿款未到位等问题`,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function answer<T>(backend: Backend, method: string, input: unknown, as: CallContext): Promise<T> {
  const result = await backend.dispatch(method, input, as);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
}

export interface ImportTiming {
  rows: number;
  previewMs: number;
  /** The commit (its own dry run included); null when only previewed. */
  commitMs: number | null;
  creates: number;
  limitSeconds: number;
}

/** Times the preview (and the commit) of a generated workbook of `rows` rows. */
async function timeImport(
  backend: Backend,
  as: CallContext,
  rows: number,
  commit: boolean,
  limitSeconds: number,
): Promise<ImportTiming> {
  const base64 = await petitionWorkbook(backend, rows);
  const file = { kind: 'petitions', fileName: `积案台账-${rows}.xlsx`, base64 };
  const previewStart = performance.now();
  const preview = await answer<ImportPreview>(backend, 'imports.preview', file, as);
  const previewMs = performance.now() - previewStart;
  if (preview.errors > 0)
    throw new Error(`导入基准的工作簿有 ${preview.errors} 处错误：${preview.problems[0]?.message}`);
  if (!commit) return { rows, previewMs, commitMs: null, creates: preview.creates, limitSeconds };
  const commitStart = performance.now();
  const entry = await answer<ImportLogEntry>(backend, 'imports.commit', { ...file, sha256: preview.sha256 }, as);
  return { rows, previewMs, commitMs: performance.now() - commitStart, creates: entry.creates, limitSeconds };
}

/** The 10,000-row workbook previewed and committed, the 100-row one previewed. */
export async function benchPetitionImport(backend: Backend, as: CallContext): Promise<ImportTiming[]> {
  return [
    await timeImport(backend, as, IMPORT_LIMITS.large.rows, true, IMPORT_LIMITS.large.seconds),
    await timeImport(backend, as, IMPORT_LIMITS.small.rows, false, IMPORT_LIMITS.small.seconds),
  ];
}
