import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetPeriod } from '../../shared/domain/ledger/figure-period';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { settled } from './support/settle';
import type { WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const LEADER = { username: 'tongjilingdao', displayName: '孙带班', roles: ['leader'], password: 'Lead-2026-Own' };

/** Every chart of the page drawn. */
async function chartsDrawn(page: Page, charts: string): Promise<void> {
  const panel = page.getByTestId(charts);
  await panel.waitFor();
  await page.waitForFunction((testId) => {
    const charts = Array.from(document.querySelectorAll(`[data-testid="${testId}"] .echart`));
    return charts.length > 0 && charts.every((c) => c.getAttribute('data-ready') === 'true');
  }, charts);
}

/** Chooses a period preset and waits for the page to count it. */
async function choosePeriod(page: Page, preset: string, from: string): Promise<void> {
  await page.getByTestId(`figure-period-${preset}`).click();
  await page.getByTestId('figure-period-text').getByText(from).waitFor();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.el-loading-mask')).every((mask) => mask.offsetParent === null),
  );
}

// The three 统计 pages and the leader's 工作台 on the small demo, one browser, in order.
describe('统计 with a period, charts, export and the leader’s trend', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [LEADER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('counts the petitions of 本年, charts them, and a figure opens exactly the cases it counted', async () => {
    const { page } = session;
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await page.goto(`${app.url}#/petitions/figures`);
    await page.getByTestId('petition-figure-resolution_rate').waitFor();
    const today = (await page.getByText(/统计日期 \d{4}-\d{2}-\d{2}/).innerText()).slice(-10);
    const year = presetPeriod('year', today)!;
    await choosePeriod(page, 'year', year.from);
    await chartsDrawn(page, 'petition-figure-charts');
    await settled(page);
    await session.screenshots('figures-petitions');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-export').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    expect(String(workbook.getWorksheet('统计')!.getCell('A1').value)).toContain(`${year.from} 至 ${year.to}`);

    const denominator = Number(await page.getByTestId('petition-figure-resolution_rate-denominator').innerText());
    expect(denominator).toBeGreaterThan(0);
    await page.getByTestId('petition-figure-resolution_rate-denominator').click();
    await page.getByTestId('petitions-figure-filter').waitFor();
    await page.locator('.table-pager').getByText(`共 ${denominator} 条`).waitFor();
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('charts the hazards and the assessments of the period chosen', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/risks/hazards/figures`);
    await page.getByTestId('hazard-figures-page').waitFor();
    const today = (await page.getByText(/统计日期 \d{4}-\d{2}-\d{2}/).innerText()).slice(-10);
    await choosePeriod(page, 'year', presetPeriod('year', today)!.from);
    await chartsDrawn(page, 'hazard-figure-charts');
    await session.screenshots('figures-hazards');

    await page.goto(`${app.url}#/risks/assessments/figures`);
    await page.getByTestId('assessment-figures-page').waitFor();
    await choosePeriod(page, 'year', presetPeriod('year', today)!.from);
    await chartsDrawn(page, 'assessment-figure-charts');
    await session.screenshots('figures-assessments');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps 纠纷统计’s 自定义 range picker as wide as a date range while it is empty', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/disputes/figures`);
    await page.getByTestId('dispute-figures-page').waitFor();
    await page.getByTestId('figure-period-custom').click();
    const editor = page.getByTestId('figure-period').locator('.el-date-editor');
    await editor.waitFor();
    expect(
      await editor.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['', '']);
    const width = await editor.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(200);
    expect(width).toBeLessThanOrEqual(260);
    await settled(page);
    await session.screenshots('figures-disputes-custom-empty', page.getByTestId('figure-period'));
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the leader each key rate with its last 6 months', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/`);
    const leader = page.getByTestId('workbench-leader');
    await leader.waitFor();
    await page.waitForFunction(() => {
      const charts = Array.from(document.querySelectorAll('[data-testid^="workbench-trend-"] .echart'));
      return charts.length === 3 && charts.every((c) => c.getAttribute('data-ready') === 'true');
    });
    await session.screenshots('workbench-leader-trend', leader.locator('.rates'));
    expect(session.pageErrors).toEqual([]);
  });
});
