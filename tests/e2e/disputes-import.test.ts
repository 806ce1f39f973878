import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../helpers/export-file';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { openSession, SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { pickWorkbook } from './support/import';
import { IN_ORDER } from './support/in-order';
import { startWebApp, type WebApp } from './support/serve';

const OFFICER = { username: 'jiufendaoru', displayName: '郑导入', roles: ['duty_officer'], password: 'Duty-2026-Imp' };

type Region = { code: string; name: string };

async function regionsOf(app: WebApp, input: Record<string, unknown>): Promise<Region[]> {
  const reply = await app.api<{ items: Region[] }>('regions.list', { ...input, pageSize: 50 });
  if (!reply.ok) throw new Error(reply.error?.message);
  return reply.data!.items;
}

/**
 * A centre's own disputes ledger: a title row, a row of merged group headers over its own column
 * names, several parties in one cell (a person and an organisation), a dispute settled and closed
 * out two years ago, one still being mediated, one just taken in. `bad`: the second party's ID
 * number has a wrong check digit.
 */
async function disputeWorkbook(place: { township: string; village: string; other: string }, bad: boolean) {
  // prettier-ignore
  const rows: Array<Array<string | number | null>> = [
    ['矛盾纠纷排查化解台账（端到端）'],
    ['基本信息', null, null, null, null, '当事人', null, null, '办理情况'],
    ['编号', '来源', '纠纷类型', '属地', '村居', '申请人', '公民身份号码', '被申请人', '登记日期', '简要案情', '化解方式', '调解组织', '化解结果', '化解日期', '回访结果', '回访日期', '销号日期', '办理状态', '层级', '是否上交', '上交层级', '上交原因'],
    ['JF2024-009001', '来访', '邻里', place.township, place.village, '郑导一、郑导二经济合作社', `${bad ? '410102198001191235' : '410102198001191234'}、—`, '王导三', '2024-03-05', '相邻通道堵塞纠纷（导入）', '人民调解委员会', '导入测试人民调解委员会', '调解成功', '2024-03-20', '满意', '2024/4/1', '2024年4月10日', null],
    ['JF2026-009002', '12345 转办', '劳动争议', place.other, null, '钱导四；孙导五', null, '某导入建筑有限公司', '2026-01-10', '讨要工资（导入）', '归口单位办理', '导入测试劳动监察大队', null, null, null, null, null, '调处中', '乡镇', '是', '县', '涉及多家企业，乡镇协调不了'],
    ['JF2026-009003', '网格员上报', '合同', place.township, null, '李导六', null, null, '2026-02-01', '买卖合同纠纷（导入）'],
  ];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('纠纷台账');
  for (const row of rows) sheet.addRow(row);
  sheet.mergeCells('A1:V1');
  sheet.mergeCells('A2:E2');
  sheet.mergeCells('F2:H2');
  sheet.mergeCells('I2:V2');
  return Buffer.from(await book.xlsx.writeBuffer());
}

