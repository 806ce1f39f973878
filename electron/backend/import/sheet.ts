import type { ImportHeaderCell } from '../../../shared/contract/imports';
import { columnLetter, findHeaderRow, mapColumns, missingFields } from '../../../shared/domain/import/headers';
import { AppError } from '../../../shared/errors';
import { cellText } from './cells';
import { ImportRow, type ImportFieldSpec, type ProblemLog } from './kind';
import type { SheetGrid } from './workbook';

/**
 * A sheet read as a kind's rows: the sheet chosen (or the first whose header is found), its header
 * row found, its columns mapped (automatic, then the saved mapping, then the user's corrections),
 * and every non-empty row below it.
 */
export interface MappedSheet {
  sheet: string;
  headerRow: number | null;
  header: ImportHeaderCell[];
  rows: ImportRow[];
  /** The user's corrections over the automatic mapping (header key → field key, '' for left out), kept for next time. */
  mapping: Record<string, string>;
}

const headerOf = (sheet: SheetGrid, fields: readonly ImportFieldSpec[], mapping: Record<string, string>) =>
  findHeaderRow(
    sheet.rows.map((row) => row.map(cellText)),
    fields,
    mapping,
  );

function chosenSheet(
  sheets: readonly SheetGrid[],
  fields: readonly ImportFieldSpec[],
  mapping: Record<string, string>,
  name?: string,
): SheetGrid {
  if (sheets.length === 0) throw new AppError('VALIDATION', '工作簿中没有工作表。');
  if (name === undefined) return sheets.find((s) => headerOf(s, fields, mapping) !== null) ?? sheets[0];
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new AppError('VALIDATION', `工作簿中没有名为“${name}”的工作表，请重新选择。`);
  return sheet;
}

export function mapSheet(
  sheets: readonly SheetGrid[],
  fields: readonly ImportFieldSpec[],
  problems: ProblemLog,
  options: { sheet?: string; saved: Record<string, string>; corrections: Record<string, string> },
): MappedSheet {
  const known = { ...options.saved, ...options.corrections };
  const sheet = chosenSheet(sheets, fields, known, options.sheet);
  const found = headerOf(sheet, fields, known);
  if (found === null) {
    problems.error(
      null,
      null,
      sheet.rows.length === 0
        ? `工作表“${sheet.name}”是空的，请选择有数据的工作表。`
        : `在工作表“${sheet.name}”的前 30 行中找不到表头（至少要有两列的列名能认出，如 ${fields
            .slice(0, 3)
            .map((f) => f.label)
            .join('、')}）。请检查工作表，或下载模板对照列名。`,
    );
    return { sheet: sheet.name, headerRow: null, header: [], rows: [], mapping: {} };
  }
  const headerTexts = sheet.rows[found].map(cellText);
  const mapping = mapColumns(headerTexts, fields, known);
  const columns: Record<string, number> = {};
  for (const [column, key] of Object.entries(mapping)) columns[key] = Number(column);
  for (const field of missingFields(mapping, fields)) {
    problems.error(null, null, `没有找到“${field.label}”列（必填）。请在表头中加上这一列，或在列对应中指定。`);
  }
  const rows: ImportRow[] = [];
  sheet.rows.slice(found + 1).forEach((cells, index) => {
    const mapped = Object.keys(columns).some((key) => cellText(cells[columns[key]] ?? null) !== '');
    if (mapped) rows.push(new ImportRow(found + index + 2, cells, columns));
  });
  return {
    sheet: sheet.name,
    headerRow: found + 1,
    header: headerTexts.map((text, column) => ({
      column: columnLetter(column),
      text,
      field: mapping[column] ?? null,
    })),
    rows,
    mapping: known,
  };
}
