import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { assertXlsx } from './sniff';

/**
 * A workbook's sheets as grids of plain values, the form the import reads: a formula is its
 * computed value, rich text its text, a hyperlink its text, a merged range repeats its value in
 * every cell it covers (so a header merged over two columns names both), a date cell is a Date.
 * Empty trailing rows are dropped.
 */
export type CellValue = string | number | boolean | Date | null;
export type Grid = CellValue[][];

export interface SheetGrid {
  name: string;
  rows: Grid;
}

/** More rows than this in one sheet are refused whole rather than read in part. */
export const MAX_IMPORT_ROWS = 20_000;

const UNREADABLE =
  '无法读取该工作簿，文件可能已损坏或并非 Excel 保存的 .xlsx。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。';

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  if ('hyperlink' in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text);
  if ('error' in value) return null;
  return null;
}

function gridOf(sheet: ExcelJS.Worksheet): Grid {
  const rows: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = plainValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
  });
  const filled = Array.from(rows, (row) => row ?? []);
  while (filled.length > 0 && filled[filled.length - 1].every((cell) => cell === null || cell === '')) filled.pop();
  return filled;
}

export async function readWorkbook(bytes: Uint8Array, maxRows = MAX_IMPORT_ROWS): Promise<SheetGrid[]> {
  assertXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new AppError('VALIDATION', UNREADABLE, [{ path: 'file', message: UNREADABLE }]);
  }
  return workbook.worksheets.map((sheet) => {
    if (sheet.actualRowCount > maxRows) {
      const message = `工作表“${sheet.name}”有 ${sheet.actualRowCount} 行，超过单次导入上限 ${maxRows} 行。请将台账拆成几个文件分次导入。`;
      throw new AppError('VALIDATION', message, [{ path: 'file', message }]);
    }
    return { name: sheet.name, rows: gridOf(sheet) };
  });
}
