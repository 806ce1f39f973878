import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PNG, samplePdf } from '../helpers/files';
import { signedInClient } from './support/accounts';
import { signIn } from './support/auth';
import { SCREENSHOT_DIR, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import type { WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const LEADER = { username: 'fujianlingdao', displayName: '陈带班', roles: ['leader'], password: 'Lead-2026-Own' };
const AGREEMENT = samplePdf('Agreement to withdraw the petition');

// One story on one web app and one browser page, in order: the case's drawer opened in the first test
// is closed out in the second, whose cited agreement the third downloads.
describe('petition attachments: upload in the drawer, cite at close-out, download', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let caseNo: string;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [LEADER], viewport: WIDE_VIEWPORT }));
    const leaderApi = await signedInClient(app.url, LEADER);
    const resolved = await leaderApi<{ items: Array<{ caseNo: string }> }>('petitions.list', {
      status: 'resolved',
      pageSize: 1,
    });
    caseNo = resolved.data!.items[0]!.caseNo;
  });

  afterAll(() => stopApp(app, session));

  const shoot = (name: string, testId: string) =>
    session.page.getByTestId(testId).screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

  it('uploads a photo from the drawer and refuses a text file dressed as a PDF', async () => {
    const { page } = session;
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await page.goto(`${app.url}#/petitions?status=resolved`);
    await page.getByTestId(`petition-open-${caseNo}`).click();
    const attachments = page.getByTestId('petition-attachments');
    await attachments.getByText('暂无附件').waitFor();

    await attachments.getByTestId('attachment-upload-input').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: SAMPLE_PNG,
    });
    await attachments.getByText('现场照片.png').waitFor();
    expect(await attachments.getByTestId('attachment-table').innerText()).toMatch(/PNG 图片\s+\d+ B\s+陈带班/);

    await attachments.getByTestId('attachment-upload-input').setInputFiles({
      name: '假协议.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('这只是一段文字'),
    });
    await page.locator('.el-message--error', { hasText: '“假协议.pdf”不是 PDF 或图片' }).waitFor();
    expect(await attachments.locator('tbody tr').count()).toBe(1);
    await attachments.scrollIntoViewIfNeeded();
    await shoot('petition-attachments-uploaded', 'petition-drawer');
  });

  it('closes the case out citing an agreement uploaded in the close-out form', async () => {
    const { page } = session;
    await page.getByTestId('petition-action-closeOut').click();
    const dialog = page.getByTestId('petition-action-dialog');
    await dialog.waitFor();
    await page.getByTestId('petition-action-field-evidence').fill('信访人签署的息诉罢访协议');
    const picker = page.getByTestId('evidence-picker');
    await picker.getByTestId('attachment-upload-input').setInputFiles({
      name: '息诉罢访协议.pdf',
      mimeType: 'application/pdf',
      buffer: AGREEMENT,
    });
    await picker.locator('.el-checkbox.is-checked', { hasText: '息诉罢访协议.pdf' }).waitFor();
    expect(await picker.locator('.el-checkbox.is-checked').count()).toBe(1);
    await shoot('petition-closeout-evidence', 'petition-action-dialog');

    await page.getByTestId('petition-action-submit').click();
    await page.locator('.confirm-ok:visible').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('petition-status').getByText('已销号').waitFor();
    const attachments = page.getByTestId('petition-attachments');
    const cited = attachments.locator('tbody tr', { hasText: '息诉罢访协议.pdf' });
    await cited.getByText('销号依据').waitFor();
    expect(await attachments.locator('tbody tr', { hasText: '现场照片.png' }).getByText('销号依据').count()).toBe(0);
    await attachments.scrollIntoViewIfNeeded();
    await shoot('petition-attachments-closed', 'petition-drawer');
  });

  it('downloads the cited agreement byte for byte', async () => {
    const { page } = session;
    const row = page.getByTestId('petition-attachments').locator('tbody tr', { hasText: '息诉罢访协议.pdf' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('attachment-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('息诉罢访协议.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).equals(AGREEMENT)).toBe(true);
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
