import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { openSession, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, E2E_ADMIN, E2E_AUDITOR, startWebApp, type WebApp } from './support/serve';

const OFFICER = { username: 'gongzuotai', displayName: '周值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };

interface Counts {
  supervision?: number;
  closeOut?: number;
  overdue?: number;
}

// 工作台 as each role opens it on the small demo county, one browser signing in as each in turn.
describe('工作台 for each role, with the menu badges', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let leader: { username: string; displayName: string; roles: string[]; password: string };

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    // The leader's account bears the name of a 包案领导 of the demo, so 我的包案 lists their cases.
    const people = await app.api<{ items: Array<{ name: string }> }>('people.list', { role: 'leader', pageSize: 1 });
    leader = {
      username: 'lingdao',
      displayName: people.data!.items[0]!.name,
      roles: ['leader'],
      password: 'Lead-2026-Own',
    };
    await createAccount(app.url, app.api, OFFICER);
    await createAccount(app.url, app.api, leader);
    session = await openSession();
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it("shows the duty officer's to-dos with counts, the overdue badge, and opens 梳理分类 from a row", async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    const duty = page.getByTestId('workbench-duty');
    await duty.waitFor();
    const own = cookieClient(app.url);
    await own('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const badges = (await own('workbench.badges', {})) as { data: Counts };
    expect(badges.data.overdue).toBeGreaterThan(0);
    await page.getByTestId('badge-home-overdue').getByText(String(badges.data.overdue)).waitFor();
    const classify = await page.getByTestId('workbench-count-toClassify').innerText();
    expect(Number(classify.split('\n')[0])).toBeGreaterThan(0);
    // An overdue case's 办理时限 with its stage in one cell.
    const overdueStage = page
      .getByTestId('workbench-overdue-petitions')
      .locator('[data-testid^="workbench-case-stage-"]');
    expect((await overdueStage.first().innerText()).trim()).toBe('超期');
    await session.screenshots('workbench-duty');
    await session.screenshots('workbench-duty-overdue', page.getByTestId('workbench-overdue-petitions'));

    await page.getByTestId('workbench-to-classify').getByRole('button', { name: '分类' }).first().click();
    const dialog = page.getByTestId('petition-action-dialog');
    await dialog.waitFor();
    await session.screenshots('workbench-duty-classify', dialog);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the leader the rates, 待审批销号, the supervision queue, their own cases and the badges', async () => {
    const { page } = session;
    await signOut(page);
    await signIn(page, app.url, leader.username, leader.password);
    await page.getByTestId('workbench-leader').waitFor();
    await page.getByTestId('workbench-rate-conclusion_rate').waitFor();
    await page.getByTestId('workbench-my-cases').waitFor();
    const supervision = await page.getByTestId('workbench-supervision-total').innerText();
    await page.getByTestId('badge-petitions-menu-supervision').getByText(supervision.trim()).waitFor();
    await session.screenshots('workbench-leader');
    const queue = page.getByTestId('workbench-supervision');
    const firstRow = queue.locator('.el-table__row').first();
    // The 原因 tag (「超期 N 天」) fits its cell: a cut one left an ellipsis before 督办.
    const reason = firstRow.locator('td').nth(4).locator('.cell');
    expect(await reason.innerText()).toMatch(/^(超期|临期|越级)/);
    expect(await reason.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
    await session.screenshots('workbench-leader-supervision-row', firstRow);
    expect(session.pageErrors).toEqual([]);
  });

  it("shows the administrator the system's health", async () => {
    const { page } = session;
    await signOut(page);
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.getByTestId('workbench-admin').waitFor();
    for (const line of ['backup', 'drill', 'audit', 'disk', 'calendar'])
      await page.getByTestId(`workbench-health-${line}`).waitFor();
    await session.screenshots('workbench-admin');
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the auditor a failed sign-in among the security events', async () => {
    const { page } = session;
    await signOut(page);
    const stranger = cookieClient(app.url);
    await stranger('auth.login', { username: OFFICER.username, password: 'Wrong-2026-pw' });
    await signIn(page, app.url, E2E_AUDITOR.username, E2E_AUDITOR.password);
    const events = page.getByTestId('workbench-security-events');
    await events.getByText(OFFICER.username).first().waitFor();
    expect(await events.innerText()).toContain('auth.login');
    await session.screenshots('workbench-auditor');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
