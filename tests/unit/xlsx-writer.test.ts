import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { buildXlsx, columnWidth, XlsxWriter, type XlsxColumn } from '../../electron/backend/export/xlsx';
import { exportFileName } from '../../electron/backend/ledger/exports/export';
import { readWorkbook } from '../../electron/backend/import/workbook';

interface Row {
  no: string;
  count: number;
  on: string | null;
  at: string;
}

const COLUMNS: XlsxColumn<Row>[] = [
  { header: '编号', width: 14, value: (r) => r.no },
  { header: '信访人数', width: 8, value: (r) => r.count },
  { header: '登记日期', width: 8, kind: 'date', value: (r) => r.on },
  { header: '时间', width: 10, kind: 'time', value: (r) => r.at },
];
const HEADING = {
  title: '测试县社会治理综合服务中心积案台账',
  description: '筛选条件：全部\u3000导出时间：2026-12-06 15:30',
};

async function load(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  return workbook.getWorksheet('积案台账')!;
}

describe('the export workbook', () => {
  it('reads back with its title, its filter row, a frozen and filtered header, real dates and every row', async () => {
    const writer = new XlsxWriter('积案台账', COLUMNS, HEADING);
    const rows = Array.from({ length: 2500 }, (_, n) => ({
      no: `XF2026-${String(n + 1).padStart(6, '0')}`,
      count: n % 7,
      on: n % 10 === 0 ? null : '2026-12-06',
      at: '2026-12-06T07:30:00.000Z',
    }));
    // In batches, as the export's worker hands them over.
    for (let n = 0; n < rows.length; n += 1000) await writer.add(rows.slice(n, n + 1000));
    const sheet = await load(await writer.finish());

    expect(sheet.getCell('A1').value).toBe(HEADING.title);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
    expect(sheet.getCell('A2').value).toBe(HEADING.description);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2']));
    expect(sheet.getRow(3).values).toEqual([undefined, '编号', '信访人数', '登记日期', '时间']);
    expect(sheet.getCell('A3').font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
    expect(sheet.autoFilter).toBe('A3:D2503');
    expect(sheet.rowCount).toBe(3 + rows.length);

    expect(sheet.getCell('A5').value).toBe('XF2026-000002');
    expect(sheet.getCell('B5').value).toBe(1);
    expect(sheet.getCell('C4').value).toBeNull();
    expect(sheet.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 11, 6)));
    expect(sheet.getCell('C5').numFmt).toBe('yyyy-mm-dd');
    // A stored instant is written as the county's clock reads it (UTC+8), whatever the machine's zone.
    expect(sheet.getCell('D5').value).toEqual(new Date(Date.UTC(2026, 11, 6, 15, 30)));
    expect(sheet.getCell('D5').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('A2503').value).toBe('XF2026-002500');
  });

  it('sizes each column from its declaration: the header and its filter button, a date, never narrower than declared', async () => {
    expect(COLUMNS.map((c) => columnWidth(c as XlsxColumn<never>))).toEqual([14, 12, 12, 17]);
    const sheet = await load(await buildXlsx('积案台账', COLUMNS, [], HEADING));
    expect([1, 2, 3, 4].map((n) => sheet.getColumn(n).width)).toEqual([14, 12, 12, 17]);
    expect(sheet.autoFilter).toBe('A3:D3');
  });

  it('keeps text as typed, markup and all, and drops characters a workbook cannot hold', async () => {
    const text = '<b>"甲" & 乙</b>\u0001 ';
    const spaced = '  两端有空格\n第二行  ';
    const bytes = await buildXlsx('积案台账', COLUMNS, [
      { no: text, count: 0, on: null, at: '2026-01-01T00:00:00Z' },
      { no: spaced, count: 0, on: null, at: '2026-01-01T00:00:00Z' },
    ]);
    const sheet = await load(bytes);
    // Without a heading the header is the first row.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A2').value).toBe('<b>"甲" & 乙</b> ');
    // Spaces at either end and line breaks are kept: the cell says so (Excel trims them otherwise);
    // a cell without them does not, which keeps 100,000 rows' text a fifth shorter.
    expect(sheet.getCell('A3').value).toBe(spaced);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">  两端有空格');
    expect(xml).toContain('<c r="A1" s="3" t="inlineStr"><is><t>编号</t>');
  });

  it('is read by the app’s own import, header found below the title', async () => {
    const bytes = await buildXlsx(
      '积案台账',
      COLUMNS,
      [{ no: 'XF2026-000001', count: 2, on: '2026-03-01', at: '2026-01-01T00:00:00Z' }],
      HEADING,
    );
    const [sheet] = await readWorkbook(bytes);
    expect(sheet!.rows.map((row) => row.slice(0, 2))).toEqual(
      expect.arrayContaining([
        ['编号', '信访人数'],
        ['XF2026-000001', 2],
      ]),
    );
  });
});

describe('an export’s file name', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('carries the county’s time, not UTC nor the machine’s zone', () => {
    const at = new Date('2026-12-06T07:30:00Z');
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(exportFileName('积案台账', false, at)).toBe('积案台账_20261206-1530.xlsx');
    }
    process.env.TZ = 'UTC';
    // 01:00 in the county is still the day before in UTC.
    expect(exportFileName('风险隐患台账', true, new Date('2026-12-06T17:00:00Z'))).toBe(
      '风险隐患台账-含个人信息_20261207-0100.xlsx',
    );
  });
});
