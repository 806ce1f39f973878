import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { openSession, type Session } from './support/browser';
import { settled } from './support/settle';
import { startWebApp, type WebApp } from './support/serve';

const OFFICER = { username: 'ribaoyuan', displayName: '吴日报', roles: ['duty_officer'], password: 'Duty-2026-Own' };

describe('the daily report', () => {
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

  it('is generated from today’s data, edited, saved and downloaded as a Word file', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/reports`);
    await page.getByTestId('reports-generate').locator('button').first().click();
    const editor = page.getByTestId('report-editor');
    await editor.waitFor();
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    const preview = page.getByTestId('report-preview');
    expect(await preview.textContent()).toContain('综治工作日报');
    expect(await preview.textContent()).toContain('一、总体情况');
    expect(await preview.textContent()).toMatch(
      /全县积案办结率 (\d+\.\d{2}%|—)（已办结积案数 [\d,]+ 件 ÷ 应办结积案数/,
    );
    // Saved without a 签发人: the refusal shows on the field and beside 保存, where the officer looks.
    await page.getByTestId('report-signer').fill('');
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-error').getByText('签发人').waitFor();
    await page.getByTestId('report-signer-item').locator('.el-form-item__error').waitFor();
    expect(await page.getByTestId('report-error').isVisible()).toBe(true);
    await session.screenshots('report-signer-missing', page.locator('.el-dialog'));
    await page.getByTestId('report-signer').fill('刘带班');
    await page.getByTestId('report-paragraph-3-0').fill('请各承办单位抓紧办理超期积案。');
    await preview.getByText('请各承办单位抓紧办理超期积案。').waitFor();
    await session.screenshot('report-editor');

    await page.getByTestId('report-save').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.confirm-ok').click()]);
    expect(download.suggestedFilename()).toMatch(/社会稳定形势日报（第 1 期）\.docx$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('请各承办单位抓紧办理超期积案。');
    expect(xml).toContain('签发：刘带班');

    const table = page.getByTestId('reports-table');
    await table.getByText('第 1 期').waitFor();
    await table.getByText('查看').first().click();
    const reportDrawer = page.locator('.el-drawer', { has: page.getByTestId('report-preview') });
    await reportDrawer.getByTestId('report-preview').waitFor();
    await settled(page); // the drawer's slide-in
    await session.screenshot('report-saved');
    await reportDrawer.locator('.el-drawer__close-btn').click();

    // The weekly review ranks the townships.
    await page.getByTestId('reports-generate').locator('button').last().click();
    await page.getByTestId('reports-generate-weekly').click();
    const weekly = page.getByTestId('report-preview');
    await weekly.getByText('综治工作周点评').waitFor();
    expect(await weekly.textContent()).toContain('二、乡镇（街道）排名');
    expect(await weekly.locator('tbody tr').count()).toBeGreaterThan(10);
    // The cases' 化解率 and the hazards' 隐患化解率 side by side, each with what it divides.
    const weeklyText = (await weekly.textContent()) ?? '';
    expect(weeklyText).toMatch(
      /本周积案化解率 (\d+\.\d{2}%|—)（期内化解的积案数 [\d,]+ 件 ÷ 期内在办积案数 [\d,]+ 件）/,
    );
    expect(weeklyText).toMatch(/隐患化解率 (\d+\.\d{2}%|—)（期内化解的隐患数 [\d,]+ 处 ÷ 期内在办隐患数 [\d,]+ 处）/);
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    await session.screenshots('report-weekly', weekly);
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
