import ExcelJS from 'exceljs';
import type { ExportFile } from '../../../shared/contract/audit';
import { IMPORT_KIND_LABELS } from '../../../shared/contract/imports';
import type { HandlerContext } from '../api/types';
import type { ImportKind } from './kind';
import { MAX_IMPORT_ROWS } from './workbook';

/**
 * A kind's template: its sheet with the Chinese header row (required columns starred) and one
 * example row, and a 填写说明 sheet saying what each column takes. A centre's own layout imports
 * too; the template is the shape that needs no mapping. A kind with closed lists and dictionaries
 * adds a 可选值 sheet listing what each such column takes.
 */
export async function importTemplate(kind: ImportKind<unknown>, ctx: HandlerContext): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '综治工作台';
  const sheet = workbook.addWorksheet(kind.noun, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = kind.fields.map((field) => ({
    header: field.required ? `*${field.label}` : field.label,
    width: Math.max(12, Array.from(field.example).length * 2 + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(kind.fields.map((field) => field.example));
  // Codes and numbers stay text, so Excel keeps their leading zeros and all their digits.
  sheet.columns.forEach((column) => (column.numFmt = '@'));

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', width: 18 },
    { header: '是否必填', width: 10 },
    { header: '也可写作', width: 30 },
    { header: '填写要求', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const field of kind.fields) {
    notes.addRow([field.label, field.required ? '必填' : '选填', (field.synonyms ?? []).join('、'), field.note]);
  }
  notes.addRow([]);
  for (const [heading, text] of Object.entries(kind.instructions ?? {})) notes.addRow([heading, '', '', text]);
  notes.addRow([
    '说明',
    '',
    '',
    `第 2 行为示例，导入前请删除或改为真实数据。每次最多 ${MAX_IMPORT_ROWS} 行。本县自己的台账也可直接导入：系统会自动找到表头并按列名对应，导入前先预览。`,
  ]);
  const choices = kind.choices?.(ctx);
  if (choices) {
    const lists = workbook.addWorksheet('可选值', { views: [{ state: 'frozen', ySplit: 1 }] });
    lists.columns = choices.map((c) => ({
      header: c.header,
      width: Math.max(12, Array.from(c.header).length * 2 + 4),
    }));
    lists.getRow(1).font = { bold: true };
    const longest = Math.max(0, ...choices.map((c) => c.values.length));
    for (let i = 0; i < longest; i += 1) lists.addRow(choices.map((c) => c.values[i] ?? null));
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${IMPORT_KIND_LABELS[kind.key]}导入模板.xlsx`,
    base64: bytes.toString('base64'),
    rows: 1,
  };
}
