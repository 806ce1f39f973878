import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import { choose } from './support/select';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'wenping', displayName: '陈值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const MATTER = '南关街道菜市场搬迁（端到端测试）';

/** One workflow step from the drawer: the button, the dialog's fields, its submit button. */
async function step(page: Page, action: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`assessment-action-${action}`).click();
  await page.getByTestId('assessment-step-dialog').waitFor();
  await fill();
  await page.getByTestId('assessment-step-submit').click();
  await page.getByTestId('assessment-step-dialog').waitFor({ state: 'hidden' });
}

// One story on one web app and one browser page, in order: the assessment recorded in the first test
// is taken through its workflow in the second, from the drawer the first left open.
describe('stability assessments, from 立项 to a decision and tracking', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('lists the demo assessments and records a new one, with the suggestion beside the recommendation', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/assessments`);
    await page.getByTestId('assessments-table').locator('tbody tr').first().waitFor();
    await session.screenshots('assessments-list');

    // The 涉及乡镇 filter narrows the list to the assessments of that township, as the API counts them.
    const townships = await app.api<{ items: Array<{ code: string; name: string }> }>('regions.list', {
      level: 'township',
      pageSize: 50,
    });
    const township = townships.data!.items[0]!;
    const officerApi = cookieClient(app.url);
    await officerApi('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const inTownship = (await officerApi('assessments.list', { townshipCode: township.code })) as {
      data: { total: number };
    };
    await choose(page, 'assessments-township', township.name);
    await page.getByTestId('assessments-search').getByTestId('search-submit').click();
    await page.locator('.el-pagination__total').getByText(`共 ${inTownship.data.total} 条`).waitFor();
    await page.getByTestId('assessments-search').getByRole('button', { name: '重置' }).click();

    await page.getByTestId('assessments-create').click();
    await page.getByTestId('assessment-form-dialog').waitFor();
    await page.getByTestId('assessment-form-submit').click();
    await page.getByTestId('assessment-form-dialog').locator('.el-form-item__error').first().waitFor();
    await session.screenshot('assessment-form-validation');

    await page.getByTestId('assessment-matter').fill(MATTER);
    await choose(page, 'assessment-matter-type', '重大决策');
    await choose(page, 'assessment-unit', '南关街道', '南关');
    await choose(page, 'assessment-townships', '南关街道');
    await page.keyboard.press('Escape');
    await page.getByTestId('assessment-body').fill('县社会稳定风险评估中心');
    for (const dimension of ['legality', 'rationality', 'feasibility', 'controllability']) {
      await page.getByTestId(`assessment-dimension-${dimension}`).fill('经评估，总体可行');
    }
    await page.getByTestId('assessment-consultation-questionnaire').locator('input').fill('200');
    await page.getByTestId('assessment-add-risk').click();
    await page.getByTestId('assessment-risk-0').fill('部分摊主对新址客流有顾虑');
    await choose(page, 'assessment-before', '中');
    await choose(page, 'assessment-after', '低');
    await page.getByTestId('assessment-recommended-suggestion').getByText('系统建议：实施').waitFor();
    await page.getByTestId('assessment-recommended-suggestion').getByText('采用建议').click();
    await session.screenshot('assessment-form');
    await page.getByTestId('assessment-form-submit').click();
    await page.getByTestId('assessment-form-dialog').waitFor({ state: 'hidden' });
  });

  it('takes it through assessment, a measure, the decision and tracking, step by step in the drawer', async () => {
    const { page } = session;
    const drawer = page.getByTestId('assessment-drawer');
    await drawer.getByText(MATTER).first().waitFor();
    await step(page, 'startAssessment');

    // Submitting without a measure is refused, naming what is missing.
    await page.getByTestId('assessment-action-submitForDecision').click();
    await page.getByTestId('assessment-step-submit').click();
    await page
      .getByTestId('assessment-step-problems')
      .getByText(/至少制定一项化解措施/)
      .waitFor();
    await page.getByTestId('assessment-step-dialog').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('assessment-step-dialog').waitFor({ state: 'hidden' });

    await drawer.getByTestId('task-create').click();
    await page.getByTestId('task-dialog').waitFor();
    await page.getByTestId('task-title').fill('新址周边增设公交站点');
    await choose(page, 'task-unit', '南关街道', '南关');
    await page.getByTestId('task-due').locator('input').fill('2099-12-31');
    await page.keyboard.press('Enter');
    await page.getByTestId('task-submit').click();
    await page.getByTestId('task-dialog').waitFor({ state: 'hidden' });
    await drawer.getByText('新址周边增设公交站点').waitFor();

    await step(page, 'submitForDecision');
    await step(page, 'decide', async () => {
      await page.getByTestId('assessment-step-decidedBy').fill('县委常委会');
    });
    await page.getByTestId('assessment-decision').getByText('实施').waitFor();
    await step(page, 'startTracking');
    await page.getByTestId('assessment-status').getByText('跟踪中').waitFor();
    // The steps' notices fade first, so the picture shows the drawer itself.
    await page.locator('.el-message').last().waitFor({ state: 'detached' });
    await session.screenshot('assessment-drawer');

    await page.getByTestId('assessment-action-reReview').click();
    await page.getByTestId('re-review-finding').fill('摊主已入驻新址，经营平稳');
    await page.getByTestId('assessment-re-review-submit').click();
    await page.getByTestId('assessment-re-review-dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('assessment-re-reviews').getByText('摊主已入驻新址，经营平稳').waitFor();

    const timeline = await page.getByTestId('assessment-timeline').innerText();
    for (const entry of ['立项', '开始评估', '提请决策', '作出决策', '开始跟踪', '复评'])
      expect(timeline).toContain(entry);
    const decision = await page.getByTestId('assessment-conclusion').innerText();
    expect(decision).toContain('县委常委会');
  });

  it('shows the re-reviews that come due, and the figures whose numbers open exactly their assessments', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await page.goto(`${app.url}#/risks/assessments/re-reviews`);
    await page.getByTestId('re-reviews-due-page').waitFor();
    await page.getByTestId('re-reviews-due-table').locator('tbody').waitFor();
    await session.screenshot('assessment-re-reviews-due');
    await page.goto(`${app.url}#/risks/assessments/figures`);
    const low = page.getByTestId('breakdown-assessments_by_level-low');
    await low.waitFor();
    const count = Number((await low.innerText()).trim());
    await session.screenshot('assessment-figures');
    await low.click();
    await page.getByTestId('assessments-figure-filter').waitFor();
    await page.getByTestId('assessments-table').locator('tbody tr').first().waitFor();
    const total = await page.locator('.el-pagination__total').innerText();
    expect(total).toContain(String(count));
  });
});
