import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../shared/domain/id-number';
import { addDays } from '../../shared/domain/ledger/calendar';
import { createAccount, signedInClient } from './support/accounts';
import { signIn } from './support/auth';
import { countyToday } from './support/board';
import { SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { pickWorkbook } from './support/import';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import { E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

type Api = WebApp['api'];
type Cell = string | number | Date | null;

const OFFICER = { username: 'zm-duty', displayName: '中牟值班员', roles: ['duty_officer'], password: 'Zm-2026-duty' };

/** Checks an API call and returns its data. */
async function dataOf<T>(reply: Promise<{ ok: boolean; data?: T; error?: { message: string } }>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(result.error?.message);
  return result.data!;
}

/**
 * Fills a kind's downloaded template as a centre would: the rows under its header, by the
 * header's words (the template marks required ones with *), then previews and imports it.
 */
async function importFromTemplate(api: Api, kind: string, records: Array<Record<string, string>>): Promise<void> {
  const template = await dataOf(api<{ fileName: string; base64: string }>('imports.template', { kind }));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(template.base64, 'base64') as never);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((text) => String(text ?? '').replace(/^\*/, ''));
  // Row 2 holds the template's example: the centre's own rows replace it.
  records.forEach((record, index) => {
    const row = sheet.getRow(index + 2);
    header.forEach((label, column) => {
      if (column > 0) row.getCell(column).value = record[label] ?? null;
    });
  });
  const base64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const file = { kind, fileName: template.fileName, base64 };
  const preview = await dataOf(api<{ errors: number; sha256: string; problems: unknown[] }>('imports.preview', file));
  if (preview.errors > 0) throw new Error(`${kind} 模板预览有错误：${JSON.stringify(preview.problems)}`);
  await dataOf(api('imports.commit', { ...file, sha256: preview.sha256 }));
}

/** A valid ID number: 17 digits and the GB 11643 check character that fits them. */
const validIdNumber = (first17: string): string => first17 + idCheckCharacter(first17);

/** The same 17 digits with a check character that does not fit them. */
const wrongIdNumber = (valid: string) => valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1');

/** The county's today, and the date `days` from it: the ledger's history is laid around today. */
const today = countyToday();
const day = (days: number) => addDays(today, days);
/** The forms offices type dates in: 2026/3/5, 2026.3.5, 2026年3月5日, and an Excel date cell. */
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const slashed = (iso: string) => parts(iso).join('/');
const dotted = (iso: string) => parts(iso).join('.');
const written = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}日`;
};
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Excel's serial number of a date (days since 1899-12-30). */
const excelSerial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/**
 * The centre's own petition ledger, in nothing like the template's layout: a notes sheet before
 * it, a title row, a two-row header with merged cells, columns in its own order under its own
 * words (编号, 属地, 受理日期, 包保领导, 责任单位, 办结时限 …), columns the system does not keep
 * (序号, 备注), the ID numbers far right, dates in every form offices type them, and the
 * petitioners under 反映人, a word the system does not know. `fixed`: the workbook after the
 * centre corrected the rows the preview named.
 */
async function petitionWorkbook(fixed: boolean): Promise<Buffer> {
  const goodId = validIdNumber('41012219780305201');
  // One workbook row to a line, as in the workbook.
  // prettier-ignore
  const rows: Cell[][] = [
    ['中牟县信访积案包保台账', null, null, null, null, null, null, null, null, null, null, null, null, null],
    ['序号', '案件信息', null, null, null, '包保责任', null, '办理情况', null, null, null, null, '备注', null],
    [null, '编号', '属地', '反映人', '主要诉求', '包保领导', '责任单位', '受理日期', '办结时限', '化解日期', '销号日期', '状态', null, '公民身份号码'],
    // Row 4: resolved 15 days before its limit.
    [1, 'ZM2026-001', '城关镇', '张某', '反映征地补偿款未足额发放', '王建国', '城关镇人民政府', dateCell(day(-270)), day(-210), day(-225), null, '已化解', null, null],
    // Row 5: resolved after its limit, then closed out; the township written without 镇.
    [2, 'ZM2026-002', '白沙', '李某', '反映拆迁安置房迟迟未交付', '王建国', '白沙镇人民政府', slashed(day(-240)), slashed(day(-180)), dotted(day(-170)), written(day(-160)), '已销号', '逾期化解', null],
    // Row 6: still being resolved, its limit passed: overdue today. A unit and a leader new to the system.
    [3, 'ZM2026-003', '城关镇', '赵某', '反映小区物业乱收费问题', '刘洋', '中牟县住房和城乡建设局', written(day(-90)), day(-30), null, null, '化解中', null, null],
    // Row 7: received on a date typed as a serial number; no status, no limit: both worked out.
    [4, 'ZM2026-004', '白沙镇', '钱某', '反映农村宅基地确权纠纷', '王建国', '白沙镇人民政府', excelSerial(day(-20)), null, null, null, null, null, null],
    // Row 8: resolved on time; two petitioners.
    [5, 'ZM2026-005', '城关镇', '孙某、周某', '反映企业拖欠工资', '王建国', '城关镇人民政府', day(-300), day(-240), day(-250), null, '已化解', null, null],
    // Row 9: a township not in the county (fixed: 白沙镇).
    [6, 'ZM2026-006', fixed ? '白沙镇' : '大孟镇', '吴某', '反映灌溉水渠损毁', '王建国', '白沙镇人民政府', day(-30), null, null, null, '化解中', null, null],
    // Row 10: an ID number whose check digit is wrong (fixed: the right one).
    [7, 'ZM2026-007', '城关镇', '郑某', '反映低保评定不公', '王建国', '城关镇人民政府', day(-10), null, null, null, '化解中', null, fixed ? goodId : wrongIdNumber(goodId)],
  ];
  // Row 11: a case entered twice (fixed: gone).
  const twice: Cell[] = [8, 'ZM2026-001', '城关镇', '张某', '重复录入', '王建国', '城关镇人民政府', day(-270)];
  if (!fixed) rows.push(twice);
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['本表由县信访局每月更新']);
  const ledger = book.addWorksheet('包保台账');
  for (const row of rows) ledger.addRow(row);
  ledger.mergeCells('A1:N1');
  ledger.mergeCells('A2:A3');
  ledger.mergeCells('B2:E2');
  ledger.mergeCells('F2:G2');
  ledger.mergeCells('H2:L2');
  ledger.mergeCells('M2:M3');
  return Buffer.from(await book.xlsx.writeBuffer());
}

// In order: a county set up from its templates, then its petition ledger brought in and seen.
describe('a county’s own petition ledger imported with its history', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ data: 'admin', viewport: SCREENSHOT_VIEWPORTS[0] }));
    const admin = await signedInClient(app.url, E2E_ADMIN);
    await dataOf(admin('regions.setUpCounty', { name: '中牟县', divisionCode: '410122' }));
    await importFromTemplate(admin, 'regions', [
      { 区划代码: '410122100000', 名称: '城关镇' },
      { 区划代码: '410122101000', 名称: '白沙镇' },
      { 区划代码: '410122100001', 名称: '东街社区' },
    ]);
    const units = await dataOf(admin<{ fileName: string; base64: string }>('imports.template', { kind: 'units' }));
    const unitHeader = await headerOf(units.base64);
    await importFromTemplate(admin, 'units', [
      rowOf(unitHeader, ['CGZ', '城关镇人民政府', '乡镇人民政府', '城关镇']),
      rowOf(unitHeader, ['BSZ', '白沙镇人民政府', '乡镇人民政府', '白沙镇']),
    ]);
    const people = await dataOf(admin<{ fileName: string; base64: string }>('imports.template', { kind: 'people' }));
    await importFromTemplate(admin, 'people', [
      rowOf(await headerOf(people.base64), ['王建国', '县委常委、政法委书记', '包保领导', '城关镇人民政府', '']),
    ]);
    await createAccount(app.url, admin, OFFICER);
  });

  afterAll(() => stopApp(app, session));

  it('previews the centre’s workbook, names each bad row by row and column, takes a column mapped by hand', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await pickWorkbook(page, '中牟县积案台账.xlsx', await petitionWorkbook(false));

    // The ledger sheet is found (not the notes before it), its header under the title and merged cells.
    await page.getByTestId('import-header-row').getByText('表头在第 3 行').waitFor();
    // 反映人 is no word the system knows: 信访人 is missing until mapped by hand.
    expect(await page.getByTestId('import-mapping-missing').innerText()).toContain('信访人');
    await choose(page, 'import-map-D', '信访人（必填）');

    const problems = page.getByTestId('import-problems');
    await problems.getByText('大孟镇').waitFor();
    const text = await problems.innerText();
    expect(text).toMatch(/9\s+C\s+乡镇（街道）\s+错误/);
    expect(text).toMatch(/10\s+N\s+身份证号\s+错误/);
    expect(text).toMatch(/11\s+B\s+案件编号\s+错误\s*“ZM2026-001”与第 4 行重复/);
    expect(text).toContain('将新建承办单位“中牟县住房和城乡建设局”');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await session.screenshots('ledger-import-preview-problems');
  });

  it('imports the corrected workbook all at once, each case with its real dates and stage', async () => {
    const { page } = session;
    await pickWorkbook(page, '中牟县积案台账（改）.xlsx', await petitionWorkbook(true));
    await page
      .getByTestId('import-counts')
      .filter({ hasText: /新增 7/ })
      .waitFor();
    // The mapping by hand was kept for this kind: 反映人 is 信访人 again without asking.
    expect(await page.getByTestId('import-map-D').innerText()).toContain('信访人');
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增 7\s*更新 0\s*.*错误 0/);
    await page.getByTestId('import-commit').click();
    await page.locator('.el-message-box').getByText('将新增 7 条、更新 0 条信访积案').waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByTestId('import-done').waitFor();
    await session.screenshots('ledger-import-done');
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });

    const table = page.getByTestId('petitions-table');
    await page.locator('.table-pager').getByText('共 7 条').waitFor();
    expect(await table.innerText()).toContain('ZM2026-003');
    await session.screenshots('ledger-import-list');

    // The overdue case: its stage from its real limit, its timeline beginning with 导入.
    await table.getByText('ZM2026-003').click();
    const drawer = page.getByTestId('petition-drawer');
    await drawer.getByText('超期', { exact: true }).waitFor();
    await page.getByTestId('petition-timeline').getByText('导入').first().waitFor();
    await session.screenshots('ledger-import-drawer');
  });

  it('counts the imported cases in 统计 from their real dates, and on the board', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/petitions/figures`);
    const onTime = page.getByTestId('petition-figure-on_time_rate');
    await onTime.waitFor();
    // Concluded: 001 and 005 on time, 002 resolved after its limit.
    expect(await page.getByTestId('petition-figure-on_time_rate-numerator').innerText()).toBe('2');
    expect(await page.getByTestId('petition-figure-on_time_rate-denominator').innerText()).toBe('3');
    expect(await page.getByTestId('petition-figure-overdue-numerator').innerText()).toBe('1');
    await session.screenshots('ledger-import-figures');

    await page.goto(`${app.url}#/board`);
    await page.locator('[data-testid="board"][data-loaded="true"]').waitFor({ timeout: 30_000 });
    const cases = await page.getByTestId('board-kpi-cases').locator('.value').innerText();
    expect(Number(cases.replace(/[^\d]/g, ''))).toBe(4);
    // One overdue case: the ticker stands still and names it once, not twice side by side.
    const ticker = page.getByTestId('board-ticker-track');
    await expect.poll(() => ticker.getAttribute('class')).toContain('still');
    expect(await ticker.locator('.alert').count()).toBe(1);
    await session.screenshots('ledger-import-board');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

async function headerOf(base64: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as never);
  return (book.worksheets[0]!.getRow(1).values as unknown[])
    .slice(1)
    .map((text) => String(text ?? '').replace(/^\*/, ''));
}

/** A template row from values in the template's column order. */
const rowOf = (header: string[], values: string[]): Record<string, string> =>
  Object.fromEntries(header.map((label, index) => [label, values[index] ?? '']));
