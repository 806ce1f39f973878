import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardFigures } from '../../shared/contract/hazards';
import { countyDate } from '../../shared/domain/time';
import { signIn, signOut } from './support/auth';
import { choose } from './support/select';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'yinhuanyuan', displayName: '郑隐患', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const LEADER = { username: 'fengxianlingdao', displayName: '孙带班', roles: ['leader'], password: 'Lead-2026-Own' };
const TITLE = '青禾县测试村土地承包纠纷（端到端测试）';
const MEASURE = '组织双方调解，核实承包合同（端到端测试）';

/** Types a date into the Element Plus date picker of a form item. */
async function fillDate(page: Page, item: Locator, date: string): Promise<void> {
  await item.locator('input').first().fill(date);
  await page.keyboard.press('Enter');
}

/** A dialog whose first field is a date opens its picker on focus: a click on the title closes it. */
async function closePicker(page: Page): Promise<void> {
  await settled(page);
  await page.locator('.el-dialog__title:visible').last().click();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.el-picker__popper')).every((d) => !(d as HTMLElement).checkVisibility()),
  );
}

/** Submits the drawer's step dialog (none of them asks for a confirmation) and waits for it to close. */
async function submitStep(page: Page, testid: string): Promise<void> {
  await page.getByTestId(`${testid}-submit`).click();
  await page.getByTestId(`${testid}-dialog`).waitFor({ state: 'hidden' });
}

