import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import { SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { pickWorkbook } from './support/import';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import { E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

type Row = Array<string | number | null>;

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The centre's own region list, unlike the template: a title row, a two-row header with merged
 * cells, the name before the code, columns the system does not keep, a code typed as a number.
 */
const regionsWorkbook = (eastStreetCode: string) =>
  workbook((book) => {
    const sheet = book.addWorksheet('区划统计');
    const rows: Row[] = [
      ['中牟县行政区划及网格统计表（2026 年）', null, null, null, null],
      ['序号', '区划', null, '基本情况', null],
      [null, '区划名称', '统计用区划代码', '人口（人）', '备注'],
      [1, '城关镇', 410122100000, 52000, '镇政府驻地'],
      [2, '白沙镇', '410122101000', 38000, ''],
      [3, '东街社区', eastStreetCode, 6000, ''],
      [4, '西街村', '410122101001', 2100, ''],
      [5, '西街第一网格', '410122101001001', null, '网格员 2 名'],
    ];
    for (const row of rows) sheet.addRow(row);
    sheet.mergeCells('A1:E1');
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:C2');
    sheet.mergeCells('D2:E2');
  });

/** Imports the previewed file: confirms the counts asked about, waits for the result, closes. */
async function commitImport(page: Page, question: string): Promise<void> {
  await page.getByTestId('import-commit').click();
  await page.locator('.el-message-box').getByText(question).waitFor();
  await page.locator('.confirm-ok').click();
  await page.getByTestId('import-done').waitFor();
  await page.getByTestId('import-close').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });
}

const tableText = (page: Page, testId: string) => page.getByTestId(testId).innerText();

