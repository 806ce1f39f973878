import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { choose } from './support/select';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'zhibanyuan', displayName: '王值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const LEADER = { username: 'daibanlingdao', displayName: '刘带班', roles: ['leader'], password: 'Lead-2026-Own' };
const SUMMARY = '要求解决青禾县测试小区房屋漏水维修问题（端到端测试）';

async function runAction(page: Page, action: string, fill: () => Promise<void>): Promise<void> {
  await page.getByTestId(`petition-action-${action}`).click();
  await page.getByTestId('petition-action-dialog').waitFor();
  await fill();
  await page.getByTestId('petition-action-submit').click();
  const confirm = page.locator('.confirm-ok:visible');
  if (await confirm.count()) await confirm.click();
  await page.getByTestId('petition-action-dialog').waitFor({ state: 'hidden' });
}

interface Figures {
  overall: Record<string, { numerator: number; denominator: number }>;
}

// One story on one web app and one browser page, in order: the case registered in the first test is
// handled in the second, from the drawer the first left open, and closed out in the third.
describe('the petition backlog, from registration to close-out', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let leaderApi: ReturnType<typeof cookieClient>;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER, LEADER], viewport: WIDE_VIEWPORT }));
    leaderApi = await signedInClient(app.url, LEADER);
  });

  afterAll(() => stopApp(app, session));

  const resolutionRate = async () => {
    const figures = await leaderApi<Figures>('petitions.figures', {});
    return figures.data!.overall.resolution_rate!;
  };

  it('lets a duty officer register a case; a bad field is marked', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    expect(await page.getByTestId('nav-petitions').count()).toBe(1);
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-table').locator('tbody tr').first().waitFor();
    await session.screenshots('petitions-list');

    await page.getByTestId('petitions-create').click();
    await page.getByTestId('petition-form').waitFor();
    await page.getByTestId('petition-form-petitioner-name-0').fill('赵测试');
    await page.getByTestId('petition-form-petitioner-id-0').fill('12345');
    await page.getByTestId('petition-form-submit').click();
    await page
      .getByTestId('petition-form')
      .getByText(/身份证/)
      .first()
      .waitFor();
    await session.screenshot('petition-form-validation');

    await page.getByTestId('petition-form-petitioner-id-0').fill('999901199001051234');
    await choose(page, 'petition-form-township', '南关街道');
    await page.getByTestId('petition-form-first-date').locator('input').fill('2026-10-08');
    await page.keyboard.press('Enter');
    await page.getByTestId('petition-form-summary').fill(SUMMARY);
    await page.getByTestId('petition-form-submit').click();
    await page.getByTestId('petition-form').waitFor({ state: 'hidden' });
  });

  it('takes the case through classification, assignment, progress, the reply and resolution', async () => {
    const { page } = session;
    const before = await resolutionRate();
    // Registering opens the new case's drawer.
    await page.getByTestId('petition-drawer').getByText(SUMMARY).waitFor();
    await runAction(page, 'classify', async () => {
      await choose(page, 'petition-action-field-itemType', '申诉求决');
      await choose(page, 'petition-action-field-category', '城乡建设');
    });
    await runAction(page, 'assign', async () => {
      await choose(page, 'petition-action-field-handlingUnitId', '住房和城乡建设局', '住房');
      await choose(page, 'petition-action-field-responsibleLeaderId', '县委书记）');
      await page.getByTestId('petition-action-item-dueDate').locator('input').fill('2027-01-20');
      await page.keyboard.press('Enter');
    });
    await page.getByTestId('petition-action-progress').click();
    await page.getByTestId('petition-progress-content').fill('已约谈信访人并现场查看漏水情况');
    await page.getByTestId('petition-progress-submit').click();
    await page.getByTestId('petition-progress-dialog').waitFor({ state: 'hidden' });
    // The written reply (办结) comes before 化解.
    await runAction(page, 'reply', async () => {
      await page.getByTestId('petition-action-field-replyKind').getByText('支持', { exact: true }).click();
    });
    await runAction(page, 'resolve', async () => {
      await page.getByTestId('petition-action-field-outcome').fill('物业完成维修，信访人签字认可');
      // 化解日期 starts at today; a late entry would pick the real day.
      const date = page.getByTestId('petition-action-item-happenedOn');
      expect(await date.locator('input').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await session.screenshots('petition-resolve-dialog', page.getByTestId('petition-action-dialog'));
    });
    await page.getByTestId('petition-status').getByText('已化解').waitFor();
    await session.screenshot('petition-drawer');

    const after = await resolutionRate();
    expect(after.numerator).toBe(before.numerator + 1);
    await page.keyboard.press('Escape');
    await page.getByTestId('petition-drawer').waitFor({ state: 'hidden' });
    await signOut(page);
  });

  it('lets the leader close it out, and the queue shows overdue cases', async () => {
    const { page } = session;
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-keyword').fill('房屋漏水维修');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('petitions-table').locator('tbody tr', { hasText: '房屋漏水维修' }).first().click();
    await page.getByTestId('petition-drawer').waitFor();
    await runAction(page, 'closeOut', async () => {
      await page.getByTestId('petition-action-field-evidence').fill('信访人签署的息访承诺书');
    });
    await page.getByTestId('petition-status').getByText('已销号').waitFor();
    await page.getByTestId('petition-timeline').getByText(/销号/).first().waitFor();
    await session.screenshot('petition-closed');

    await page.goto(`${app.url}#/petitions/supervision`);
    const queue = page.getByTestId('supervision-table');
    await queue.locator('tbody tr').first().waitFor();
    expect(await queue.innerText()).toContain('超期');
    await session.screenshot('supervision-queue');

    await page.goto(`${app.url}#/petitions/figures`);
    await page.getByTestId('petition-figure-resolution_rate').waitFor();
    await settled(page);
    expect(await page.getByTestId('petition-figure-conclusion_rate').innerText()).toContain('应办结积案数');
    await session.screenshots('petition-figures');

    // A figure's denominator opens exactly its cases, with the filter named above the list.
    const overdue = page.getByTestId('petition-figure-overdue');
    const denominator = Number(await page.getByTestId('petition-figure-overdue-denominator').innerText());
    await overdue.getByTestId('petition-figure-overdue-denominator').click();
    await page.getByTestId('petitions-figure-filter').getByText('超期积案 · 分母').waitFor();
    await page.locator('.table-pager').getByText(`共 ${denominator} 条`).waitFor();
    await session.screenshot('petitions-figure-filter');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
