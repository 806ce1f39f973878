import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/ledger/calendar';
import { signIn } from './support/auth';
import { choose } from './support/select';
import type { Session } from './support/browser';
import type { WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'chengxu', displayName: '程值班', roles: ['duty_officer'], password: 'Duty-2026-Law' };
const SUMMARY = '要求依法补发拖欠的工程款（端到端测试：复查复核）';

/** One step through the drawer's button and the action dialog; `shoot` names its screenshots. */
async function step(session: Session, action: string, fill: () => Promise<void>, shoot?: string): Promise<void> {
  const { page } = session;
  await page.getByTestId(`petition-action-${action}`).click();
  await page.getByTestId('petition-action-dialog').waitFor();
  await fill();
  if (shoot) await session.screenshots(shoot, page.getByTestId('petition-action-dialog'));
  await page.getByTestId('petition-action-submit').click();
  const confirm = page.locator('.confirm-ok:visible');
  if (await confirm.count()) await confirm.click();
  await page.getByTestId('petition-action-dialog').waitFor({ state: 'hidden' });
}

const status = (page: Page, label: string) => page.getByTestId('petition-status').getByText(label).waitFor();

describe('the procedure of 信访工作条例 through the drawer', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('accepts, assigns, replies, runs 复查 and 复核, and the case is final', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-create').click();
    await page.getByTestId('petition-form').waitFor();
    await page.getByTestId('petition-form-petitioner-name-0').fill('钱测试');
    await page.getByTestId('petition-form-petitioner-id-0').fill('999901198502021231');
    await choose(page, 'petition-form-township', '南关街道');
    await page.getByTestId('petition-form-first-date').locator('input').fill('2026-10-08');
    await page.keyboard.press('Enter');
    await page.getByTestId('petition-form-summary').fill(SUMMARY);
    await page.getByTestId('petition-form-submit').click();
    await page.getByTestId('petition-form').waitFor({ state: 'hidden' });
    await page.getByTestId('petition-drawer').getByText(SUMMARY).waitFor();

    await step(session, 'classify', async () => {
      await choose(page, 'petition-action-field-itemType', '申诉求决');
      await choose(page, 'petition-action-field-category', '劳动社保');
    });
    await step(session, 'accept', async () => {});
    await status(page, '已受理');
    let statutory = '';
    await step(session, 'assign', async () => {
      await choose(page, 'petition-action-field-handlingUnitId', '人力资源和社会保障局', '人力');
      await choose(page, 'petition-action-field-responsibleLeaderId', '县委书记）');
      // The 办理时限 starts at Art. 34's date, named above the form.
      const alert = await page.getByTestId('petition-action-statutory').innerText();
      statutory = /\d{4}-\d{2}-\d{2}/.exec(alert)![0];
      expect(await page.getByTestId('petition-action-item-dueDate').locator('input').inputValue()).toBe(statutory);
    });
    await status(page, '已交办');
    await page.getByTestId('petition-statutory-due').getByText(statutory).waitFor();
    const limits = page.getByTestId('petition-limits');
    for (const article of ['第二十二条', '第二十三条', '第三十四条']) await limits.getByText(article).first().waitFor();
    await session.screenshots('petition-drawer-limits', limits);

    await step(
      session,
      'reply',
      async () => {
        await page.getByTestId('petition-action-field-replyKind').getByText('不予支持', { exact: true }).click();
      },
      'petition-reply-dialog',
    );
    await status(page, '已办结');
    await step(session, 'requestReview', async () => {});
    await status(page, '复查中');
    // While 复查 is pending the statutory clock runs again: the opinion is due 30 days from the request.
    const reviewDue = page.getByTestId('petition-statutory-due');
    await expect.poll(() => reviewDue.innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const drawerText = await page.getByTestId('petition-drawer').innerText();
    const requested = /复查申请 \/ 意见\s*(\d{4}-\d{2}-\d{2})/.exec(drawerText);
    expect(requested).not.toBeNull();
    expect(await reviewDue.innerText()).toBe(addDays(requested![1]!, 30));
    await session.screenshots('petition-drawer-reviewing', page.getByTestId('petition-drawer'));
    await step(session, 'decideReview', async () => {
      await page.getByTestId('petition-action-field-reason').fill('经复查，维持原处理意见');
    });
    await status(page, '已复查');
    await step(session, 'requestReReview', async () => {});
    await status(page, '复核中');
    await step(
      session,
      'decideReReview',
      async () => {
        await page.getByTestId('petition-action-field-reason').fill('经复核，维持复查意见');
        await page.getByTestId('petition-action-field-hearingDays').fill('3');
      },
      'petition-re-review-dialog',
    );
    await status(page, '已终结');
    await limits.getByText('第三十六条').first().waitFor();
    await session.screenshots('petition-drawer-final', limits);
    // After 复核 no further review is offered: only 化解 (息诉罢访) remains.
    expect(await page.getByTestId('petition-action-requestReview').count()).toBe(0);
    expect(await page.getByTestId('petition-action-resolve').count()).toBe(1);
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
