import ExcelJS from 'exceljs';
import type { ExportFile } from '../../../shared/contract/audit';
import { periodText, type FigurePeriod } from '../../../shared/domain/ledger/figure-period';
import { formatRate } from '../../../shared/domain/ledger/figures';
import { fileStamp } from '../../../shared/domain/time';
import type { HandlerContext } from '../api/types';
import { appendAudit } from '../audit/writer';

/** One row of a statistics page's table: a figure of one selection with its numerator and denominator. */
export interface FigureSheetRow {
  name: string;
  figure: string;
  numerator: number;
  denominator: number;
}

export interface FigureSheetTable {
  title: string;
  rows: readonly FigureSheetRow[];
}

export interface FigureSheet {
  /** 信访积案统计 …: the file's name and the title row's start. */
  title: string;
  period: FigurePeriod | null;
  today: string;
  tables: readonly FigureSheetTable[];
}

const HEADER = ['名称', '指标', '分子', '分母', '比率'];

/**
 * A statistics page as one worksheet: the title row names the period and the day counted, then
 * each table under its heading, every rate beside its numerator and denominator, printed as the
 * page prints it (`formatRate`).
 */
export async function figureSheetXlsx(sheet: FigureSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '综治工作台';
  const ws = workbook.addWorksheet('统计');
  ws.columns = [{ width: 26 }, { width: 18 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const title = ws.addRow([`${sheet.title}（统计周期：${periodText(sheet.period)}；统计日期：${sheet.today}）`]);
  title.font = { bold: true, size: 13 };
  ws.mergeCells(title.number, 1, title.number, HEADER.length);
  for (const table of sheet.tables) {
    ws.addRow([]);
    ws.addRow([table.title]).font = { bold: true };
    ws.addRow(HEADER).font = { bold: true };
    for (const row of table.rows) ws.addRow([row.name, row.figure, row.numerator, row.denominator, formatRate(row)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The export of a statistics page as the caller's file, audited like every export. */
export async function figureSheetFile(ctx: HandlerContext, action: string, sheet: FigureSheet): Promise<ExportFile> {
  const bytes = await figureSheetXlsx(sheet);
  const rows = sheet.tables.reduce((n, t) => n + t.rows.length, 0);
  appendAudit(ctx, { action, entity: 'figures', detail: `${sheet.title}，${periodText(sheet.period)}` });
  return { fileName: `${sheet.title}-${fileStamp(ctx.now())}.xlsx`, base64: bytes.toString('base64'), rows };
}