// One story on one web app and one browser page, in order: each test starts where the one before
// left off (the form left open, the hazard registered and resolved, then closed out by the leader,
// who stays signed in for the figures).
describe('the risk hazards ledger', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  /** The petition case the hazard is linked to, found again from the petition's side. */
  let caseNo = '';

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER, LEADER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('lists a registered hazard, opens it with its notes, and shows the registration form', async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const townships = await api<{ items: Array<{ code: string }> }>('regions.list', { level: 'township' });
    const today = countyDate(new Date());
    const created = await api<{ id: string; hazardNo: string }>('hazards.create', {
      title: '某工地拖欠农民工工资',
      category: 'wage_arrears',
      foundOn: today,
      townshipCode: townships.data!.items[0]!.code,
      level: 'yellow',
      description: '涉及 30 余名务工人员，已多次到工地讨薪。',
      people: [{ name: '李大山', phone: '13911112222' }],
    });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);
    const noted = await api('hazards.addNote', {
      id: created.data!.id,
      kind: 'analysis',
      notedOn: today,
      content: '情绪激动，近期有聚集苗头，建议调升为橙色。',
      trend: 'rising',
    });
    expect(noted.ok, JSON.stringify(noted.error)).toBe(true);

    await page.goto(`${app.url}#/risks/hazards`);
    const table = page.getByTestId('hazards-table');
    await table.getByText('某工地拖欠农民工工资').waitFor();
    expect(await table.textContent()).not.toContain('李大山');
    await session.screenshots('hazards-list');

    await table.getByText('某工地拖欠农民工工资').click();
    const drawer = page.getByTestId('hazard-drawer');
    await drawer.getByText('情绪激动，近期有聚集苗头').waitFor();
    await settled(page); // the drawer's slide-in
    await session.screenshot('hazard-drawer');
    expect(await drawer.textContent()).not.toContain('13911112222');
    await page.keyboard.press('Escape');

    await page.getByTestId('hazards-create').click();
    await page.getByTestId('hazard-form-dialog').waitFor();
    await page.waitForFunction(() => !document.querySelector('.dialog-fade-enter-active'));
    await session.screenshot('hazard-form');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('registers a hazard through the form, records an analysis, raises its colour and takes measures', async () => {
    const { page } = session;
    const today = countyDate(new Date());
    await page.keyboard.press('Escape');
    await page.getByTestId('hazard-form-dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('hazards-create').click();
    await page.getByTestId('hazard-form-dialog').waitFor();
    await page.getByTestId('hazard-title').fill(TITLE);
    await choose(page, 'hazard-category', '土地纠纷');
    await page.getByTestId('hazard-form-level').getByText('黄色').click();
    await choose(page, 'hazard-township', '南关街道');
    await page.getByTestId('hazard-description').fill('两户村民因承包地边界争执，曾发生肢体冲突。');
    await settled(page);
    await session.screenshots('hazard-flow-1-form', page.getByTestId('hazard-form-dialog'));
    await page.getByTestId('hazard-form-submit').click();
    await page.getByTestId('hazard-form-dialog').waitFor({ state: 'hidden' });

    // Registering opens the new hazard's drawer.
    const drawer = page.getByTestId('hazard-drawer');
    await drawer.getByText(TITLE).first().waitFor();
    await drawer.getByTestId('hazard-status').getByText('发现').waitFor();
    await settled(page);
    await session.screenshot('hazard-flow-2-registered');

    await drawer.getByTestId('hazard-action-addNote').click();
    await page.getByTestId('hazard-step-dialog').waitFor();
    await closePicker(page);
    await page.getByTestId('hazard-note-content').fill('双方分歧加大，一方扬言到县上访，建议调升为橙色。');
    await choose(page, 'hazard-note-trend', '升温');
    await settled(page);
    await session.screenshot('hazard-flow-3-note-dialog');
    await submitStep(page, 'hazard-step');
    await drawer.getByTestId('hazard-notes').getByText('双方分歧加大').waitFor();

    await drawer.getByTestId('hazard-action-changeLevel').click();
    await page.getByTestId('hazard-step-dialog').waitFor();
    // Date pickers start the week on Monday (Day.js's zh-cn locale).
    await page.getByTestId('hazard-step-dialog').locator('.el-date-editor input').click();
    const weekdays = page.locator('.el-picker__popper:visible .el-date-table th');
    await weekdays.first().waitFor();
    expect((await weekdays.allInnerTexts()).map((t) => t.trim())).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    await closePicker(page);
    await page.getByTestId('hazard-level').getByText('橙色').click();
    await page.getByTestId('hazard-level-reason').fill('研判认为存在越级上访苗头');
    await settled(page);
    await session.screenshots('hazard-flow-4-level-dialog', page.getByTestId('hazard-step-dialog'));
    await submitStep(page, 'hazard-step');
    await drawer.getByTestId('hazard-level-history').getByText('研判认为存在越级上访苗头').waitFor();
    await session.screenshot('hazard-flow-5-raised');

    // Links: a petition case by its number, and a stability assessment by its number.
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const cases = await api<{ items: Array<{ caseNo: string }> }>('petitions.list', { pageSize: 1 });
    caseNo = cases.data!.items[0]!.caseNo;
    const assessments = await api<{ items: Array<{ assessmentNo: string }> }>('assessments.list', { pageSize: 1 });
    const assessmentNo = assessments.data!.items[0]!.assessmentNo;
    await drawer.getByTestId('hazard-link-case').fill(caseNo);
    await drawer.getByTestId('hazard-link-submit').click();
    await drawer.getByTestId('hazard-links').getByText(caseNo).waitFor();
    await drawer.getByTestId('hazard-link-assessment').fill(assessmentNo);
    await drawer.getByTestId('hazard-link-assessment-submit').click();
    await drawer.getByTestId('hazard-assessments').getByText(assessmentNo).waitFor();

    await drawer.getByTestId('hazard-action-startResolving').click();
    await page.getByTestId('hazard-step-dialog').waitFor();
    await choose(page, 'hazard-leader');
    await choose(page, 'hazard-responsible');
    await page.getByTestId('hazard-measures').fill('包保干部每周走访，司法所参与调解');
    await settled(page);
    await session.screenshot('hazard-flow-6-start-dialog');
    await submitStep(page, 'hazard-step');
    await drawer.getByTestId('hazard-status').getByText('化解中').waitFor();

    await drawer.getByTestId('task-create').click();
    await page.getByTestId('task-dialog').waitFor();
    await page.getByTestId('task-title').fill(MEASURE);
    await choose(page, 'task-unit', '南关街道');
    await fillDate(page, page.getByTestId('task-due'), '2027-01-15');
    await settled(page);
    await session.screenshot('hazard-flow-7-measure-dialog');
    await submitStep(page, 'task');
    await drawer.getByTestId('task-list').getByText(MEASURE).waitFor();
    await session.screenshot('hazard-flow-8-measure');

    await drawer.getByTestId('task-list').getByTestId('task-complete').first().click();
    await page.getByTestId('task-dialog').waitFor();
    const dialog = page.getByTestId('task-dialog');
    await fillDate(page, dialog.locator('.el-form-item', { hasText: '完成日期' }), today);
    await page.getByTestId('task-outcome').fill('双方签订调解协议，边界重新确认');
    await settled(page);
    await session.screenshot('hazard-flow-9-complete-dialog');
    await submitStep(page, 'task');
    await drawer.getByTestId('task-list').getByText('已完成').waitFor();

    await drawer.getByTestId('hazard-action-resolve').click();
    await page.getByTestId('hazard-step-dialog').waitFor();
    await page.getByTestId('hazard-outcome').fill('调解协议已履行，双方息诉');
    await submitStep(page, 'hazard-step');
    await drawer.getByTestId('hazard-status').getByText('已化解').waitFor();
    await settled(page);
    await session.screenshot('hazard-flow-10-resolved');
    // A duty officer cannot close it out: that is the leader's.
    expect(await drawer.getByTestId('hazard-action-closeOut').count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await signOut(page);
  });

  it('lets the leader close it out (销号)', async () => {
    const { page } = session;
    await signIn(page, app.url, LEADER.username, LEADER.password);
    await page.goto(`${app.url}#/risks/hazards`);
    await page.getByTestId('hazards-keyword').fill('土地承包纠纷（端到端');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('hazards-table').locator('tbody tr', { hasText: TITLE }).first().click();
    const drawer = page.getByTestId('hazard-drawer');
    await drawer.getByTestId('hazard-status').getByText('已化解').waitFor();
    await drawer.getByTestId('hazard-action-closeOut').click();
    await page.getByTestId('hazard-step-dialog').waitFor();
    await page.getByTestId('hazard-evidence').fill('调解协议、回访记录');
    await settled(page);
    await session.screenshot('hazard-flow-11-closeout-dialog');
    await submitStep(page, 'hazard-step');
    await drawer.getByTestId('hazard-status').getByText('已销号').waitFor();
    await settled(page);
    await session.screenshot('hazard-flow-12-closed');
    expect(await drawer.textContent()).toContain('销号');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The petition case shows the hazard linked to it.
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-keyword').fill(caseNo);
    await page.getByTestId('search-submit').click();
    await page.getByTestId('petitions-table').locator('tbody tr', { hasText: caseNo }).first().click();
    const hazards = page.getByTestId('petition-drawer').getByTestId('petition-hazards');
    await hazards.getByText(TITLE).waitFor();
    expect(await hazards.textContent()).toContain('已销号');
    await hazards.scrollIntoViewIfNeeded();
    await settled(page);
    await session.screenshot('hazard-flow-13-petition-drawer');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens the 隐患统计 page, and a figure opens exactly the hazards behind it, the filter named', async () => {
    const { page } = session;
    const api = cookieClient(app.url);
    await api('auth.login', { username: LEADER.username, password: LEADER.password });
    const figures = (await api<HazardFigures>('hazards.figures', {})).data!;
    const red = figures.breakdowns.open_hazards_by_level.find((row) => row.key === 'red')!;
    const township = figures.breakdowns.open_hazards_by_township.find((row) => row.numerator > 0)!;
    expect(red.numerator).toBeGreaterThan(0);

    await page.goto(`${app.url}#/risks/hazards/figures`);
    const figuresPage = page.getByTestId('hazard-figures-page');
    await figuresPage.getByTestId('figure-open_hazards').waitFor();
    expect(await figuresPage.getByTestId('figure-open_hazards-numerator').textContent()).toContain(
      String(figures.figures.open_hazards.numerator),
    );
    await settled(page);
    await session.screenshot('hazard-figures');

    const listed = async (tag: string) => {
      await page.getByTestId('hazards-figure-filter').getByText(tag).waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="hazards-table"] .el-loading-mask'));
      return page.locator('.el-pagination__total').textContent();
    };
    await figuresPage.getByTestId('breakdown-open_hazards_by_level-red').click();
    expect(await listed('在办隐患（按风险等级） · 红色 · 分子')).toContain(`共 ${red.numerator} 条`);
    const rows = page.getByTestId('hazards-table').locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(red.numerator, 20));
    await session.screenshot('hazard-figures-red-list');

    await page.goBack();
    await page.getByTestId(`breakdown-open_hazards_by_township-${township.key}`).click();
    expect(await listed(`${township.label} · 分子`)).toContain(`共 ${township.numerator} 条`);
    await page.goBack();
    await page.getByTestId('figure-overdue_measures-denominator').click();
    expect(await listed('超期化解措施 · 分母')).toContain(`共 ${figures.overdueMeasures.hazards.denominator} 条`);
    // Closing the tag lifts the figure filter: the whole ledger again.
    await page.getByTestId('hazards-figure-filter').locator('.el-tag__close').click();
    await page.getByTestId('hazards-figure-filter').waitFor({ state: 'detached' });
    const all = (await api<{ total: number }>('hazards.list', {})).data!.total;
    await page.waitForFunction(
      (total) => document.querySelector('.el-pagination__total')?.textContent?.includes(`共 ${total} 条`),
      all,
    );
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