// In order: one administrator sets up one county, step after step.
describe('a county set up from scratch and loaded from Excel', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ data: 'admin', viewport: SCREENSHOT_VIEWPORTS[0] }));
  });

  afterAll(() => stopApp(app, session));

  it('sets up the county on the first-run path', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    const card = page.getByTestId('first-run');
    await card.getByText('正式使用前，请按以下步骤设置本县的基础数据').waitFor();
    expect(await page.getByTestId('setup-import-regions').isDisabled()).toBe(true);
    await session.screenshots('county-setup-first-run');

    // The cursor is in the county's name; Enter saves; a 5-digit code is refused on its field.
    await page.keyboard.type('中牟县');
    await page.getByTestId('county-code').fill('41012');
    await page.keyboard.press('Enter');
    await card.getByText('县级行政区划代码应为 6 位数字').waitFor();
    await page.getByTestId('county-code').fill('410122');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-county-done').getByText('中牟县（410122）').waitFor();
    expect(await page.getByTestId('setup-counts-regions').innerText()).toContain('乡镇/街道 0 个');
    expect(await page.getByTestId('setup-import-regions').isDisabled()).toBe(false);
  });

  it('imports the regions from the centre’s own workbook: the bad row is named, the file fixed, then imported', async () => {
    const { page } = session;
    await page.getByTestId('setup-import-regions').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('import-template-regions').click(),
    ]);
    expect(download.suggestedFilename()).toBe('行政区划导入模板.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await readFile((await download.path())!)) as never);
    expect(template.worksheets.map((sheet) => sheet.name)).toEqual(['行政区划', '填写说明']);
    expect(template.worksheets[0]!.getRow(1).values).toEqual([undefined, '*区划代码', '*名称']);

    // 东街社区's code lost a digit: the preview names row 6, column C, and allows no import.
    await pickWorkbook(page, '中牟县区划统计.xlsx', await regionsWorkbook('41012210000'));
    await page.getByTestId('import-header-row').getByText('表头在第 3 行').waitFor();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const problemRows = await problems.locator('tbody tr').allInnerTexts();
    expect(problemRows).toHaveLength(1);
    expect(problemRows[0]).toMatch(/^6\s+C\s+区划代码\s+错误\s*“41012210000”格式不对/);
    expect(await page.getByTestId('import-map-B').innerText()).toContain('名称');
    expect(await page.getByTestId('import-map-C').innerText()).toContain('区划代码');
    expect(await page.getByTestId('import-map-D').innerText()).toContain('不导入');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await session.screenshots('county-import-preview-problems');

    // The fixed file, picked again: no problem, five new regions.
    await pickWorkbook(page, '中牟县区划统计（改）.xlsx', await regionsWorkbook('410122100001'));
    await page.getByTestId('import-no-problems').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增 5\s*更新 0\s*错误 0/);
    await commitImport(page, '将新增 5 条、更新 0 条行政区划');
    await page.getByTestId('setup-counts-regions').getByText('乡镇/街道 2 个、村/社区 2 个、网格 1 个').waitFor();
    expect(await page.getByTestId('home-townships').innerText()).toContain('白沙镇');
  });

  it('keeps the regions in 基础数据: a village added under its township, renamed, disabled with its grids', async () => {
    const { page } = session;
    await page.getByTestId('setup-manual-regions').click();
    await page.getByTestId('regions-path').getByText('中牟县').waitFor();
    await page.getByTestId('regions-table').getByText('城关镇').waitFor();
    await page.getByTestId('region-open-410122101000').click();
    await page.getByTestId('regions-table').getByText('西街村').waitFor();

    // The code comes prefilled with the township's digits; one under another township is refused on its field.
    await page.getByTestId('regions-create').click();
    const form = page.getByTestId('region-form');
    await form.waitFor();
    expect(await page.getByTestId('region-form-code').inputValue()).toBe('410122101');
    await page.getByTestId('region-form-code').fill('410122100002');
    await page.getByTestId('region-form-name').fill('新村');
    await page.keyboard.press('Enter');
    await form.getByText('须在上级 410122101000 之下').waitFor();
    await session.screenshots('county-admin-regions-form');
    await page.getByTestId('region-form-code').fill('410122101002');
    await page.keyboard.press('Enter');
    await page.getByTestId('regions-table').getByText('新村').waitFor();

    await page.getByTestId('region-410122101002-edit').click();
    await page.getByTestId('region-form-name').fill('新华村');
    await page.keyboard.press('Enter');
    await page.getByTestId('regions-table').getByText('新华村').waitFor();

    // Disabling asks first and says the grids go with the village.
    await page.getByTestId('region-410122101001-toggle').click();
    await page.locator('.el-message-box').getByText('其下的全部网格也将一并停用').waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByText('村/社区“西街村”已停用').waitFor();
    await page.getByTestId('regions-table').getByText('西街村').waitFor({ state: 'detached' });
    await page.getByTestId('regions-disabled').click();
    const disabledRow = page.getByTestId('regions-table').locator('tbody tr', { hasText: '西街村' });
    await disabledRow.getByText('停用', { exact: true }).first().waitFor();
    await session.screenshots('county-admin-regions');
  });

  it('merges a village into another township’s village: the dialog counts what follows, the merged one is kept disabled', async () => {
    const { page } = session;
    await page.getByTestId('region-open-410122101002').click();
    await page.getByTestId('regions-create').click();
    await page.getByTestId('region-form-code').fill('410122101002001');
    await page.getByTestId('region-form-name').fill('新华第一网格');
    await page.keyboard.press('Enter');
    await page.getByTestId('regions-table').getByText('新华第一网格').waitFor();
    await page.getByTestId('regions-path-410122101000').click();
    await page.getByTestId('regions-table').getByText('新华村').waitFor();

    await page.getByTestId('region-410122101002-merge').click();
    const dialog = page.getByTestId('region-merge');
    await dialog.waitFor();
    await page.getByTestId('region-merge-impact').getByText('下级区划 1').waitFor();
    await choose(page, 'region-merge-target', '东街社区', '东街');
    await dialog.getByText('随后停用，保留备查，不会删除').waitFor();
    await session.screenshots('county-admin-regions-merge', dialog);
    await page.getByTestId('region-merge-submit').click();
    await page.getByText('“新华村”已并入“东街社区”').waitFor();
    const merged = page.getByTestId('regions-table').locator('tbody tr', { hasText: '新华村' });
    await merged.getByText('停用', { exact: true }).first().waitFor();
    expect(await merged.innerText()).toMatch(/新华村\s+村\/社区\s+0/);
  });

  it('imports the units, a column the system does not know mapped by hand, and lists their township by name', async () => {
    const { page } = session;
    await page.getByTestId('admin-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-kind-units').click();
    const units = await workbook((book) => {
      const sheet = book.addWorksheet('单位');
      for (const row of [
        ['单位代码', '单位名称', '单位性质', '属地', '联系人'],
        ['XFJ', '中牟县信访局', '县直部门', '', '李明'],
        ['CGZ', '城关镇人民政府', '乡镇人民政府', '城关', '王强'],
        ['BSZ', '白沙镇人民政府', '乡镇人民政府', '白沙镇', '赵刚'],
      ])
        sheet.addRow(row);
    });
    await pickWorkbook(page, '承办单位.xlsx', units);
    await page.getByTestId('import-problems').getByText('没有找到“单位类别”列').waitFor();
    expect(await page.getByTestId('import-mapping-missing').innerText()).toContain('单位类别');
    await choose(page, 'import-map-C', '单位类别（必填）');
    await page.getByTestId('import-no-problems').waitFor();
    await commitImport(page, '将新增 3 条、更新 0 条承办单位');

    await page.getByRole('tab', { name: '承办单位' }).click();
    const row = page.getByTestId('units-table').locator('tbody tr', { hasText: '城关镇人民政府' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/CGZ\s+城关镇人民政府\s+乡镇人民政府\/街道办事处\s+城关镇\s+启用/);
    expect(await tableText(page, 'units-table')).not.toContain('410122100000');

    // A township government must name its township.
    await page.getByTestId('units-create').click();
    await page.getByTestId('unit-form').waitFor();
    await page.getByTestId('unit-form-code').fill('HXZ');
    await page.getByTestId('unit-form-name').fill('韩寺镇人民政府');
    await choose(page, 'unit-form-kind', '乡镇人民政府/街道办事处');
    await page.getByTestId('unit-form-submit').click();
    await page.getByTestId('unit-form').getByText('乡镇人民政府/街道办事处须选择所属乡镇（街道）').waitFor();
    await session.screenshots('county-admin-units-form');
    await choose(page, 'unit-form-region', '白沙镇');
    await page.getByTestId('unit-form-submit').click();
    await page.getByTestId('units-table').getByText('韩寺镇人民政府').waitFor();
    await session.screenshots('county-admin-units');
  });

  it('imports the people in the template’s layout, shows each phone masked and keeps it through an edit', async () => {
    const { page } = session;
    await page.getByTestId('admin-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-kind-people').click();
    const people = await workbook((book) => {
      const sheet = book.addWorksheet('领导与责任人');
      for (const row of [
        ['*姓名', '*职务', '*类别', '*所在单位', '联系电话'],
        ['王建国', '县委常委、政法委书记', '包保领导', '中牟县信访局', '13812345678'],
        ['李华', '副镇长', '责任人', '城关镇人民政府', ''],
      ])
        sheet.addRow(row);
    });
    await pickWorkbook(page, '领导与责任人.xlsx', people);
    await page.getByTestId('import-no-problems').waitFor();
    await commitImport(page, '将新增 2 条、更新 0 条领导与责任人');

    await page.getByRole('tab', { name: '领导与责任人' }).click();
    const wang = page.getByTestId('people-table').locator('tbody tr', { hasText: '王建国' });
    await wang.waitFor();
    expect(await wang.innerText()).toContain('138****5678');
    expect(await wang.innerText()).not.toContain('13812345678');

    await page.getByTestId('person-王建国-edit').click();
    await page.getByTestId('person-form').waitFor();
    expect(await page.getByTestId('person-form-phone').getAttribute('placeholder')).toContain(
      '已登记 138****5678，留空则不修改',
    );
    await page.getByTestId('person-form-title').fill('县委常委、政法委书记（兼）');
    await session.screenshots('county-admin-people-form');
    await page.keyboard.press('Enter');
    await wang.getByText('县委常委、政法委书记（兼）').waitFor();
    expect(await wang.innerText()).toContain('138****5678');
    await session.screenshots('county-admin-people');
  });

  it('adds a dictionary entry', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: '字典' }).click();
    await page.getByTestId('dicts-table').getByText('单位类别').click();
    await page.getByTestId('dict-entries-table').getByText('县直部门').waitFor();
    await page.getByTestId('dict-entry-create').click();
    await page.getByTestId('dict-entry-form').waitFor();
    // The cursor is in the first field once the dialog has opened: type, then Enter saves.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'dict-entry-form-label');
    await page.keyboard.type('群团组织');
    await page.getByTestId('dict-entry-form-code').fill('mass_organization');
    await session.screenshots('county-admin-dicts-form');
    await page.keyboard.press('Enter');
    await page.getByTestId('dict-entries-table').getByText('群团组织').waitFor();
  });

  it('lists each import in the log, and undoes the people’s import the same day', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: '导入记录' }).click();
    const log = page.getByTestId('import-log-table');
    await log.getByText('领导与责任人.xlsx').waitFor();
    const rows = await log.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/领导与责任人\s+领导与责任人\.xlsx（领导与责任人）\s+[0-9a-f]{12}…\s+系统管理员/);
    expect(rows[2]).toContain('中牟县区划统计（改）.xlsx');
    await session.screenshots('county-admin-import-log');

    await page.getByTestId('import-undo-领导与责任人.xlsx').click();
    await page.locator('.el-message-box').getByText('这次导入新增的 2 条领导与责任人将停用或作废').waitFor();
    await page.locator('.confirm-ok').click();
    await log.locator('tbody tr').first().getByText('已撤销').waitFor();
    const info = await app.api<{ counts: { people: number } }>('system.info');
    expect(info.data?.counts.people).toBe(0);
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
