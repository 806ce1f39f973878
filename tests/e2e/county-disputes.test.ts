import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/ledger/calendar';
import { samplePdf } from '../helpers/files';
import { createAccount } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { boardReady, colourSpots, countyToday } from './support/board';
import { SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { countyBoundaryFile, setUpCounty, type County } from './support/county';
import { pickWorkbook } from './support/import';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import { messagesGone, settled } from './support/settle';
import { E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';
import { disputeStep } from './support/dispute-step';

const OFFICER = { username: 'zm-zhiban', displayName: '中牟值班员', roles: ['duty_officer'], password: 'Zm-Duty-2026' };
const LEADER = { username: 'zm-daiban', displayName: '中牟带班', roles: ['leader'], password: 'Zm-Lead-2026' };

/** 中牟县 as its centre sets it up: seven towns (雁鸣湖镇 with no dispute lately), three villages. */
const ZHONGMU: County = {
  name: '中牟县',
  divisionCode: '410122',
  centre: [113.98, 34.72],
  townships: [
    {
      code: '410122100000',
      name: '城关镇',
      villages: [
        { code: '410122100001', name: '东关村' },
        { code: '410122100002', name: '西关村' },
      ],
    },
    { code: '410122101000', name: '白沙镇', villages: [{ code: '410122101001', name: '杏树村' }] },
    { code: '410122102000', name: '韩寺镇' },
    { code: '410122103000', name: '官渡镇' },
    { code: '410122104000', name: '狼城岗镇' },
    { code: '410122105000', name: '万滩镇' },
    { code: '410122106000', name: '雁鸣湖镇' },
  ],
};

/** The county's boundary file, as its surveying office hands it over. */
const BOUNDARY = countyBoundaryFile(ZHONGMU, 410122);

/** The county's width over its height as ECharts projects the file: longitudes × its aspectScale 0.75. */
function shapeAspect(file: string): number {
  const points = (
    JSON.parse(file) as { features: Array<{ geometry: { coordinates: number[][][] } }> }
  ).features.flatMap((feature) => feature.geometry.coordinates.flat());
  const span = (axis: number) => Math.max(...points.map((p) => p[axis]!)) - Math.min(...points.map((p) => p[axis]!));
  return (span(0) * 0.75) / span(1);
}

/** One dispute of the centre's own ledger: the cells it fills (the rest left blank). */
interface Row {
  on: string;
  channel: string;
  category: string;
  township: string;
  village?: string;
  summary: string;
  applicants: string;
  respondents?: string;
  handling?: string;
  unit?: string;
  routedOn?: string;
  result?: string;
  resultOn?: string;
  visit?: string;
  visitedOn?: string;
  closedOn?: string;
  status?: string;
}

const PEOPLE = '人民调解委员会';
const settledClosed = (unit: string, resultOn: string, visitedOn: string, closedOn: string, visit = '满意') => ({
  handling: PEOPLE,
  unit,
  result: '调解成功',
  resultOn,
  visit,
  visitedOn,
  closedOn,
});

/** 2025: 14 taken in, 10 settled (化解率 71.43%), none moved up. */
// prettier-ignore
const YEAR_2025: Row[] = [
  { on: '2025-01-08', channel: '来访', category: '邻里', township: '城关镇', village: '东关村', summary: '两户因排水沟改道争执', applicants: '李春生', respondents: '李春旺', ...settledClosed('城关镇人民调解委员会', '2025-01-20', '2025-02-05', '2025-02-10') },
  { on: '2025-02-14', channel: '来电', category: '婚姻家庭', township: '白沙镇', village: '杏树村', summary: '离婚后子女抚养费给付纠纷', applicants: '王桂兰', respondents: '赵建设', handling: PEOPLE, unit: '白沙镇人民调解委员会', result: '调解成功', resultOn: '2025-03-01', visit: '基本满意', visitedOn: '2025-03-15' },
  { on: '2025-03-03', channel: '网格员上报', category: '房屋宅基地', township: '韩寺镇', summary: '宅基地界址争议', applicants: '陈德明、陈德亮', ...settledClosed('韩寺镇人民调解委员会', '2025-03-28', '2025-04-10', '2025-04-15') },
  { on: '2025-04-21', channel: '12345转办', category: '劳动争议', township: '官渡镇', summary: '建筑工地拖欠农民工工资', applicants: '刘大勇；孙小军', respondents: '郑州某建筑劳务有限公司', handling: '归口单位办理', unit: '中牟县人力资源和社会保障局', result: '调解成功', resultOn: '2025-05-05' },
  { on: '2025-05-09', channel: '来访', category: '合同', township: '狼城岗镇', summary: '土地流转合同租金纠纷', applicants: '周海涛', result: '引导', resultOn: '2025-05-12' },
  { on: '2025-06-17', channel: '来访', category: '邻里', township: '城关镇', village: '西关村', summary: '相邻建房采光纠纷', applicants: '马玉芬', respondents: '马玉堂', handling: PEOPLE, unit: '城关镇人民调解委员会', result: '调解不成', resultOn: '2025-07-10', visit: '不满意', visitedOn: '2025-07-20', closedOn: '2025-07-25' },
  { on: '2025-07-02', channel: '来电', category: '损害赔偿', township: '万滩镇', summary: '饲养犬只咬伤邻居赔偿纠纷', applicants: '黄秀英', ...settledClosed('万滩镇人民调解委员会', '2025-07-30', '2025-08-12', '2025-08-20') },
  { on: '2025-08-11', channel: '来访', category: '物业', township: '城关镇', summary: '小区电梯维修费用分摊争议', applicants: '张丽', respondents: '中牟某物业服务有限公司', handling: '行业性专业性调解', unit: '中牟县物业纠纷调解委员会', result: '调解成功', resultOn: '2025-09-02', visit: '满意', visitedOn: '2025-09-10', closedOn: '2025-09-15' },
  { on: '2025-09-05', channel: '网格员上报', category: '山林土地', township: '韩寺镇', summary: '林地边界树木归属争议', applicants: '韩金锁', result: '撤回', resultOn: '2025-09-12' },
  { on: '2025-10-13', channel: '110警情转办', category: '道路交通事故', township: '白沙镇', summary: '电动车与三轮车刮擦赔偿', applicants: '吴振华', respondents: '郭长顺', ...settledClosed('白沙镇人民调解委员会', '2025-10-30', '2025-11-08', '2025-11-12') },
  { on: '2025-11-04', channel: '来访', category: '劳动争议', township: '官渡镇', summary: '养殖场辞退工人经济补偿', applicants: '杨卫东', handling: '归口单位办理', unit: '中牟县人力资源和社会保障局', result: '调解成功', resultOn: '2025-11-20', visit: '基本满意', visitedOn: '2025-12-01' },
  { on: '2025-11-26', channel: '来信', category: '消费', township: '狼城岗镇', summary: '农资店售出假种子赔偿', applicants: '许国强、许国栋', handling: '行政调解', unit: '中牟县市场监督管理局', result: '调解成功', resultOn: '2025-12-10' },
  { on: '2025-12-09', channel: '来访', category: '婚姻家庭', township: '城关镇', village: '东关村', summary: '赡养老人费用分担纠纷', applicants: '李秀珍', handling: PEOPLE, unit: '城关镇人民调解委员会', result: '调解不成', resultOn: '2025-12-29' },
  { on: '2025-12-30', channel: '网格员上报', category: '邻里', township: '万滩镇', summary: '院墙渗水损坏邻房', applicants: '牛建军', ...settledClosed('万滩镇人民调解委员会', '2026-01-15', '2026-01-25', '2026-02-01') },
];

/** 2026 to October: 10 taken in, 6 settled, one being mediated and one routed (both now late). */
// prettier-ignore
const YEAR_2026: Row[] = [
  { on: '2026-01-12', channel: '来访', category: '房屋宅基地', township: '城关镇', village: '西关村', summary: '翻建房屋占用公共通道', applicants: '段玉成', ...settledClosed('城关镇人民调解委员会', '2026-02-03', '2026-02-20', '2026-03-01') },
  { on: '2026-02-25', channel: '来电', category: '邻里', township: '白沙镇', summary: '楼上漏水损坏楼下装修', applicants: '何静', handling: PEOPLE, unit: '白沙镇人民调解委员会', result: '调解成功', resultOn: '2026-03-10', visit: '满意', visitedOn: '2026-03-20' },
  { on: '2026-03-18', channel: '12345转办', category: '劳动争议', township: '官渡镇', summary: '蔬菜大棚雇工工资纠纷', applicants: '宋春来；宋春雨', handling: '归口单位办理', unit: '中牟县人力资源和社会保障局', result: '调解成功', resultOn: '2026-04-02' },
  { on: '2026-04-07', channel: '来访', category: '征地拆迁', township: '韩寺镇', summary: '道路拓宽青苗补偿标准异议', applicants: '韩建平', result: '引导', resultOn: '2026-04-10' },
  { on: '2026-05-19', channel: '来访', category: '婚姻家庭', township: '狼城岗镇', summary: '婚约彩礼返还纠纷', applicants: '冯小燕', respondents: '曹俊杰', ...settledClosed('狼城岗镇人民调解委员会', '2026-06-05', '2026-06-15', '2026-06-20') },
  { on: '2026-06-30', channel: '网格员上报', category: '环境污染', township: '万滩镇', summary: '养猪场异味扰民', applicants: '万滩镇某村村民委员会', handling: '行政调解', unit: '中牟县生态环境分局', result: '调解不成', resultOn: '2026-07-28' },
  { on: '2026-07-21', channel: '来访', category: '邻里', township: '城关镇', village: '东关村', summary: '共用水井使用纠纷', applicants: '李长河', ...settledClosed('城关镇人民调解委员会', '2026-08-04', '2026-08-15', '2026-08-20') },
  { on: '2026-08-13', channel: '来信', category: '合同', township: '白沙镇', summary: '农机买卖合同质量纠纷', applicants: '梁志刚', handling: '律师调解', unit: '中牟县律师调解工作室', result: '调解成功', resultOn: '2026-09-08' },
  { on: '2026-09-22', channel: '来访', category: '医疗', township: '官渡镇', summary: '卫生院输液后不良反应赔偿', applicants: '石凤英', handling: '行业性专业性调解', unit: '中牟县医疗纠纷人民调解委员会', routedOn: '2026-09-23', status: '调处中' },
  { on: '2026-10-15', channel: '来访', category: '物业', township: '城关镇', summary: '停车位收费争议', applicants: '罗斌', handling: PEOPLE, unit: '城关镇人民调解委员会', routedOn: '2026-10-16' },
];

const ago = (days: number) => addDays(countyToday(), -days);

/** The last four weeks (the board's 近 30 日), dated back from today: 8 taken in, 2 settled, 5 open. */
// prettier-ignore
const RECENT: Row[] = [
  { on: ago(26), channel: '网格员上报', category: '邻里', township: '城关镇', summary: '门前堆放杂物阻碍通行', applicants: '高红梅', handling: PEOPLE, unit: '城关镇人民调解委员会', result: '调解成功', resultOn: ago(20) },
  { on: ago(22), channel: '来访', category: '劳动争议', township: '官渡镇', summary: '合作社拖欠季节工工资', applicants: '田小波', handling: '归口单位办理', unit: '中牟县人力资源和社会保障局', result: '调解成功', resultOn: ago(10) },
  { on: ago(18), channel: '来电', category: '婚姻家庭', township: '白沙镇', summary: '分家析产房屋归属争议', applicants: '白玉兰' },
  { on: ago(15), channel: '来访', category: '房屋宅基地', township: '韩寺镇', summary: '宅基地置换面积争议', applicants: '韩二保', handling: PEOPLE, unit: '韩寺镇人民调解委员会', routedOn: ago(14), status: '调处中' },
  { on: ago(11), channel: '12345转办', category: '消费', township: '狼城岗镇', summary: '预付卡商家跑路退费', applicants: '郑晓娟', handling: '行政调解', unit: '中牟县市场监督管理局', routedOn: ago(10) },
  { on: ago(7), channel: '来访', category: '邻里', township: '城关镇', village: '西关村', summary: '空调外机噪音扰邻', applicants: '崔明亮' },
  { on: ago(4), channel: '网格员上报', category: '山林土地', township: '万滩镇', summary: '承包地界桩被移动', applicants: '万长青' },
  { on: ago(2), channel: '来访', category: '合同', township: '城关镇', summary: '装修合同工期延误', applicants: '秦雪', result: '引导', resultOn: ago(1) },
];

const LEDGER = [...YEAR_2025, ...YEAR_2026, ...RECENT];
/** Each row's number, in the centre's numbering: its year and a running number. */
const numberOf = (index: number) => `JF${LEDGER[index]!.on.slice(0, 4)}-${String(index * 7 + 11).padStart(6, '0')}`;
const SETTLED_2025 = YEAR_2025.flatMap((row, i) => (row.result === '调解成功' ? [numberOf(i)] : []));

/** The header row's cells, under a title and a row of merged groups. */
const HEADER = [
  '序号',
  '纠纷编号',
  '登记日期',
  '纠纷来源',
  '纠纷类型',
  '所属乡镇',
  '村居',
  '简要案情',
  '申请人',
  '被申请人',
  '化解方式',
  '调解组织',
  '分流日期',
  '化解结果',
  '化解日期',
  '回访结果',
  '回访日期',
  '销号日期',
  '办理状态',
  '备注',
];

/** The centre's own workbook; `badDate` replaces the 登记日期 of the row at that index. */
async function ledgerWorkbook(badDate?: { index: number; text: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('矛盾纠纷台账');
  sheet.addRow(['中牟县矛盾纠纷排查化解工作台账（2025—2026 年）']);
  sheet.addRow(['序号', '基本情况', null, null, null, null, null, null, '当事人', null, '调处情况']);
  sheet.addRow(HEADER);
  LEDGER.forEach((r, i) => {
    const on = badDate?.index === i ? badDate.text : r.on;
    // prettier-ignore
    sheet.addRow([i + 1, numberOf(i), on, r.channel, r.category, r.township, r.village ?? null, r.summary, r.applicants,
      r.respondents ?? null, r.handling ?? null, r.unit ?? null, r.routedOn ?? null, r.result ?? null, r.resultOn ?? null,
      r.visit ?? null, r.visitedOn ?? null, r.closedOn ?? null, r.status ?? null, null]);
  });
  sheet.mergeCells('A1:T1');
  sheet.mergeCells('B2:H2');
  sheet.mergeCells('I2:J2');
  sheet.mergeCells('K2:T2');
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The dispute taken in through the screens today and worked to 销号. */
const NEW_SUMMARY = '东关村两户因宅前排水沟堵塞争执（本县端到端）';
const AGREEMENT = samplePdf('Zhongmu mediation agreement');

/**
 * The figures by hand. All time: 33 taken in (32 imported and today's), 19 settled (10 + 6 + 2 and
 * today's): 化解率 19 / 33 = 57.58%; today's the only one moved up: 上交率 1 / 33 = 3.03%. In 2025:
 * 10 / 14 = 71.43%, 上交率 0 / 14 = 0.00%.
 */
const ALL_TIME = { received: 33, settled: 19, resolution: '57.58%', escalated: 1, escalation: '3.03%' };
const IN_2025 = { received: 14, settled: 10, resolution: '71.43%', escalated: 0, escalation: '0.00%' };

/**
 * The board by hand: today 1; over 近 30 日 the 8 recent and today's (城关镇 4, five towns 1 each,
 * 雁鸣湖镇 none), 3 settled (33.33%); open anywhere: 2 of 2026 (官渡镇, 城关镇) and 5 recent.
 */
const BOARD = {
  today: '1件',
  received: '9件',
  resolution: '33.33%',
  open: '7件',
  /** Per township: taken in over 近 30 日, and open now. */
  layer: {
    城关镇: '受理 4，在办 2',
    白沙镇: '受理 1，在办 1',
    韩寺镇: '受理 1，在办 1',
    官渡镇: '受理 1，在办 1',
    狼城岗镇: '受理 1，在办 1',
    万滩镇: '受理 1，在办 1',
  } as Record<string, string>,
};

/** A township's tooltip on the board's map: its name first, its disputes last. */
const TOOLTIP = /(\S+)\s*风险指数[\s\S]*矛盾纠纷：近 30 日受理 (\d+) 件，在办 (\d+) 件/;

/** The dispute numbers the list shows on its page. */
const listedNumbers = (page: Page) =>
  page
    .locator('[data-testid^="dispute-status-"]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-testid')!.slice('dispute-status-'.length)));

// In order: one county set up from nothing, its own disputes imported, one worked, then counted.
describe('a county that is not the demo works its disputes end to end', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ data: 'admin', viewport: SCREENSHOT_VIEWPORTS[0] }));
    await setUpCounty(app.api, ZHONGMU);
    await createAccount(app.url, app.api, OFFICER);
    await createAccount(app.url, app.api, LEADER);
  });

  afterAll(() => stopApp(app, session));

  /** Opens a step of the open drawer, fills it through `fill` and submits it. */
  const step = (action: string, fill: () => Promise<void>, screenshot?: string) =>
    disputeStep(session, action, fill, screenshot);

  it('imports the county’s irregular township boundary in 乡镇边界', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.getByTestId('nav-boundary').click();
    await page.getByTestId('boundary-page').waitFor();
    await page.getByTestId('boundary-file-input').setInputFiles({
      name: '中牟县乡镇界线.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(BOUNDARY),
    });
    await page.getByTestId('boundary-file-name').getByText('中牟县乡镇界线.geojson').waitFor();
    expect(await page.getByTestId('boundary-property').innerText()).toContain('XZQMC');
    await page.getByTestId('boundary-check').click();
    const report = page.getByTestId('boundary-report');
    await report.getByText('文件共 7 个要素，对应本县 7 个乡镇/街道').waitFor();
    await session.screenshots('county-disputes-boundary-report', report);
    const form = page.getByTestId('boundary-import-form');
    await form.locator('.el-form-item', { hasText: '数据日期' }).locator('input').fill('2026-06-30');
    await page.keyboard.press('Enter');
    await page.getByTestId('boundary-page').locator('h4').first().click();
    await page.getByTestId('boundary-sourceUnit').fill('中牟县自然资源局');
    await page.getByTestId('boundary-approvalNo').fill('豫S（2026）031号');
    await settled(page);
    await page.getByTestId('boundary-import-submit').click();
    await page
      .locator('.el-message-box')
      .getByText(/所有人看到的态势大屏地图都将换成这份边界/)
      .waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByText(/乡镇边界已导入/).waitFor();
    await page.getByTestId('boundary-current').getByText('豫S（2026）031号').waitFor();
    await messagesGone(page);
    await session.screenshots('county-disputes-boundary');
    await signOut(page);
  });

  it('names the bad cell of the county’s own ledger by row and column, then imports the fixed file', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/disputes`);
    await page.getByTestId('disputes-table').waitFor();
    await page.getByTestId('disputes-import').click();
    await page.getByTestId('import-dialog').waitFor();

    // The 9th dispute's 登记日期 was typed as a day September does not have: sheet row 12, column C.
    await pickWorkbook(page, '中牟县矛盾纠纷台账.xlsx', await ledgerWorkbook({ index: 8, text: '2025-09-31' }));
    await page.getByTestId('import-header-row').getByText('表头在第 3 行').waitFor();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const errors = (await problems.locator('tbody tr').allInnerTexts()).filter((row) => row.includes('错误'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^12\s+C\s+受理日期\s+错误\s+2025年9月31日不是有效日期$/);
    expect(await page.getByTestId('import-map-A').innerText()).toContain('不导入');
    expect(await page.getByTestId('import-map-F').innerText()).toContain('乡镇（街道）');
    expect(await page.getByTestId('import-map-L').innerText()).toContain('归口单位');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await session.screenshots('county-disputes-import-problem');

    await pickWorkbook(page, '中牟县矛盾纠纷台账（改）.xlsx', await ledgerWorkbook());
    const counts = page.getByTestId('import-counts');
    await counts.filter({ hasText: /新增 32/ }).waitFor();
    expect(await counts.innerText()).toMatch(/新增 32\s*更新 0\s*.*错误 0/);
    // One notice per unit to be made, naming the rows that name it (the header is row 3).
    const notices = (await problems.locator('tbody tr').allInnerTexts()).filter((row) => row.includes('将新建'));
    expect(notices).toHaveLength(new Set(LEDGER.map((r) => r.unit).filter(Boolean)).size);
    const townLines = LEDGER.flatMap((r, i) => (r.unit === '城关镇人民调解委员会' ? [i + 4] : []));
    expect(notices).toContainEqual(
      expect.stringContaining(`将新建承办单位“城关镇人民调解委员会”（第 ${townLines.join('、')} 行）`),
    );
    await session.screenshots('county-disputes-import-preview');
    await page.getByTestId('import-commit').click();
    await page.locator('.el-message-box').getByText('将新增 32 条、更新 0 条矛盾纠纷').waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });

    await page.locator('.table-pager').getByText('共 32 条').waitFor();
    // The states as the workbook gave or implied them.
    await page.getByTestId('disputes-keyword').fill('宅基地界址争议');
    await page.getByTestId('search-submit').click();
    await page.locator('.table-pager').getByText('共 1 条').waitFor();
    expect(await page.getByTestId(`dispute-status-${numberOf(2)}`).innerText()).toBe('已销号');
    await page.getByTestId('disputes-keyword').fill('');
    await page.getByTestId('search-submit').click();
    await page.locator('.table-pager').getByText('共 32 条').waitFor();
    await settled(page);
    await session.screenshots('county-disputes-list-imported');
  });

  it('takes a dispute in at the village, moves it up, routes it to the town’s 人民调解委员会 and settles it with the agreement', async () => {
    const { page } = session;
    await page.getByTestId('disputes-create').click();
    const dialog = page.getByTestId('dispute-form-dialog');
    await dialog.waitFor();
    await choose(page, 'dispute-category', '邻里');
    await page.getByTestId('dispute-summary').fill(NEW_SUMMARY);
    await choose(page, 'dispute-township', '城关镇');
    await page.getByTestId('dispute-level').getByText('村（社区）').click();
    await page.getByTestId('dispute-party-name-0').fill('李东升');
    await page.getByTestId('dispute-party-phone-0').fill('13703711234');
    await page.getByTestId('dispute-form-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByText(NEW_SUMMARY).first().waitFor();
    await drawer.getByTestId('dispute-status').getByText('已受理').waitFor();

    await step('transfer', async () => {
      await page.getByTestId('dispute-transfer-level').getByText('乡镇（街道）').click();
      await page.getByTestId('dispute-transfer-reason').fill('排水沟涉及镇区主干道，村调委会无法协调，上交镇里');
    });
    await drawer.getByTestId('dispute-transfers').getByText('村调委会无法协调').waitFor();
    await step(
      'route',
      async () => {
        await choose(page, 'dispute-handling-kind', '人民调解委员会');
        await choose(page, 'dispute-unit', '城关镇人民调解委员会', '城关镇');
      },
      'county-disputes-route',
    );
    await drawer.getByTestId('dispute-status').getByText('已分流').waitFor();
    await step('startMediation', async () => {
      await page.getByTestId('dispute-mediator').fill('城关镇调解员王振');
    });
    await drawer.getByTestId('dispute-status').getByText('调处中').waitFor();
    await step(
      'settle',
      async () => {
        const stepDialog = page.getByTestId('dispute-step-dialog');
        await stepDialog.getByTestId('attachment-upload-input').setInputFiles({
          name: '东关村排水沟调解协议书.pdf',
          mimeType: 'application/pdf',
          buffer: AGREEMENT,
        });
        await stepDialog.getByTestId('dispute-agreement-file').getByText('东关村排水沟调解协议书.pdf').waitFor();
        await page.getByTestId('dispute-agreement').fill('两户共同出资疏通排水沟，此后各自清理门前段');
        await page.getByTestId('dispute-judicial').getByText('未申请').click();
      },
      'county-disputes-settle',
    );
    await drawer.getByTestId('dispute-status').getByText('调解成功').waitFor();
    await drawer.getByTestId('dispute-fields').getByText('东关村排水沟调解协议书.pdf').waitFor();
    await step('visit', async () => {
      await page.getByTestId('dispute-satisfaction').getByText('满意', { exact: true }).click();
      await page.getByTestId('dispute-visit-note').fill('排水沟已疏通，双方无异议');
    });
    await drawer.getByTestId('dispute-status').getByText('已回访').waitFor();
    await settled(page);
    await session.screenshots('county-disputes-drawer-visited', drawer);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('lets the leader close it out', async () => {
    const { page } = session;
    await signOut(page);
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await page.goto(`${app.url}#/disputes`);
    await page.getByTestId('disputes-table').getByText(NEW_SUMMARY).click();
    await step('closeOut', async () => {});
    const drawer = page.getByTestId('dispute-drawer');
    await drawer.getByTestId('dispute-status').getByText('已销号').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.table-pager').getByText('共 33 条').waitFor();
  });

  /** 纠纷统计's card for `code`: the rate and its numerator and denominator as shown. */
  async function card(code: string): Promise<{ value: string; numerator: number; denominator: number }> {
    const { page } = session;
    const box = page.getByTestId(`figure-${code}`);
    const count = async (part: string) => Number(await box.getByTestId(`figure-${code}-${part}`).innerText());
    return {
      value: (await box.innerText()).match(/\d+\.\d{2}%/)![0],
      numerator: await count('numerator'),
      denominator: await count('denominator'),
    };
  }

  it('counts 纠纷统计 exactly as by hand, over all time and over 2025, and a number opens exactly its disputes', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/disputes/figures`);
    await page.getByTestId('figure-resolution_rate').waitFor();
    await settled(page);
    expect(await card('resolution_rate')).toEqual({
      value: ALL_TIME.resolution,
      numerator: ALL_TIME.settled,
      denominator: ALL_TIME.received,
    });
    expect(await card('escalation_rate')).toEqual({
      value: ALL_TIME.escalation,
      numerator: ALL_TIME.escalated,
      denominator: ALL_TIME.received,
    });
    await session.screenshots('county-disputes-figures');

    // 上交率's numerator: today's dispute alone.
    await page.getByTestId('figure-escalation_rate-numerator').click();
    await page.getByTestId('disputes-figure-filter').waitFor();
    await page.locator('.table-pager').getByText('共 1 条').waitFor();
    await page.getByTestId('disputes-table').getByText(NEW_SUMMARY).waitFor();

    // 2025 alone, chosen as a custom period.
    await page.goto(`${app.url}#/disputes/figures`);
    await page.getByTestId('figure-resolution_rate').waitFor();
    await page.getByTestId('figure-period-custom').click();
    const period = page.getByTestId('figure-period');
    const [start, end] = [period.getByPlaceholder('起'), period.getByPlaceholder('止')];
    await start.fill('2025-01-01');
    await end.fill('2025-12-31');
    await end.press('Enter');
    await page.getByTestId('figure-period-text').getByText('受理于 2025-01-01 至 2025-12-31').waitFor();
    await settled(page);
    await expect
      .poll(() => card('resolution_rate'))
      .toEqual({
        value: IN_2025.resolution,
        numerator: IN_2025.settled,
        denominator: IN_2025.received,
      });
    expect(await card('escalation_rate')).toEqual({
      value: IN_2025.escalation,
      numerator: IN_2025.escalated,
      denominator: IN_2025.received,
    });
    await session.screenshots('county-disputes-figures-2025');

    await page.getByTestId('figure-resolution_rate-numerator').click();
    await page.getByTestId('disputes-figure-filter').waitFor();
    await page.locator('.table-pager').getByText(`共 ${IN_2025.settled} 条`).waitFor();
    expect((await listedNumbers(page)).sort()).toEqual([...SETTLED_2025].sort());
    await settled(page);
    await session.screenshots('county-disputes-figure-list');
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });

  it('shows the county on the board: the disputes panel as counted by hand, the layer on its own townships', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/board`);
    await boardReady(page);
    await page.getByTestId('board-map-source').getByText('豫S（2026）031号', { exact: false }).waitFor();
    const figure = async (key: string) =>
      (await page.getByTestId(`board-disputes-${key}`).locator('.value').innerText()).replace(/\s/g, '');
    expect(await figure('today')).toBe(BOARD.today);
    expect(await figure('received')).toBe(BOARD.received);
    expect(await figure('resolution')).toBe(BOARD.resolution);
    expect(await figure('open')).toBe(BOARD.open);
    expect(await page.getByTestId('board-disputes-resolution').innerText()).toContain('化解 3 / 受理 9');
    const categories = await page.getByTestId('board-disputes-categories').locator('.row').allInnerTexts();
    expect(categories[0]!.replace(/\s/g, '')).toBe('邻里3件');

    // The layer's circles (DISPUTE_COLOR, right of the legends' column: MAP_BOX.left, 272 px) sit on the townships that took
    // disputes in: each one's tooltip names its township and counts as by hand; 雁鸣湖镇 has none.
    const spots = await colourSpots(page, 'board-map', { rgb: [179, 136, 255], skipLeft: 272 });
    expect(spots).toHaveLength(Object.keys(BOARD.layer).length);
    const layer: Record<string, string> = {};
    for (const spot of spots) {
      await page.mouse.move(spot.x, spot.y);
      // Until the tooltip names a township not read yet (the last one's may linger a moment).
      let tip: RegExpExecArray | null = null;
      const fresh = async () => {
        tip = TOOLTIP.exec(await page.getByTestId('board-map').innerText());
        return tip !== null && !(tip[1]! in layer);
      };
      await expect.poll(fresh, { timeout: 5000 }).toBe(true);
      const [, township, received, open] = tip!;
      layer[township!] = `受理 ${received}，在办 ${open}`;
    }
    expect(layer).toEqual(BOARD.layer);
    await page.mouse.move(0, 0);

    // The county keeps its shape: the townships' borders (#8fe4ff) span the file's width over height.
    const borders = await colourSpots(page, 'board-map', { rgb: [143, 228, 255], minPixels: 1, skipLeft: 272 });
    const [left, top] = [Math.min(...borders.map((b) => b.left)), Math.min(...borders.map((b) => b.top))];
    const right = Math.max(...borders.map((b) => b.left + b.width));
    const bottom = Math.max(...borders.map((b) => b.top + b.height));
    expect((right - left) / (bottom - top) / shapeAspect(BOUNDARY)).toBeCloseTo(1, 1);
    await session.screenshots('county-disputes-board');
    expect(session.pageErrors).toEqual([]);
  });
});
