import ExcelJS from 'exceljs';

export interface XlsxColumn<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
}

/**
 * One worksheet with a bold, frozen header row: the shape every export of the app shares.
 * Returns the .xlsx bytes.
 */
export async function buildXlsx<Row>(
  sheetName: string,
  columns: XlsxColumn<Row>[],
  rows: Iterable<Row>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '综治工作台';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({ header: column.header, key: String(index), width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
