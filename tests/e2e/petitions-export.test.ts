import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { openSession, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, startWebApp, type WebApp } from './support/serve';

const OFFICER = { username: 'daochuyuan', displayName: '周导出', roles: ['duty_officer'], password: 'Duty-2026-Own' };

// In order: the second test exports from the list the first one filtered and signed in to.
describe('the petition ledger export', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
    session = await openSession({ width: 1600, height: 1000 });
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

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

    expect(download.suggestedFilename()).toMatch(/^积案台账-\d{8}-\d{6}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile((await download.path())!);
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
    const sheet = workbook.getWorksheet('积案台账')!;
    expect(sheet.rowCount).toBe(1 + total);
    expect(sheet.getRow(1).getCell(1).value).toBe('案件编号');
    const statuses = new Set(sheet.getColumn(5).values.slice(2));
    expect([...statuses]).toEqual(['化解中']);
    // Petitioners are masked: no full 18-character ID number or mobile number anywhere.
    const ids = sheet.getColumn(8).values.slice(2).join('、');
    expect(ids).toMatch(/\d{3}\*{11}[\dX]{4}/);
    expect(ids).not.toMatch(/\d{17}[\dX]/);
    expect(sheet.getColumn(9).values.slice(2).join('、')).not.toMatch(/1\d{10}/);

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
    expect(download.suggestedFilename()).toMatch(/^积案台账-含个人信息-\d{8}-\d{6}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await readFile((await download.path())!)).buffer);
    const ids = workbook.getWorksheet('积案台账')!.getColumn(8).values.slice(2).join('、');
    expect(ids).toMatch(/\d{17}[\dX]/);
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });
});
