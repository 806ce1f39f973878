import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { boardReady, countyToday, freePort } from './support/board';
import { openSession, type Session } from './support/browser';
import { messagesGone, settled } from './support/settle';
import { E2E_ADMIN, startWebApp, type WebApp } from './support/serve';

const OFFICER = {
  username: 'duty-roster',
  displayName: '排班值班员',
  roles: ['duty_officer'],
  password: 'Roster-2026-pw',
};

const APPROVAL_NO = '青S（2026）017号';

/** A closed square ring of longitude/latitude pairs. */
const square = (lng: number, lat: number, size = 0.05) => [
  [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ],
];

/** A made-up boundary file: one square per township name given, side by side. */
type Geometry = (i: number) => { type: string; coordinates: unknown };
const squares: Geometry = (i) => ({ type: 'Polygon', coordinates: square(113.5 + i * 0.05, 34.5) });

function boundaryFile(names: readonly string[], geometry = squares) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: names.map((name, i) => ({
      type: 'Feature',
      properties: { NAME: name, AREA: 12.5 },
      geometry: geometry(i),
    })),
  });
}

async function pickFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('boundary-file-input').setInputFiles({
    name,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(text),
  });
  await page.getByTestId('boundary-file-name').getByText(name).waitFor();
}

describe('the board administration screens', () => {
  let app: WebApp;
  let session: Session;
  let townships: Array<{ code: string; name: string }>;

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
    const listed = await app.api<{ items: Array<{ code: string; name: string }> }>('regions.list', {
      level: 'township',
    });
    townships = listed.data!.items;
    session = await openSession();
  });

  // Each test signs in as its own user.
  beforeEach(async () => {
    await session.context.clearCookies();
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('checks a boundary file, refuses a bad one without changing anything, then imports it', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.getByTestId('nav-boundary').click();
    await page.getByTestId('boundary-page').waitFor();
    // The window's title names the page and the county the workbench serves.
    await page.waitForFunction(() => document.title === '乡镇边界 - 青禾县 - 综治工作台');
    const current = page.getByTestId('boundary-current');
    await current.getByText('演示数据（虚构县，非真实边界）').waitFor();

    // A Point instead of a polygon: the check names the feature and what to do; nothing changes.
    const [first, second] = [townships[0]!.name, townships[1]!.name];
    await pickFile(
      page,
      '点图层.geojson',
      boundaryFile([first], () => ({ type: 'Point', coordinates: [113.5, 34.5] })),
    );
    expect(await page.getByTestId('boundary-property').innerText()).toContain('NAME');
    await page.getByTestId('boundary-check').click();
    const checkError = page.getByTestId('boundary-check-error');
    await checkError.getByText(/几何类型为 Point，只接受面/).waitFor();
    expect(await checkError.innerText()).toContain(`第 1 个要素（${first}）`);
    expect(await page.getByTestId('boundary-report').count()).toBe(0);
    await session.screenshot('boundary-bad-file');

    // Projected coordinates (metres): refused with the domain's explanation.
    const projected = (i: number) => ({ type: 'Polygon', coordinates: square(500_000 + i * 5000, 3_800_000, 5000) });
    await pickFile(page, '投影坐标.geojson', boundaryFile([first, second], projected));
    await page.getByTestId('boundary-check').click();
    await checkError.getByText(/投影坐标/).waitFor();
    expect((await app.api<{ source: { approvalNo: string } }>('board.boundary')).data!.source.approvalNo).toBe('');

    // Two townships of the county plus one feature naming none: the match report says which is which.
    await pickFile(page, '乡镇边界.geojson', boundaryFile([first, second, '邻县某镇']));
    await page.getByTestId('boundary-check').click();
    const report = page.getByTestId('boundary-report');
    await report.waitFor();
    expect(await report.innerText()).toContain('文件共 3 个要素，对应本县 2 个乡镇/街道');
    expect(await page.getByTestId('boundary-report-matched').innerText()).toMatch(
      new RegExp(`${first}[\\s\\S]*${second}`),
    );
    expect(await page.getByTestId('boundary-report-unmatched').innerText()).toContain('邻县某镇');
    expect(await page.getByTestId('boundary-report-missing').innerText()).toContain(townships[2]!.name);

    // The administrator assigns the stray feature to the township it really is: checked again with it.
    await session.screenshots('boundary-unmatched', report);
    await page.getByTestId('boundary-assign-3').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: townships[2]!.name }).first().click();
    await report.getByText('文件共 3 个要素，对应本县 3 个乡镇/街道').waitFor();
    expect(await page.getByTestId('boundary-report-matched').innerText()).toMatch(
      new RegExp(`${townships[2]!.name}\\s*← 邻县某镇`),
    );
    expect(await page.getByTestId('boundary-report-unmatched').innerText()).toContain('无');

    // The source is required; then the import asks first, and the page shows the new source.
    await page.getByTestId('boundary-import-submit').click();
    await page.getByTestId('boundary-import-form').getByText('请填写审图号', { exact: false }).waitFor();
    // The date first: Enter in its picker may also submit the form, which then only marks the fields.
    const form = page.getByTestId('boundary-import-form');
    await form.locator('.el-form-item', { hasText: '数据日期' }).locator('input').fill('2026-10-01');
    await page.keyboard.press('Enter');
    await page.getByTestId('boundary-page').locator('h4').first().click();
    await page.getByTestId('boundary-sourceUnit').fill('青禾县自然资源局');
    await page.getByTestId('boundary-approvalNo').fill(APPROVAL_NO);
    await settled(page); // the fields' error marks fade out
    await session.screenshot('boundary-preview');
    await page.getByTestId('boundary-import-submit').click();
    const confirm = page.locator('.el-message-box');
    await confirm.getByText(/所有人看到的态势大屏地图都将换成这份边界/).waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByText(/乡镇边界已导入/).waitFor();
    await current.getByText(APPROVAL_NO).waitFor();
    expect(await current.innerText()).toContain('青禾县自然资源局');
    expect(await page.getByTestId('boundary-report').count()).toBe(0);
    await messagesGone(page);
    await session.screenshot('boundary');

    // The board's source line carries the new approval number.
    await page.goto(`${app.url}#/board`);
    await boardReady(page);
    await page.getByTestId('board-map-source').getByText(APPROVAL_NO, { exact: false }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('lets a duty officer roster today, with phones masked, and the board shows the names', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.getByTestId('nav-duty').click();
    await page.getByTestId('duty-page').waitFor();
    const today = countyToday();
    await page.getByTestId(`duty-edit-${today}`).click();
    const dialog = page.getByTestId('duty-dialog');
    await dialog.waitFor();
    // Clear the day, then add one leader and one officer.
    while ((await dialog.getByTestId('duty-leader-remove').count()) > 0)
      await dialog.getByTestId('duty-leader-remove').first().click();
    while ((await dialog.getByTestId('duty-officer-remove').count()) > 0)
      await dialog.getByTestId('duty-officer-remove').first().click();

    await dialog.getByTestId('duty-add-leader').click();
    await page.keyboard.type('周带班');
    await dialog.getByTestId('duty-add-officer').click();
    // A name is required: saving with it empty marks the row.
    await page.getByTestId('duty-save').click();
    await dialog.getByText('请填写值班人员姓名').waitFor();
    await dialog.getByTestId('duty-officer-name').last().fill('吴值守');
    await dialog.getByTestId('duty-officer-phone').last().fill('13912345678');
    await page.getByTestId('duty-dialog').locator('h4').first().click();
    await settled(page); // the name's error mark fades out
    await session.screenshot('duty-dialog');
    await dialog.getByTestId('duty-officer-phone').last().press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('duty-table').locator('tr', { hasText: today.slice(5) });
    await row.getByText('吴值守').waitFor();
    expect(await row.innerText()).toContain('周带班');
    expect(await row.innerText()).toContain('139****5678');
    expect(await page.getByTestId('duty-table').innerText()).not.toContain('13912345678');
    await messagesGone(page);
    await session.screenshot('duty');

    await page.goto(`${app.url}#/board`);
    await boardReady(page);
    expect(await page.getByTestId('board-duty-leader').innerText()).toContain('周带班');
    expect(await page.getByTestId('board-duty-officer').innerText()).toContain('吴值守');
    expect(await page.getByTestId('board').innerText()).not.toContain('13912345678');
    expect(session.pageErrors).toEqual([]);
  });

  it('lets the administrator enable web mode and hands out the LAN address with its token', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.goto(`${app.url}#/admin/settings`);
    const card = page.getByTestId('board-settings-page');
    await card.getByTestId('board-wall-off').waitFor();
    expect(await page.getByTestId('board-settings-formula').innerText()).toContain('100 × 计分 ÷（计分 + 半饱和分）');

    // A bad address is refused on its field.
    const port = await freePort();
    await page.getByTestId('board-settings-web-enabled').click();
    await page.getByTestId('board-settings-web-address').fill('192.168.1');
    await page.getByTestId('board-settings-submit').click();
    await card.getByText('请填写本机的 IPv4 地址', { exact: false }).waitFor();

    await page.getByTestId('board-settings-web-address').fill('127.0.0.1');
    await page.getByTestId('board-settings-web-port').locator('input').fill(String(port));
    await page.getByTestId('board-settings-red').locator('input').fill('12');
    await page.getByTestId('board-settings-submit').click();
    await page
      .locator('.el-message-box')
      .getByText(/网页模式将在 127\.0\.0\.1/)
      .waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByText('态势大屏设置已保存').waitFor();

    const address = page.getByTestId('board-wall-address');
    await address.waitFor();
    expect(await address.innerText()).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/wall\\?token=\\S{4}•+\\S{4}$`),
    );
    await page.getByTestId('board-wall-show').click();
    const { data: saved } = await app.api<{ weights: { red: number }; web: { token: string } }>('settings.getBoard');
    expect(saved!.weights.red).toBe(12);
    const lan = `http://127.0.0.1:${port}/wall?token=${saved!.web.token}`;
    expect(await address.innerText()).toBe(lan);
    // The address works: the LAN server answers it.
    const status = async () => (await fetch(lan, { redirect: 'manual' }).catch(() => null))?.status;
    await expect.poll(status, { timeout: 10_000, interval: 250 }).toBe(303);
    await messagesGone(page);
    // The card is taller than the window: a window tall enough for the whole settings page.
    await page.setViewportSize({ width: 1440, height: 2400 });
    await card.scrollIntoViewIfNeeded();
    await session.screenshot('board-settings');
    await page.setViewportSize({ width: 1440, height: 900 });

    // A new token, after a confirmation: the old address stops working.
    await page.getByTestId('board-wall-renew').click();
    await page
      .locator('.el-message-box')
      .getByText(/原来的大屏地址立即失效/)
      .waitFor();
    await page.locator('.confirm-ok').click();
    await page.getByText(/已生成新令牌/).waitFor();
    await expect.poll(async () => (await address.innerText()) !== lan).toBe(true);
    await expect.poll(status, { timeout: 10_000, interval: 250 }).toBe(401);
    expect(session.pageErrors).toEqual([]);
  });
});
