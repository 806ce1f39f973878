import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/ledger/calendar';
import { countyDate } from '../../shared/domain/time';
import { signIn } from './support/auth';
import { choose } from './support/select';
import type { Session } from './support/browser';
import { messagesGone, settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'huishangyuan', displayName: '周会商', roles: ['duty_officer'], password: 'Meet-2026-Own' };
const HAZARD = '某小区业主因延期交房聚集（会商端到端测试）';
const TOPIC = '延期交房问题乡镇联席研判（端到端测试）';
const DECISION = '责成开发商三日内公布交房计划（端到端测试）';

/** Types a date into an Element Plus date picker (the test id on it or on its form item). */
async function fillDate(page: Page, testId: string, date: string): Promise<void> {
  const holder = page.getByTestId(testId);
  const input = (await holder.evaluate((e) => e.tagName)) === 'INPUT' ? holder : holder.locator('input').first();
  await input.fill(date);
  await page.keyboard.press('Enter');
}

describe('meetings (一评四会) and 今日', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('records a township meeting on a hazard, assigns its decision, and shows both on 今日', async () => {
    const { page } = session;
    const today = countyDate(new Date());
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const townships = await api<{ items: Array<{ code: string; name: string }> }>('regions.list', {
      level: 'township',
    });
    const township = townships.data!.items[0]!;
    const hazard = await api<{ id: string; hazardNo: string }>('hazards.create', {
      title: HAZARD,
      category: 'stalled_housing',
      foundOn: today,
      townshipCode: township.code,
      level: 'orange',
      description: '约 80 户业主在售楼处聚集，要求明确交房时间。',
    });
    expect(hazard.ok, JSON.stringify(hazard.error)).toBe(true);
    const hazardNo = hazard.data!.hazardNo;

    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/meetings`);
    await page.getByTestId('meetings-page').waitFor();
    await page.getByTestId('meetings-create').click();
    await page.getByTestId('meeting-form-dialog').waitFor();
    await page.getByTestId('meeting-level').getByText('乡镇（街道）级').click();
    await page.getByTestId('meeting-topic').fill(TOPIC);
    await page.getByTestId('meeting-chair').fill('王镇长');
    await choose(page, 'meeting-township', township.name);
    await page.getByTestId('meeting-add-attendee').click();
    await page.getByTestId('meeting-attendee-name-0').fill('李所长');
    await page.getByTestId('meeting-add-item').click();
    await page.getByTestId('meeting-item-number-0').fill(hazardNo);
    await page.getByTestId('meeting-add-decision').click();
    await page.getByTestId('meeting-decision-content-0').fill(DECISION);
    await settled(page);
    await session.screenshot('meeting-1-form');
    await page.getByTestId('meeting-form-submit').click();
    await page.getByTestId('meeting-form-dialog').waitFor({ state: 'hidden' });

    // Recording opens the meeting's drawer: the hazard discussed, the decision not yet assigned.
    const drawer = page.getByTestId('meeting-drawer');
    await drawer.getByTestId('meeting-items').getByText(hazardNo).waitFor();
    // The hazard discussed opens its own drawer over the meeting's.
    await drawer.getByTestId(`record-link-${hazardNo}`).click();
    const hazardDrawer = page.getByTestId('hazard-drawer');
    await hazardDrawer.getByText(HAZARD).first().waitFor();
    await settled(page);
    await session.screenshot('meeting-hazard-drawer');
    await hazardDrawer.locator('.el-drawer__close-btn').click();
    await hazardDrawer.waitFor({ state: 'hidden' });
    await session.screenshot('meeting-items-linked');
    await drawer.getByTestId('decision-assign-0').click();
    await page.getByTestId('decision-dialog').waitFor();
    await choose(page, 'decision-unit');
    await fillDate(page, 'decision-due', addDays(today, 7));
    await settled(page);
    await session.screenshot('meeting-2-assign');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('decision-dialog').waitFor({ state: 'hidden' });
    await drawer.getByTestId('decision-task-0').waitFor();
    const tasks = drawer.getByTestId('task-list');
    await tasks.getByText(DECISION).waitFor();
    expect(await tasks.textContent()).toContain('待落实');
    await settled(page);
    await session.screenshot('meeting-3-drawer');

    // The assignment is tracked like any task: start it from the drawer.
    await tasks.getByTestId('task-start').click();
    await page.getByTestId('task-progress').fill('已约谈开发商负责人');
    await page.getByTestId('task-submit').click();
    await page.getByTestId('task-dialog').waitFor({ state: 'hidden' });
    await tasks.getByText('落实中').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('meetings-table').getByText(TOPIC).waitFor();
    await messagesGone(page);
    await session.screenshot('meeting-4-list');

    // 今日: the new hazard and the new assignment, each with its action.
    await page.goto(`${app.url}#/today`);
    await page.getByTestId('today-page').waitFor();
    await page.getByTestId('today-hazards').getByText(hazardNo).waitFor();
    await page.getByTestId('today-assignments').getByText(DECISION).waitFor();
    await page.getByTestId('today-decisions').getByText(DECISION).waitFor();
    await session.screenshot('today-1-overview');
    await page.getByTestId(`today-assignment-${DECISION}`).click();
    await page.getByTestId('meeting-drawer').getByText(TOPIC).first().waitFor();
    await settled(page);
    await session.screenshot('today-2-open-meeting');
    await page.keyboard.press('Escape');

    await page.getByTestId('today-report').click();
    await page.getByTestId('reports-page').waitFor();
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
