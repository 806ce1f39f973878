import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import type { ImportKindKey } from '../../shared/contract/imports';
import { signInAdmin, testBackend } from '../helpers/backend';

type Cell = string | number | Date | null;

const ok = <T>(result: { ok: true; data: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
  return result.data;
};

async function workbook(rows: Cell[][], sheetName = 'Sheet1', build?: (sheet: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function county(): Promise<{ backend: Backend; admin: CallContext }> {
  const backend = await testBackend();
  const admin = await signInAdmin(backend);
  ok(await backend.call('regions.setUpCounty', { divisionCode: '410122', name: '中牟县' }, admin));
  return { backend, admin };
}

async function importFile(backend: Backend, admin: CallContext, kind: ImportKindKey, base64: string) {
  const preview = ok(await backend.call('imports.preview', { kind, fileName: `${kind}.xlsx`, base64 }, admin));
  expect(preview.problems.filter((p) => p.level === 'error')).toEqual([]);
  return ok(
    await backend.call('imports.commit', { kind, fileName: `${kind}.xlsx`, base64, sha256: preview.sha256 }, admin),
  );
}

const count = (backend: Backend, sql: string) => {
  const db = new Database(backend.dbFile, { readonly: true });
  const n = (db.prepare(sql).get() as { n: number }).n;
  db.close();
  return n;
};

const REGIONS: Cell[][] = [
  ['中牟县行政区划（2026 年）'],
  ['序号', '统计用区划代码', '区划名称', '备注'],
  [1, '410122100001', '东街社区', ''],
  [2, 410122100000, '城关镇', '镇政府驻地'],
  [3, '410122101000', '白沙镇', ''],
  [4, '410122100001001', '东街第一网格', ''],
];

describe('importing reference data', () => {
  it('gives each kind a template with a header row, an example and instructions', async () => {
    const { backend, admin } = await county();
    const file = ok(await backend.call('imports.template', { kind: 'people' }, admin));
    expect(file.fileName).toBe('领导与责任人导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['领导与责任人', '填写说明']);
    expect(book.worksheets[0].getRow(1).values).toEqual([
      undefined,
      '*姓名',
      '*职务',
      '*类别',
      '*所在单位',
      '联系电话',
    ]);
    expect(book.worksheets[1].getRow(2).values).toEqual([
      undefined,
      '姓名',
      '必填',
      '',
      '同一单位内姓名不重复；再次导入时按单位和姓名更新',
    ]);
  });

  it('imports regions from a workbook of its own layout, parents first whatever the order', async () => {
    const { backend, admin } = await county();
    const base64 = await workbook(REGIONS);
    const preview = ok(
      await backend.call('imports.preview', { kind: 'regions', fileName: '区划.xlsx', base64 }, admin),
    );
    expect(preview).toMatchObject({ headerRow: 2, rows: 4, creates: 4, updates: 0, errors: 0 });
    expect(preview.header.map((h) => [h.column, h.field])).toEqual([
      ['A', null],
      ['B', 'code'],
      ['C', 'name'],
      ['D', null],
    ]);
    expect(count(backend, "SELECT count(*) AS n FROM regions WHERE level <> 'county'")).toBe(0);
    const entry = ok(
      await backend.call(
        'imports.commit',
        { kind: 'regions', fileName: '区划.xlsx', base64, sha256: preview.sha256 },
        admin,
      ),
    );
    expect(entry).toMatchObject({
      kind: 'regions',
      fileName: '区划.xlsx',
      rows: 4,
      creates: 4,
      updates: 0,
      undoable: true,
    });
    const info = ok(await backend.call('system.info', {}, admin));
    expect(info.counts).toMatchObject({ townships: 2, villages: 1, grids: 1 });
  });

  it('updates by code on a second import and never duplicates', async () => {
    const { backend, admin } = await county();
    await importFile(backend, admin, 'regions', await workbook(REGIONS));
    const renamed = REGIONS.map((row) => (row[2] === '白沙镇' ? [3, '410122101000', '白沙镇（新）', ''] : row));
    const second = await importFile(backend, admin, 'regions', await workbook(renamed));
    expect(second).toMatchObject({ creates: 0, updates: 4 });
    expect(count(backend, "SELECT count(*) AS n FROM regions WHERE level <> 'county'")).toBe(4);
    expect(ok(await backend.call('regions.get', { code: '410122101000' }, admin)).name).toBe('白沙镇（新）');
  });

  it('names each bad row and column, and writes nothing', async () => {
    const { backend, admin } = await county();
    const base64 = await workbook([
      ['区划代码', '名称'],
      ['410122100000', '城关镇'],
      ['41012210100', '白沙镇'],
      ['410199100000', '外县镇'],
      ['410122102001', '孤村'],
      ['410122100000', '城关镇（重复）'],
      ['410122103000', ''],
    ]);
    const preview = ok(await backend.call('imports.preview', { kind: 'regions', fileName: 'x.xlsx', base64 }, admin));
    expect(preview.problems.map((p) => [p.row, p.column, p.field, p.message])).toEqual([
      [3, 'A', '区划代码', '“41012210100”格式不对：应为 12 位数字（网格 15 位）'],
      [4, 'A', '区划代码', '“410199100000”不在本县（410122）之下'],
      [5, 'A', '区划代码', '村/社区“孤村”的上级 410122102000 既不在系统中也不在本文件中，请先导入上级'],
      [6, 'A', '区划代码', '“410122100000”与第 2 行重复，同一文件中每条只能出现一次'],
      [7, 'B', '名称', '不能为空'],
    ]);
    const refused = await backend.call(
      'imports.commit',
      { kind: 'regions', fileName: 'x.xlsx', base64, sha256: preview.sha256 },
      admin,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('5 处错误') },
    });
    expect(count(backend, "SELECT count(*) AS n FROM regions WHERE level <> 'county'")).toBe(0);
    expect(count(backend, 'SELECT count(*) AS n FROM imports')).toBe(0);
  });

  it('refuses a commit of a file other than the one previewed', async () => {
    const { backend, admin } = await county();
    const previewed = ok(
      await backend.call(
        'imports.preview',
        { kind: 'regions', fileName: 'a.xlsx', base64: await workbook(REGIONS) },
        admin,
      ),
    );
    const other = await workbook(REGIONS.slice(0, 4));
    const refused = await backend.call(
      'imports.commit',
      { kind: 'regions', fileName: 'a.xlsx', base64: other, sha256: previewed.sha256 },
      admin,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('请重新预览') },
    });
  });

  it('says when no header is found, or a required column is missing', async () => {
    const { backend, admin } = await county();
    const noHeader = ok(
      await backend.call(
        'imports.preview',
        {
          kind: 'regions',
          fileName: 'x.xlsx',
          base64: await workbook([
            ['甲', '乙'],
            ['1', '2'],
          ]),
        },
        admin,
      ),
    );
    expect(noHeader.problems[0].message).toContain('找不到表头');
    const missing = ok(
      await backend.call(
        'imports.preview',
        {
          kind: 'people',
          fileName: 'x.xlsx',
          base64: await workbook([
            ['姓名', '职务', '电话'],
            ['王建国', '副县长', '13800000000'],
          ]),
        },
        admin,
      ),
    );
    expect(missing.problems.map((p) => p.message)).toEqual([
      '没有找到“类别”列（必填）。请在表头中加上这一列，或在列对应中指定。',
      '没有找到“所在单位”列（必填）。请在表头中加上这一列，或在列对应中指定。',
    ]);
  });

  it('maps a column the user names, and keeps the mapping for next time', async () => {
    const { backend, admin } = await county();
    const base64 = await workbook([
      ['代码', '叫法'],
      ['410122100000', '城关镇'],
    ]);
    const unmapped = ok(await backend.call('imports.preview', { kind: 'regions', fileName: 'x.xlsx', base64 }, admin));
    expect(unmapped.errors).toBeGreaterThan(0);
    const mapping = { 叫法: 'name' };
    const mapped = ok(
      await backend.call('imports.preview', { kind: 'regions', fileName: 'x.xlsx', base64, mapping }, admin),
    );
    expect(mapped).toMatchObject({ errors: 0, creates: 1 });
    ok(
      await backend.call(
        'imports.commit',
        { kind: 'regions', fileName: 'x.xlsx', base64, mapping, sha256: mapped.sha256 },
        admin,
      ),
    );
    const again = ok(await backend.call('imports.preview', { kind: 'regions', fileName: 'x.xlsx', base64 }, admin));
    expect(again).toMatchObject({ errors: 0, updates: 1 });
  });

  it('imports units and people, matching townships and units by name, and undoes an import the same day', async () => {
    const { backend, admin } = await county();
    await importFile(backend, admin, 'regions', await workbook(REGIONS));
    const units = await importFile(
      backend,
      admin,
      'units',
      await workbook([
        ['单位代码', '单位名称', '单位类型', '属地'],
        ['XFJ', '中牟县信访局', '县直部门', ''],
        ['CGZ', '城关镇人民政府', '乡镇人民政府', '城关'],
      ]),
    );
    expect(units).toMatchObject({ creates: 2 });
    const town = ok(await backend.call('units.list', { keyword: '城关' }, admin)).items[0];
    expect(town).toMatchObject({ kind: 'township_government', regionCode: '410122100000' });

    const people = await workbook([
      ['姓名', '职务', '角色', '单位', '手机'],
      ['王建国', '副县长', '包保领导', '中牟县信访局', 13812345678],
      ['李华', '副镇长', '责任人', '城关镇人民政府', ''],
    ]);
    const warned = ok(
      await backend.call('imports.preview', { kind: 'people', fileName: 'p.xlsx', base64: people }, admin),
    );
    expect(warned).toMatchObject({ errors: 0, creates: 2 });
    const entry = ok(
      await backend.call(
        'imports.commit',
        { kind: 'people', fileName: 'p.xlsx', base64: people, sha256: warned.sha256 },
        admin,
      ),
    );
    const leaders = ok(await backend.call('people.list', { role: 'leader' }, admin)).items;
    expect(leaders).toMatchObject([{ name: '王建国', phoneMasked: '138****5678', unitName: '中牟县信访局' }]);

    const undone = ok(await backend.call('imports.undo', { id: entry.id }, admin));
    expect(undone).toMatchObject({ undoable: false, undoneAt: expect.any(String) });
    expect(ok(await backend.call('people.list', {}, admin)).total).toBe(0);
    expect(ok(await backend.call('people.list', { includeDisabled: true }, admin)).total).toBe(2);
    expect(ok(await backend.call('system.info', {}, admin)).counts).toMatchObject({ units: 2, people: 0 });
    const twice = await backend.call('imports.undo', { id: entry.id }, admin);
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该次导入已撤销。' } });
    const log = ok(await backend.call('imports.list', {}, admin));
    expect(log.items.map((i) => [i.kind, i.creates, i.byName])).toEqual([
      ['people', 2, '系统管理员'],
      ['units', 2, '系统管理员'],
      ['regions', 4, '系统管理员'],
    ]);
  });

  it('suggests the near name for an unknown township', async () => {
    const { backend, admin } = await county();
    await importFile(backend, admin, 'regions', await workbook(REGIONS));
    const preview = ok(
      await backend.call(
        'imports.preview',
        {
          kind: 'units',
          fileName: 'u.xlsx',
          base64: await workbook([
            ['单位代码', '单位名称', '单位类别', '所属乡镇'],
            ['BSZ', '白沙镇人民政府', '乡镇人民政府/街道办事处', '白纱镇'],
          ]),
        },
        admin,
      ),
    );
    expect(preview.problems).toEqual([
      {
        row: 2,
        column: 'D',
        field: '所属乡镇',
        message: '系统中没有名为“白纱镇”的乡镇（街道），是否为：白沙镇？',
        level: 'error',
      },
    ]);
  });
});
