import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { signIn } from './support/auth';
import { E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

interface RegionPage {
  items: Array<{ code: string; name: string }>;
  total: number;
}

// In order: the second test uses the administrator's sign-in from the first.
describe('the workstation in web mode, on the demo county', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp());
  });

  afterAll(() => stopApp(app, session));

  it('shows the Chinese home page listing every township through the contract', async () => {
    const expected = await app.api<RegionPage>('regions.list', { level: 'township', pageSize: 200 });
    expect(expected.ok).toBe(true);
    const townships = expected.data!.items;
    expect(townships.length).toBeGreaterThanOrEqual(10);

    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    const table = page.getByTestId('home-townships');
    await table.getByText(townships[townships.length - 1]!.name, { exact: true }).waitFor();
    const text = await table.innerText();
    for (const township of townships) expect(text).toContain(township.name);
    const menu = await page.getByRole('menuitem').allInnerTexts();
    expect(menu).toEqual(
      expect.arrayContaining([
        expect.stringContaining('工作台'),
        expect.stringContaining('态势大屏'),
        expect.stringContaining('系统管理'),
        expect.stringContaining('数据备份'),
      ]),
    );
    // Least privilege: the administrator keeps accounts, not cases or hazards (the duty officer's
    // menu has 信访积案 and 风险台账).
    expect(menu.join()).not.toContain('信访积案');
    expect(menu.join()).not.toContain('风险台账');
    await session.screenshot('home');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('marks the field when a search form gets invalid input', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/admin`);
    await page.getByTestId('regions-keyword').fill('长'.repeat(60));
    await page.getByTestId('regions-tab').getByTestId('search-submit').click();
    await page.getByText('不能超过 50 个字符，请删减').waitFor();
    await session.screenshot('admin-validation');
    expect(session.offMachineRequests).toEqual([]);
  });
});
