import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import type { WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const OFFICER = { username: 'bianjie', displayName: '孙值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };

// One web app and one officer's page: the menu folds and stays folded, the breadcrumbs name the
// page, a list is found as it was left, its column widths are kept, and it is worked from the keys.
describe('the workstation’s conveniences', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({
      accounts: [OFFICER],
      viewport: { width: 1366, height: 768 },
      signInAs: OFFICER,
    }));
  });

  afterAll(() => stopApp(app, session));

  const firstCaseNo = () => session.page.locator('[data-testid^="petition-open-"]').first().innerText();

  it('names the page’s place in the menu, and folds the menu for this user across a restart', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-table').waitFor();
    expect(await page.getByTestId('breadcrumbs').innerText()).toMatch(/信访积案\s*\/\s*积案台账/);

    await page.getByTestId('menu-fold').click();
    await page.locator('.app-menu.el-menu--collapse').waitFor();
    await session.screenshots('app-menu-folded');
    await page.reload();
    await page.getByTestId('petitions-table').waitFor();
    expect(await page.locator('.app-menu.el-menu--collapse').count()).toBe(1);
    await page.getByTestId('menu-fold').click();
    await page.locator('.app-menu.el-menu--collapse').waitFor({ state: 'detached' });
  });

  it('finds a list as it was left: its filter and page after another page, its filter after a restart', async () => {
    const { page } = session;
    await choose(page, 'petitions-status', '化解中');
    await page.getByTestId('petitions-search').getByRole('button', { name: '查询' }).click();
    await page.locator('.table-pager .number', { hasText: '2' }).click();
    await page.locator('.table-pager .number.is-active', { hasText: '2' }).waitFor();
    const secondPageFirst = await firstCaseNo();

    await page.getByTestId('nav-today').click();
    await page.getByTestId('breadcrumbs').filter({ hasText: '今日' }).waitFor();
    await page.getByTestId('nav-petitions').click();
    await page.locator('.table-pager .number.is-active', { hasText: '2' }).waitFor();
    expect(await firstCaseNo()).toBe(secondPageFirst);
    expect(await page.getByTestId('petitions-status').innerText()).toContain('化解中');

    // A reload keeps the window, and so the page too.
    await page.reload();
    await page.locator('.table-pager .number.is-active', { hasText: '2' }).waitFor();

    // A new window, as after a restart: the filter is kept, the page starts again from the first.
    const restarted = await page.context().newPage();
    try {
      await restarted.goto(`${app.url}#/petitions`);
      await restarted.locator('.table-pager .number.is-active', { hasText: '1' }).waitFor();
      expect(await restarted.getByTestId('petitions-status').innerText()).toContain('化解中');
    } finally {
      await restarted.close();
    }
  });

  it('keeps a column’s dragged width for this user', async () => {
    const { page } = session;
    const header = page.locator('.ledger-table th', { hasText: '诉求摘要' }).first();
    const before = (await header.boundingBox())!;
    // Drag the column's right edge 120 px to the right.
    const edgeX = before.x + before.width - 2;
    const edgeY = before.y + before.height / 2;
    await page.mouse.move(edgeX, edgeY);
    await page.mouse.down();
    await page.mouse.move(edgeX + 60, edgeY, { steps: 4 });
    await page.mouse.move(edgeX + 120, edgeY, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before.width + 100);

    await page.reload();
    await page.getByTestId('petitions-table').waitFor();
    const after = page.locator('.ledger-table th', { hasText: '诉求摘要' }).first();
    await expect.poll(async () => (await after.boundingBox())!.width).toBeGreaterThan(before.width + 100);
  });

  it('is worked from the keyboard: arrows choose a row, Enter opens it, PageDown turns the page', async () => {
    const { page } = session;
    await page.getByTestId('petitions-search').getByRole('button', { name: '重置' }).click();
    await page.locator('.table-pager .number.is-active', { hasText: '1' }).waitFor();
    const numbers = await page.locator('[data-testid^="petition-open-"]').allInnerTexts();
    await page.getByTestId('petitions-table').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.ledger-table .current-row [data-testid^="petition-open-"]').innerText()).toBe(
      numbers[1],
    );
    await session.screenshots('ledger-keyboard-row');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('petition-drawer')
      .filter({ hasText: `积案 ${numbers[1]}` })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('petition-drawer').waitFor({ state: 'hidden' });

    await page.getByTestId('petitions-table').focus();
    await page.keyboard.press('PageDown');
    await page.locator('.table-pager .number.is-active', { hasText: '2' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
