import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisputeFigures } from '../../shared/contract/disputes';
import { formatRate } from '../../shared/domain/ledger/figures';
import { periodOf } from '../../shared/domain/reports/period';
import { countyDate } from '../../shared/domain/time';
import { samplePdf } from '../helpers/files';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { openSession, type Session } from './support/browser';
import { settled } from './support/settle';
import { cookieClient, startWebApp, type WebApp } from './support/serve';

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
    // The disputes' section comes before 需关注事项, with the small demo's intake of today.
    expect(await preview.textContent()).toMatch(
      /四、矛盾纠纷多元化解今日受理矛盾纠纷 \d+ 件（来访 \d+ 件.*五、需关注事项/,
    );
    await page.getByTestId('report-paragraph-4-0').fill('请各承办单位抓紧办理超期积案。');
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
    await page
      .locator('.el-dialog', { has: page.getByTestId('report-editor') })
      .getByRole('button', { name: '取消' })
      .click();
    await page.getByTestId('report-editor').waitFor({ state: 'hidden' });
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('puts the month’s disputes in the 月通报: rates with what they divide, tables by township and category', async () => {
    const { page } = session;
    const officer = cookieClient(app.url);
    await officer('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const first = <T>(answer: { ok: boolean; data?: unknown }) => (answer.data as { items: T[] }).items[0]!;
    const township = first<{ code: string }>(await officer('regions.list', { level: 'township' })).code;
    const unitId = first<{ id: string }>(await officer('units.list', {})).id;
    // Taken in on the first day of the month the bulletin covers: settled, failed, guided, still open.
    const { from, to } = periodOf('monthly', countyDate(new Date()));
    const steps = [
      [
        { action: 'route', handlingKind: 'people_mediation', unitId, happenedOn: from },
        { action: 'startMediation', coordination: 'single', mediator: '刘调解员' },
        { action: 'settle', agreement: '双方达成协议', judicialConfirmation: 'no', happenedOn: from },
      ],
      [{ action: 'guide', legalPath: 'litigation', reason: '须经法院确认' }],
      [],
    ];
    for (const [index, category] of ['neighbour', 'labour', 'contract'].entries()) {
      const created = await officer<{ id: string }>('disputes.create', {
        channel: 'visit',
        category,
        summary: `端到端月通报纠纷 ${index + 1}`,
        receivedOn: from,
        townshipCode: township,
        urgency: 'normal',
        riskColour: 'yellow',
        level: 'township',
        parties: [{ kind: 'person', side: 'applicant', name: '王建国' }],
      });
      expect(created.error?.message).toBeUndefined();
      const id = created.data!.id;
      for (const step of steps[index]!) {
        const agreement =
          step.action === 'settle'
            ? await officer<{ id: string }>('attachments.upload', {
                entity: 'dispute',
                entityId: id,
                purpose: 'agreement',
                fileName: '调解协议书.pdf',
                base64: samplePdf().toString('base64'),
              })
            : null;
        const done = await officer('disputes.transition', {
          id,
          ...step,
          ...(agreement ? { agreementAttachmentId: agreement.data!.id } : {}),
        });
        expect(done.error?.message).toBeUndefined();
      }
    }
    // The demo's disputes of that month count too: the bulletin says what 纠纷统计 says of the month.
    const { figures, breakdowns } = (await officer<DisputeFigures>('disputes.figures', { period: { from, to } })).data!;
    const received = figures.resolution_rate.denominator;
    const [settledCount, escalated] = [figures.resolution_rate.numerator, figures.escalation_rate.numerator];

    await page.getByTestId('reports-generate').locator('button').last().click();
    await page.getByTestId('reports-generate-monthly').click();
    const monthly = page.getByTestId('report-preview');
    await monthly.getByText('综治工作月通报').waitFor();
    const disputes = monthly.locator('section', { hasText: '矛盾纠纷多元化解' });
    const text = (await disputes.textContent()) ?? '';
    expect(text).toContain(
      `三、矛盾纠纷多元化解本月受理矛盾纠纷 ${received} 件，` +
        `化解率 ${formatRate(figures.resolution_rate)}（化解数 ${settledCount} 件 ÷ 受理数 ${received} 件）；`,
    );
    expect(text).toContain(
      `上交率 ${formatRate(figures.escalation_rate)}（曾上交上级 ${escalated} 件 ÷ 受理数 ${received} 件）。`,
    );
    expect(text).toMatch(/排名/);
    expect(await disputes.locator('.caption').allTextContents()).toEqual([
      '本月各乡镇（街道）矛盾纠纷化解情况',
      '本月矛盾纠纷分类情况',
    ]);
    // One row per township and per category, each with its 受理 and 化解 as 纠纷统计 counts them.
    const rowsOf = async (table: number) =>
      (await disputes.locator('table').nth(table).locator('tbody tr').allInnerTexts()).map((row) => row.split('\t'));
    expect((await rowsOf(0)).length).toBe(breakdowns.township.length);
    const byCategory = (await rowsOf(1)).map(([label, taken, resolved]) => [label, Number(taken), Number(resolved)]);
    expect(byCategory.sort()).toEqual(
      breakdowns.category
        .map((row) => [row.label, row.figures.resolution_rate.denominator, row.figures.resolution_rate.numerator])
        .sort(),
    );
    expect(byCategory.map(([label]) => label)).toEqual(expect.arrayContaining(['合同', '劳动争议', '邻里']));
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    await disputes.locator('table').last().scrollIntoViewIfNeeded();
    await session.screenshots('report-monthly-disputes', page.locator('.el-dialog', { has: monthly }));
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
