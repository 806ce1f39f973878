import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { readExport } from '../helpers/export-file';
import { IN_ORDER } from './support/in-order';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'daochuyuan', displayName: '周导出', roles: ['duty_officer'], password: 'Duty-2026-Own' };

// In order: the second test exports from the list the first one filtered and signed in to.
describe('the petition ledger export', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('exports the filtered list, masked, with its progress, as a real xlsx', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    // The filter comes in the address, as from a figure on the 统计 page.
    await page.goto(`${app.url}#/petitions?status=resolving`);
    await page.getByTestId('petitions-table').locator('tbody tr').first().waitFor();
    const officerApi = cookieClient(app.url);
    await officerApi('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const listed = await officerApi<{ total: number }>('petitions.list', { status: 'resolving' });
    const total = listed.data!.total;
    expect(total).toBeGreaterThan(0);

    await page.getByTestId('petitions-export').click();
    const dialog = page.getByTestId('petition-export-dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    expect(await dialog.textContent()).toContain(`导出 ${total} 件积案`);
    expect(await page.getByTestId('petition-export-unmasked').count()).toBe(1);
    await session.screenshot('petition-export-dialog');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('petition-export-start').click(),
    ]);
    await page.getByTestId('petition-export-done').waitFor();
    expect(await page.getByTestId('petition-export-progress').textContent()).toContain(`已写入 ${total} / ${total} 行`);
    // The bar grows with a CSS transition: the picture is taken once it is full.
    await page.waitForFunction(() => {
      const inner = document.querySelector('.el-progress-bar__inner')?.getBoundingClientRect().width ?? 0;
      const outer = document.querySelector('.el-progress-bar__outer')?.getBoundingClientRect().width ?? 1;
      return inner >= outer - 1;
    });
    await session.screenshot('petition-export-progress');

    expect(download.suggestedFilename()).toMatch(/^积案台账_\d{8}-\d{4}\.xlsx$/);
    const { rows, description } = await readExport(await readFile((await download.path())!), '积案台账');
    expect(rows.length).toBe(1 + total);
    expect(rows[0]![0]).toBe('案件编号');
    expect(description).toMatch(/^筛选条件：状态=化解中\u3000导出时间：/);
    const statuses = new Set(rows.slice(1).map((row) => row[4]));
    expect([...statuses]).toEqual(['化解中']);
    // Petitioners are masked: no full 18-character ID number or mobile number anywhere.
    const ids = rows
      .slice(1)
      .map((row) => row[7])
      .join('、');
    expect(ids).toMatch(/\d{3}\*{11}[\dX]{4}/);
    expect(ids).not.toMatch(/\d{17}[\dX]/);
    expect(
      rows
        .slice(1)
        .map((row) => row[8])
        .join('、'),
    ).not.toMatch(/1\d{10}/);

    await page.getByTestId('petition-export-close').click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('exports unmasked only after a reason is given', async () => {
    const { page } = session;
    await page.getByTestId('petitions-export').click();
    await page.getByTestId('petition-export-unmasked').click();
    await page.getByTestId('petition-export-start').click();
    await page.getByText('不脱敏导出须填写“导出原因”').waitFor();
    await session.screenshot('petition-export-unmasked-reason');
    await page.getByTestId('petition-export-reason').fill('报送县委政法委核对');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('petition-export-start').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^积案台账-含个人信息_\d{8}-\d{4}\.xlsx$/);
    const { rows } = await readExport(await readFile((await download.path())!), '积案台账');
    const ids = rows
      .slice(1)
      .map((row) => row[7])
      .join('、');
    expect(ids).toMatch(/\d{17}[\dX]/);
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });
});
