import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookKind } from '../../electron/backend/import/sniff';
import { readWorkbook } from '../../electron/backend/import/workbook';

/** A centre's own ledger, laid out unlike any template: a title, a merged two-row header, formulas. */
async function centreWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['本表由县信访局填报']);
  const sheet = workbook.addWorksheet('积案台账');
  sheet.addRow(['某某县信访积案包保台账']);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['序号', '基本情况', null, '办理情况', null]);
  sheet.addRow([null, '信访件编号', '属地', '受理时间', '天数']);
  sheet.mergeCells('A2:A3');
  sheet.mergeCells('B2:C2');
  sheet.mergeCells('D2:E2');
  sheet.addRow([
    1,
    { richText: [{ text: 'XF-' }, { text: '001', font: { bold: true } }] },
    '石楼',
    new Date(Date.UTC(2024, 2, 5)),
    { formula: '1+2', result: 3 },
  ]);
  sheet.addRow([
    2,
    { text: 'XF-002', hyperlink: 'http://intranet/2' },
    '城关',
    '2024年3月6日',
    { formula: 'A1/0', result: { error: '#DIV/0!' } },
  ]);
  sheet.addRow([]);
  sheet.addRow([]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading a workbook', () => {
  it('gives every sheet as plain values: merged ranges repeated, formulas as results, text unwrapped', async () => {
    const sheets = await readWorkbook(await centreWorkbook());
    expect(sheets.map((s) => s.name)).toEqual(['说明', '积案台账']);
    const rows = sheets[1].rows;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(Array(5).fill('某某县信访积案包保台账'));
    expect(rows[1]).toEqual(['序号', '基本情况', '基本情况', '办理情况', '办理情况']);
    expect(rows[2]).toEqual(['序号', '信访件编号', '属地', '受理时间', '天数']);
    expect(rows[3]).toEqual([1, 'XF-001', '石楼', new Date(Date.UTC(2024, 2, 5)), 3]);
    expect(rows[4]).toEqual([2, 'XF-002', '城关', '2024年3月6日', null]);
  });

  it('refuses a sheet over the row limit, naming it and the limit', async () => {
    await expect(readWorkbook(await centreWorkbook(), 4)).rejects.toThrow(
      '工作表“积案台账”有 5 行，超过单次导入上限 4 行。请将台账拆成几个文件分次导入。',
    );
  });

  it('judges the file by its bytes: a renamed text file, a broken zip, a legacy or encrypted OLE file', async () => {
    await expect(readWorkbook(Buffer.from('案件编号,属地\nXF-1,石楼\n'))).rejects.toThrow('不是 Excel 工作簿（.xlsx）');
    const broken = (await centreWorkbook()).subarray(0, 2000);
    await expect(readWorkbook(broken)).rejects.toThrow('无法读取该工作簿');
    // The 8-byte signature of an OLE compound file (.xls, .doc, and an encrypted .xlsx's wrapper).
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    expect(workbookKind(ole)).toBe('xls');
    await expect(readWorkbook(ole)).rejects.toThrow('另存为」，保存类型选「Excel 工作簿（*.xlsx）」');
    const encrypted = Buffer.concat([
      ole,
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    expect(workbookKind(encrypted)).toBe('encrypted');
    await expect(readWorkbook(encrypted)).rejects.toThrow('该工作簿设有打开密码');
  });
});