// In order: the workbook previewed with a bad row, corrected and imported, then seen in the list.
describe('a centre’s own disputes ledger imported', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let place: { township: string; village: string; other: string };

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
    const townships = await regionsOf(app, { level: 'township' });
    const villages = await regionsOf(app, { level: 'village', parentCode: townships[0]!.code });
    place = { township: townships[0]!.name, village: villages[0]!.name, other: townships[1]!.name };
    session = await openSession(SCREENSHOT_VIEWPORTS[0]);
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('names the bad row and column in the preview and offers no import until it is corrected', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/disputes`);
    await page.getByTestId('disputes-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await pickWorkbook(page, '纠纷台账.xlsx', await disputeWorkbook(place, true));
    await page.getByTestId('import-header-row').getByText('表头在第 3 行').waitFor();
    const problems = page.getByTestId('import-problems');
    await problems.getByText('第 1 位当事人的身份证号校验位不正确').waitFor();
    expect(await problems.innerText()).toMatch(/4\s+G\s+身份证号\s+错误/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  });

  it('imports the corrected workbook at once, and the list shows the disputes with their states', async () => {
    const { page } = session;
    await pickWorkbook(page, '纠纷台账（改）.xlsx', await disputeWorkbook(place, false));
    const counts = page.getByTestId('import-counts');
    await counts.filter({ hasText: /新增 3/ }).waitFor();
    expect(await counts.innerText()).toMatch(/新增 3\s*更新 0\s*.*错误 0/);
    const problems = await page.getByTestId('import-problems').innerText();
    expect(problems).toContain('“郑导二经济合作社”按单位当事人导入');
    expect(problems).toContain('将新建承办单位“导入测试人民调解委员会”');
    await session.screenshots('import-disputes');
    await page.getByTestId('import-commit').click();
    await page.locator('.el-message-box').getByText('将新增 3 条、更新 0 条矛盾纠纷').waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('disputes-keyword').fill('导入');
    await page.getByTestId('search-submit').click();
    await page.locator('.table-pager').getByText('共 3 条').waitFor();
    expect(await page.getByTestId('dispute-status-JF2024-009001').innerText()).toBe('已销号');
    expect(await page.getByTestId('dispute-status-JF2026-009002').innerText()).toBe('调处中');
    expect(await page.getByTestId('dispute-status-JF2026-009003').innerText()).toBe('已受理');
    await session.screenshots('import-disputes-list');

    await page.getByTestId('disputes-table').getByText('JF2024-009001').click();
    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByText('郑导二经济合作社').waitFor();
    expect(await drawer.innerText()).toContain('郑*一');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Moved up before it came in: its transfer is on the record, as a transfer on screen records one.
    await page.getByTestId('disputes-table').getByText('JF2026-009002').click();
    const transfers = drawer.getByTestId('dispute-transfers');
    await transfers.getByText('涉及多家企业，乡镇协调不了').waitFor();
    expect(await transfers.innerText()).toMatch(/上交：乡镇（街道）\s*→\s*县/);
    await transfers.scrollIntoViewIfNeeded();
    await session.screenshots('import-disputes-escalated', drawer);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('exports the filtered list with the parties masked, and 纠纷统计 with its figures', async () => {
    const { page } = session;
    await page.getByTestId('disputes-keyword').fill('通道堵塞');
    await page.getByTestId('search-submit').click();
    await page.locator('.table-pager').getByText('共 1 条').waitFor();
    await page.getByTestId('disputes-export').click();
    const dialog = page.getByTestId('dispute-export-dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    expect(await dialog.textContent()).toContain('导出 1 件矛盾纠纷');
    await session.screenshots('export-disputes', dialog);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dispute-export-start').click(),
    ]);
    await page.getByTestId('dispute-export-done').waitFor();
    expect(download.suggestedFilename()).toMatch(/^矛盾纠纷台账_\d{8}-\d{4}\.xlsx$/);
    const { rows, description } = await readExport(await readFile((await download.path())!), '矛盾纠纷台账');
    expect(description).toMatch(/^筛选条件：关键字=“通道堵塞”\u3000导出时间：.+个人信息已脱敏$/);
    const closed = rows.find((row) => row[0] === 'JF2024-009001')!;
    // 申请方 and 被申请方 apart, each with its ID numbers and phones.
    expect(closed.slice(6, 12)).toEqual([
      '郑*一、郑导二经济合作社',
      '410***********1234、—',
      '—、—',
      '王*三',
      '—',
      '—',
    ]);
    expect(rows.map((row) => row[0])).toEqual(['纠纷编号', 'JF2024-009001']);
    await page.getByTestId('dispute-export-close').click();

    await page.goto(`${app.url}#/disputes/figures`);
    await page.getByTestId('dispute-figures-page').waitFor();
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-export').click()]);
    expect(sheet.suggestedFilename()).toMatch(/^纠纷统计-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await sheet.path())!)) as never);
    expect(String(book.getWorksheet('统计')!.getCell('A1').value)).toContain('纠纷统计（统计周期：');
    await session.screenshots('export-disputes-figures');
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });
});
