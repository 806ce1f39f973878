import ExcelJS from 'exceljs';

/** The two rows above an export's header: its title and what it holds. */
export const EXPORT_HEADER_ROW = 3;

/** A cell as the export's rows compare: a date cell as its `YYYY-MM-DD` (the file holds real dates). */
const compared = (value: ExcelJS.CellValue) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);

/**
 * An exported workbook read back with ExcelJS: its sheet, the heading's two rows, and the rows from
 * the header on, each with one value per column (empty cells as null).
 */
export async function readExport(file: string | Uint8Array, sheetName: string) {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'base64') : file;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  const sheet = workbook.getWorksheet(sheetName)!;
  const width = sheet.getRow(EXPORT_HEADER_ROW).cellCount;
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n >= EXPORT_HEADER_ROW) rows.push(Array.from({ length: width }, (_, i) => compared(row.getCell(i + 1).value)));
  });
  const text = (n: number) => String(sheet.getRow(n).getCell(1).value);
  return { sheet, title: text(1), description: text(2), rows };
}
